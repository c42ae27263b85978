package org.shopcast.forecast.neural;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;

/** The GRU forecaster on small seasonal series: accuracy, shapes, determinism, refusals. */
class GruForecasterTest {
  private static final int H = 12;
  private static final GruOptions OPTIONS = new GruOptions(12, 24, 16, 32, 12, 3, 0.01, 3, 1);

  /** level + amplitude * sin(2 pi t / 12) + noise, n values and the next H as the truth. */
  private static double[] seasonal(int n, double level, double amplitude, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] =
          level
              + amplitude * Math.sin(2 * Math.PI * t / 12)
              + 0.05 * amplitude * random.nextGaussian();
    }
    return y;
  }

  private static double mae(double[] actual, double[] forecast) {
    double sum = 0;
    for (int i = 0; i < forecast.length; i++) {
      sum += Math.abs(actual[i] - forecast[i]) / forecast.length;
    }
    return sum;
  }

  private static double[] tail(double[] y, int from) {
    return java.util.Arrays.copyOfRange(y, from, y.length);
  }

  private static double[] head(double[] y, int n) {
    return java.util.Arrays.copyOf(y, n);
  }

  @Test
  void forecastAll_learnsTheSeasonOfSeveralScaledSeries() {
    double[] a = seasonal(150 + H, 100, 10, 1);
    double[] b = seasonal(120 + H, 5000, 800, 2);
    List<Forecast> forecasts =
        new GruForecaster(OPTIONS).forecastAll(List.of(head(a, 150), head(b, 120)), H, 0.9);
    assertThat(forecasts).hasSize(2);
    double[][] truths = {tail(a, 150), tail(b, 120)};
    double[][] histories = {head(a, 150), head(b, 120)};
    for (int i = 0; i < 2; i++) {
      Forecast f = forecasts.get(i);
      assertThat(f.model()).isEqualTo("gru");
      assertThat(f.point()).hasSize(H);
      // the naive forecast (last value repeated) misses the season by about the amplitude
      double[] naive = new double[H];
      java.util.Arrays.fill(naive, histories[i][histories[i].length - 1]);
      assertThat(mae(truths[i], f.point()))
          .as("series " + i)
          .isLessThan(0.5 * mae(truths[i], naive));
      for (int k = 0; k < H; k++) {
        assertThat(f.lower()[k]).isLessThanOrEqualTo(f.point()[k]);
        assertThat(f.upper()[k]).isGreaterThanOrEqualTo(f.point()[k]);
      }
    }
  }

  @Test
  void forecast_isDeterministicBySeed() {
    double[] y = seasonal(120, 50, 5, 4);
    GruOptions quick = OPTIONS.withMaxEpochs(2);
    Forecast first = new GruForecaster(quick).forecast(y, H, 0.95);
    Forecast second = new GruForecaster(quick).forecast(y, H, 0.95);
    Forecast other = new GruForecaster(quick.withSeed(4)).forecast(y, H, 0.95);
    assertThat(second).isEqualTo(first);
    assertThat(other.point()).isNotEqualTo(first.point());
  }

  @Test
  void forecast_refusesShortAndConstantSeries() {
    GruForecaster gru = new GruForecaster(OPTIONS);
    assertThatThrownBy(() -> gru.forecast(seasonal(40, 1, 1, 5), H, 0.95))
        .isInstanceOf(ForecastException.class)
        .hasMessageContaining("expected at least 48 values, got 40");
    assertThatThrownBy(() -> gru.forecast(new double[100], H, 0.95))
        .isInstanceOf(ForecastException.class)
        .hasMessageContaining("Constant");
    assertThatThrownBy(() -> gru.forecast(seasonal(100, 1, 1, 5), 0, 0.95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon must be >= 1, got 0");
  }

  @Test
  void quantile_interpolatesBetweenOrderStatistics() {
    double[] sorted = {1, 2, 3, 4};
    assertThat(GruForecaster.quantile(sorted, 0)).isEqualTo(1);
    assertThat(GruForecaster.quantile(sorted, 1)).isEqualTo(4);
    assertThat(GruForecaster.quantile(sorted, 0.5)).isEqualTo(2.5);
  }
}
