package org.shopcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Intervals;
import org.shopcast.forecast.RData;

/**
 * Golden values from R 4 (stats::arima, forecast 8.20), computed once on 2026-12-03: {@code
 * arima(lh, order = c(1,0,0), method = "CSS")} (ar1 0.5860, intercept 2.4151, sigma^2 0.2016,
 * predict: 2.699229, 2.581578, 2.512635, se 0.4490, 0.5205, 0.5428) and {@code Arima(AirPassengers,
 * order = c(0,1,1), seasonal = c(0,1,1), method = "CSS")} (forecasts 447.0758, 421.9400, 453.7603;
 * 95% upper 470.0682, 449.8831, 485.9003); {@code ndiffs(Nile) = 1}, {@code nsdiffs(AirPassengers)
 * = 1}.
 */
class ArimaTest {
  /** R's {@code lh}: luteinizing hormone in blood samples, 48 values. */
  static final double[] LH = {
    2.4, 2.4, 2.4, 2.2, 2.1, 1.5, 2.3, 2.3, 2.5, 2, 1.9, 1.7, 2.2, 1.8, 3.2, 3.2, 2.7, 2.2, 2.2,
    1.9, 1.9, 1.8, 2.7, 3, 2.3, 2, 2, 2.9, 2.9, 2.7, 2.7, 2.3, 2.6, 2.4, 1.8, 1.7, 1.5, 1.4, 2.1,
    3.3, 3.5, 3.5, 3.1, 2.6, 2.1, 3.4, 3, 2.9
  };

  @Test
  void ar1Css_matchesR() {
    ArimaModel fit = AutoArima.fit(LH, new ArimaOrder(1, 0, 0, 0, 0, 0, 1, true));
    assertThat(fit.mean()).isCloseTo(2.4151, within(2e-3));
    // R divides the CSS by n - p = 47 (no d.o.f. for the mean), as here
    assertThat(fit.sigma2()).isCloseTo(0.2016, within(5e-4));
    Forecast f = fit.forecast(3, 0.95);
    assertThat(f.point())
        .containsExactly(new double[] {2.699229, 2.581578, 2.512635}, within(2e-3));
    double z = Intervals.z(0.95);
    assertThat((f.upper()[2] - f.point()[2]) / z).isCloseTo(0.5428308, within(2e-3));
  }

  @Test
  void airlineModelCss_matchesR() {
    ArimaModel fit = AutoArima.fit(RData.AIR, new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false));
    Forecast f = fit.forecast(3, 0.95);
    double[] r = {447.0758, 421.9400, 453.7603};
    double[] up = {470.0682, 449.8831, 485.9003};
    for (int h = 0; h < 3; h++) {
      assertThat(f.point()[h]).isCloseTo(r[h], withinPercentage(0.5));
      assertThat(f.upper()[h]).isCloseTo(up[h], withinPercentage(1));
    }
  }

  @Test
  void differencingTests_matchR() {
    assertThat(UnitRoot.ndiffs(RData.NILE, 2)).isEqualTo(1);
    assertThat(UnitRoot.nsdiffs(RData.AIR, 12)).isEqualTo(1);
  }

  @Test
  void kpss_isSmallForWhiteNoiseAndLargeForARandomWalk() {
    java.util.Random rnd = new java.util.Random(11);
    double[] noise = new double[400];
    double[] walk = new double[400];
    for (int t = 0; t < 400; t++) {
      noise[t] = rnd.nextGaussian();
      walk[t] = (t == 0 ? 0 : walk[t - 1]) + rnd.nextGaussian();
    }
    assertThat(UnitRoot.kpss(noise)).isLessThan(UnitRoot.KPSS_CRITICAL_5);
    assertThat(UnitRoot.kpss(walk)).isGreaterThan(UnitRoot.KPSS_CRITICAL_5);
  }

  @Test
  void autoArima_seasonallyDifferencesAirPassengers() {
    ArimaModel fit = new AutoArima(12).select(RData.AIR);
    assertThat(fit.order().sd()).isEqualTo(1);
    for (double v : fit.forecast(12, 0.9).point()) {
      assertThat(v).isBetween(350.0, 700.0);
    }
  }

  @Test
  void orders_areValidated() {
    assertThatThrownBy(() -> new ArimaOrder(1, 2, 0, 0, 0, 0, 1, true))
        .hasMessage("a constant needs d + D <= 1, got d + D = 2");
    assertThat(new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false).toString())
        .isEqualTo("ARIMA(0,1,1)(0,1,1)[12]");
  }
}
