package org.shopcast.forecast.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;

class BaselineTest {
  private static final double Z95 = 1.959963984540054;
  private static final double[] Y = {1, 2, 4, 7};

  @Test
  void naive_lastValueAndSqrtHWidth() {
    Forecast f = Baseline.naive().forecast(Y, 2, 0.95);
    assertThat(f.point()).containsExactly(7, 7);
    double sigma = Math.sqrt((1 + 4 + 9) / 3.0);
    assertThat(f.upper()[1]).isCloseTo(7 + Z95 * sigma * Math.sqrt(2), within(1e-9));
  }

  @Test
  void drift_addsAverageChange() {
    Forecast f = Baseline.drift().forecast(Y, 2, 0.95);
    assertThat(f.point()).containsExactly(9, 11);
    // residuals -1, 0, 1 -> sigma 1; sd_1 = sqrt(1 + 1/3)
    assertThat(f.upper()[0] - 9).isCloseTo(Z95 * Math.sqrt(4.0 / 3), within(1e-9));
  }

  @Test
  void seasonalNaive_repeatsLastSeason() {
    double[] y = {1, 2, 3, 4, 5, 6};
    Forecast f = Baseline.seasonalNaive(3).forecast(y, 5, 0.8);
    assertThat(f.point()).containsExactly(4, 5, 6, 4, 5);
    // lag-3 diffs all 3 -> sigma 3; step 4 is in the second season: sd = 3 sqrt(2)
    double z80 = 1.2815515655446004;
    assertThat(f.upper()[3] - 4).isCloseTo(z80 * 3 * Math.sqrt(2), within(1e-9));
  }

  @Test
  void averages() {
    assertThat(Baseline.historicAverage().forecast(Y, 1, 0.9).point()).containsExactly(3.5);
    assertThat(Baseline.movingAverage(2).forecast(Y, 1, 0.9).point()).containsExactly(5.5);
  }

  @Test
  void naive2_withoutSeasonalityIsNaive() {
    assertThat(Baseline.naive2(1).forecast(Y, 3, 0.95).point()).containsExactly(7, 7, 7);
  }

  @Test
  void naive2_reseasonalisesAStrongPattern() {
    double[] s = {1.5, 0.5, 1.0, 1.0};
    double[] y = new double[48];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 * s[t % 4];
    }
    Forecast f = Baseline.naive2(4).forecast(y, 4, 0.95);
    assertThat(f.point()).containsExactly(new double[] {150, 50, 100, 100}, within(1e-9));
  }

  @Test
  void errors_nameTheProblem() {
    assertThatThrownBy(() -> Baseline.naive().forecast(Y, 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("horizon must be >= 1, got 0");
    assertThatThrownBy(() -> Baseline.seasonalNaive(12).forecast(Y, 3, 0.95))
        .isInstanceOf(ForecastException.class)
        .hasMessageContaining("[TooShort]")
        .hasMessageContaining("expected at least 13 values, got 4");
  }
}
