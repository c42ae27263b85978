package org.shopcast.forecast.var;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Intervals;

/**
 * R's {@code vars} package is not installed here, so the reference is a simulated VAR(2) with known
 * coefficients (seeded Gaussian noise, 3,000 steps): AIC must find order 2, the least-squares
 * estimates must lie within 0.05 of the true values (their standard errors are about 0.02), and the
 * one-step forecast and interval are recomputed by hand from the fitted coefficients.
 */
class VarTest {
  private static final double[] C = {1.0, -0.5};
  private static final double[][] A1 = {{0.5, 0.1}, {0.2, 0.3}};
  private static final double[][] A2 = {{-0.2, 0.0}, {0.1, 0.25}};

  private static double[][] simulate(int n, long seed) {
    Random r = new Random(seed);
    double[][] y = new double[2][n];
    for (int t = 2; t < n; t++) {
      for (int i = 0; i < 2; i++) {
        double v = C[i] + r.nextGaussian() * (i == 0 ? 1.0 : 0.5);
        for (int j = 0; j < 2; j++) {
          v += A1[i][j] * y[j][t - 1] + A2[i][j] * y[j][t - 2];
        }
        y[i][t] = v;
      }
    }
    return y;
  }

  @Test
  void recoversKnownCoefficientsAndOrder() {
    double[][] y = simulate(3000, 42);
    Var.Fit fit = new Var(6).fit(y);
    assertThat(fit.order()).isEqualTo(2);
    assertThat(fit.aic()).hasSize(6);
    for (int i = 0; i < 2; i++) {
      assertThat(fit.intercept(i)).isCloseTo(C[i], within(0.15));
      for (int j = 0; j < 2; j++) {
        assertThat(fit.coefficient(1, i, j)).isCloseTo(A1[i][j], within(0.05));
        assertThat(fit.coefficient(2, i, j)).isCloseTo(A2[i][j], within(0.05));
      }
    }
    assertThat(fit.sigma(0, 0)).isCloseTo(1.0, within(0.1));
    assertThat(fit.sigma(1, 1)).isCloseTo(0.25, within(0.03));
    assertThat(fit.sigma(0, 1)).isCloseTo(0.0, within(0.05));
  }

  @Test
  void forecastsByHand() {
    double[][] y = simulate(500, 7);
    Var.Fit fit = new Var(0).fit(y);
    List<Forecast> f = fit.forecast(3, 0.95);
    assertThat(f).hasSize(2);
    int n = 500;
    double z = Intervals.z(0.95);
    for (int i = 0; i < 2; i++) {
      double v = fit.intercept(i);
      for (int lag = 1; lag <= fit.order(); lag++) {
        for (int j = 0; j < 2; j++) {
          v += fit.coefficient(lag, i, j) * y[j][n - lag];
        }
      }
      assertThat(f.get(i).point()).hasSize(3);
      assertThat(f.get(i).point()[0]).isCloseTo(v, within(1e-9));
      assertThat(f.get(i).upper()[0] - f.get(i).point()[0])
          .isCloseTo(z * Math.sqrt(fit.sigma(i, i)), within(1e-9));
      assertThat(f.get(i).upper()[2] - f.get(i).lower()[2])
          .isGreaterThan(f.get(i).upper()[0] - f.get(i).lower()[0]);
    }
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> new Var(0).fit(new double[][] {{1, 2, 3, 4, 5, 6, 7, 8}, {1, 2, 3}}))
        .hasMessageContaining("same length");
    assertThatThrownBy(() -> new Var(0).fit(new double[][] {{1, 2, 3}, {3, 2, 1}}))
        .hasMessageContaining("[TooShort]");
    assertThatThrownBy(() -> new Var(0).fit(new double[][] {{1, 1, 1, 1, 1, 1, 1, 1, 1}}))
        .hasMessageContaining("[Constant]");
  }
}
