package org.shopcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Intervals;

/**
 * Regression with ARIMA errors against R 4 {@code stats::arima} (exact ML, the example of R's
 * {@code ?arima}), computed once on 2026-12-03: {@code arima(LakeHuron, order = c(2,0,0), xreg =
 * time(LakeHuron) - 1920)}: ar1 1.00480374416, ar2 -0.29131982222, intercept 579.09934482083, x
 * -0.02156882822, sigma^2 0.4566186433, loglik -101.1982673; {@code predict(n.ahead = 3, newxreg =
 * 53:55)} 579.3971650, 578.8050541, 578.3678840 with se 0.6757356312, 0.9579325559, 1.0738884719.
 * {@code arima(LakeHuron, order = c(1,1,0), xreg = ...)}: ar1 0.136181575048, x -0.001805257302,
 * loglik -108.2267825; predictions 579.9679733, 579.9674997. (On {@code order = c(1,1,1)} the
 * likelihood is flat along a near cancellation of the AR and MA roots and Shopcast stops in another
 * local maximum, -107.469 against R's -107.400.)
 */
class ArimaRegressorsTest {
  /** R's {@code LakeHuron}: level of Lake Huron in feet, 1875-1972. */
  static final double[] LAKE = {
    580.38, 581.86, 580.97, 580.8, 579.79, 580.39, 580.42, 580.82, 581.4, 581.32, 581.44, 581.68,
    581.17, 580.53, 580.01, 579.91, 579.14, 579.16, 579.55, 579.67, 578.44, 578.24, 579.1, 579.09,
    579.35, 578.82, 579.32, 579.01, 579, 579.8, 579.83, 579.72, 579.89, 580.01, 579.37, 578.69,
    578.19, 578.67, 579.55, 578.92, 578.09, 579.37, 580.13, 580.14, 579.51, 579.24, 578.66, 578.86,
    578.05, 577.79, 576.75, 576.75, 577.82, 578.64, 580.58, 579.48, 577.38, 576.9, 576.94, 576.24,
    576.84, 576.85, 576.9, 577.79, 578.18, 577.51, 577.23, 578.42, 579.61, 579.05, 579.26, 579.22,
    579.38, 579.1, 577.95, 578.12, 579.75, 580.85, 580.41, 579.96, 579.61, 578.76, 578.18, 577.21,
    577.13, 579.1, 578.25, 577.91, 576.89, 575.96, 576.8, 577.68, 578.38, 578.52, 579.74, 579.31,
    579.89, 579.96
  };

  private static double[] years(int n) {
    double[] x = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = 1875 + t - 1920;
    }
    return x;
  }

  @Test
  void ar2WithTrendRegressor_matchesR() {
    double[][] x = {years(LAKE.length)};
    ArimaModel fit = AutoArima.fit(LAKE, new ArimaOrder(2, 0, 0, 0, 0, 0, 1, true), true, x);
    assertThat(fit.coefficients())
        .containsExactly(new double[] {1.00480374416, -0.29131982222}, within(2e-3));
    assertThat(fit.mean()).isCloseTo(579.09934482083, within(0.01));
    assertThat(fit.regression()).containsExactly(new double[] {-0.02156882822}, within(2e-4));
    assertThat(fit.sigma2()).isCloseTo(0.4566186433, within(2e-3));
    assertThat(fit.logLik()).isCloseTo(-101.1982673, within(2e-3));
    Forecast f = fit.forecast(new double[][] {{53, 54, 55}}, 3, 0.95);
    assertThat(f.point())
        .containsExactly(new double[] {579.3971650, 578.8050541, 578.3678840}, within(5e-3));
    double z = Intervals.z(0.95);
    double[] se = {0.6757356312, 0.9579325559, 1.0738884719};
    for (int h = 0; h < 3; h++) {
      assertThat((f.upper()[h] - f.point()[h]) / z).isCloseTo(se[h], within(5e-3));
    }
  }

  @Test
  void differencedArmaWithRegressor_matchesR() {
    double[][] x = {years(LAKE.length)};
    ArimaModel fit = AutoArima.fit(LAKE, new ArimaOrder(1, 1, 0, 0, 0, 0, 1, false), true, x);
    assertThat(fit.coefficients()).containsExactly(new double[] {0.136181575048}, within(2e-3));
    assertThat(fit.regression()).containsExactly(new double[] {-0.001805257302}, within(1e-3));
    assertThat(fit.logLik()).isCloseTo(-108.2267825, within(0.01));
    Forecast f = fit.forecast(new double[][] {{53, 54}}, 2, 0.95);
    assertThat(f.point()).containsExactly(new double[] {579.9679733, 579.9674997}, within(0.01));
  }

  @Test
  void autoArima_recoversAPromotionEffect() {
    java.util.Random rnd = new java.util.Random(3);
    int n = 300;
    int h = 10;
    double[] promo = new double[n + h];
    double[] y = new double[n];
    double e = 0;
    for (int t = 0; t < n + h; t++) {
      promo[t] = t % 17 < 3 ? 1 : 0;
      if (t < n) {
        e = 0.6 * e + rnd.nextGaussian();
        y[t] = 100 + 25 * promo[t] + e;
      }
    }
    ArimaModel fit = new AutoArima(1).select(y, new double[][] {java.util.Arrays.copyOf(promo, n)});
    assertThat(fit.regression()[0]).isCloseTo(25, within(1.0));
    Forecast f = new AutoArima(1).forecast(y, new double[][] {promo}, h, 0.9);
    for (int k = 0; k < h; k++) {
      double expected = 100 + 25 * promo[n + k];
      assertThat(f.point()[k]).isCloseTo(expected, within(6.0));
    }
  }

  @Test
  void regressorsMustCoverHistoryAndHorizon() {
    assertThatThrownBy(() -> new AutoArima(1).forecast(LAKE, new double[][] {years(98)}, 3, 0.9))
        .hasMessage("arima: regressor 1 needs 101 values (history + horizon), got 98");
  }
}
