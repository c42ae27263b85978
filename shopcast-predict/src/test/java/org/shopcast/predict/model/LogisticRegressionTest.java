package org.shopcast.predict.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** IRLS against plain gradient ascent on the same penalised likelihood. */
class LogisticRegressionTest {
  @Test
  void fit_reachesTheGradientAscentOptimum() {
    Random random = new Random(11);
    int n = 400;
    double[][] x = new double[n][2];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextGaussian();
      x[i][1] = random.nextInt(10);
      double z = 1.5 * x[i][0] - 0.3 * x[i][1] + 0.5;
      y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
    }
    double lambda = 2.0;
    LogisticRegression model = LogisticRegression.fit("lr", x, y, lambda);

    // independent fit: same transform and standardisation, then gradient ascent
    double[][] t = new double[n][3];
    for (int j = 0; j < 2; j++) {
      double mean = 0;
      for (int i = 0; i < n; i++) {
        mean += Math.signum(x[i][j]) * Math.log1p(Math.abs(x[i][j])) / n;
      }
      double var = 0;
      for (int i = 0; i < n; i++) {
        double d = Math.signum(x[i][j]) * Math.log1p(Math.abs(x[i][j])) - mean;
        var += d * d / n;
      }
      for (int i = 0; i < n; i++) {
        t[i][0] = 1;
        t[i][j + 1] =
            (Math.signum(x[i][j]) * Math.log1p(Math.abs(x[i][j])) - mean) / Math.sqrt(var);
      }
    }
    double[] beta = new double[3];
    for (int step = 0; step < 20_000; step++) {
      double[] g = new double[3];
      for (int i = 0; i < n; i++) {
        double p = 1 / (1 + Math.exp(-(beta[0] + beta[1] * t[i][1] + beta[2] * t[i][2])));
        for (int a = 0; a < 3; a++) {
          g[a] += ((y[i] ? 1 : 0) - p) * t[i][a];
        }
      }
      for (int a = 1; a < 3; a++) {
        g[a] -= lambda * beta[a];
      }
      for (int a = 0; a < 3; a++) {
        beta[a] += 0.002 * g[a];
      }
    }
    assertThat(model.intercept()).isCloseTo(beta[0], within(1e-4));
    assertThat(model.weights()[0]).isCloseTo(beta[1], within(1e-4));
    assertThat(model.weights()[1]).isCloseTo(beta[2], within(1e-4));
    assertThat(model.predict(new double[][] {{3, 0}})[0]).isGreaterThan(0.5);
  }

  @Test
  void fit_rejectsMismatchedLabels() {
    assertThatThrownBy(
            () -> LogisticRegression.fit("lr", new double[][] {{1}}, new boolean[] {}, 1))
        .hasMessageContaining("1 rows and 0 labels");
    assertThatThrownBy(
            () -> LogisticRegression.fit("lr", new double[][] {{1}}, new boolean[] {true}, -1))
        .hasMessageContaining("lambda must be >= 0, got -1.0");
  }
}
