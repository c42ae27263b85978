package org.shopcast.predict.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Hand-computed cases of the clv metrics. */
class RegressionMetricsTest {
  @Test
  void maeAndRmse_byHand() {
    double[] predicted = {1, 2, 3, 10};
    double[] actual = {0, 2, 5, 6};
    // errors 1, 0, -2, 4: MAE 7/4, RMSE sqrt((1 + 0 + 4 + 16) / 4)
    assertThat(RegressionMetrics.mae(predicted, actual)).isCloseTo(1.75, within(1e-12));
    assertThat(RegressionMetrics.rmse(predicted, actual))
        .isCloseTo(Math.sqrt(21 / 4.0), within(1e-12));
  }

  @Test
  void spearman_withTies_usesMidRanks() {
    double[] predicted = {1, 2, 2, 4};
    double[] actual = {10, 20, 40, 30};
    // ranks 1, 2.5, 2.5, 4 against 1, 2, 4, 3; means 2.5; deviations (-1.5, 0, 0, 1.5) and
    // (-1.5, -0.5, 1.5, 0.5): covariance 2.25 + 0.75 = 3, variances 4.5 and 5
    assertThat(RegressionMetrics.spearman(predicted, actual))
        .isCloseTo(3 / Math.sqrt(4.5 * 5), within(1e-12));
    assertThat(RegressionMetrics.spearman(actual, actual)).isCloseTo(1, within(1e-12));
    assertThat(RegressionMetrics.spearman(new double[] {1, 1, 1}, new double[] {1, 2, 3})).isNaN();
  }

  @Test
  void gini_byHand() {
    double[] actual = {0, 0, 10, 30};
    // best order (30, 10, 0, 0): cumulative shares 0.75, 1, 1, 1 -> 3.75 / 4 - 5/8 = 0.3125
    // order by {4, 3, 2, 1}: (0, 0, 10, 30): 0, 0, 0.25, 1 -> 1.25 / 4 - 0.625 = -0.3125
    assertThat(RegressionMetrics.normalizedGini(new double[] {4, 3, 2, 1}, actual))
        .isCloseTo(-1, within(1e-12));
    assertThat(RegressionMetrics.normalizedGini(new double[] {1, 2, 3, 4}, actual))
        .isCloseTo(1, within(1e-12));
    // a constant prediction shares the total evenly: shares 0.25, 0.5, 0.75, 1 -> gini 0
    assertThat(RegressionMetrics.normalizedGini(new double[] {5, 5, 5, 5}, actual))
        .isCloseTo(0, within(1e-12));
    // ties (30 with 0) get the mean 15 each: order (10), (30|0 -> 15, 15), (0): shares
    // 0.25, 0.625, 1, 1 -> 2.875 / 4 - 0.625 = 0.09375, over 0.3125
    assertThat(RegressionMetrics.normalizedGini(new double[] {1, 3, 5, 3}, actual))
        .isCloseTo(0.09375 / 0.3125, within(1e-12));
  }
}
