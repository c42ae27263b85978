package org.shopcast.forecast.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricsTest {
  // Hand-checked: errors are 1, -2, 0, 3 on actuals 10, 20, 30, 40.
  private static final double[] Y = {10, 20, 30, 40};
  private static final double[] F = {9, 22, 30, 37};

  @Test
  void pointMetrics_matchHandComputedValues() {
    assertThat(Metrics.mse(Y, F)).isCloseTo(14.0 / 4, within(1e-12));
    assertThat(Metrics.rmse(Y, F)).isCloseTo(Math.sqrt(3.5), within(1e-12));
    assertThat(Metrics.mae(Y, F)).isCloseTo(6.0 / 4, within(1e-12));
    assertThat(Metrics.mape(Y, F)).isCloseTo(100 * (0.1 + 0.1 + 0 + 0.075) / 4, within(1e-12));
    assertThat(Metrics.smape(Y, F))
        .isCloseTo((200.0 / 19 + 400.0 / 42 + 0 + 600.0 / 77) / 4, within(1e-12));
    // SST = 500, SSE = 14
    assertThat(Metrics.r2(Y, F)).isCloseTo(1 - 14.0 / 500, within(1e-12));
  }

  @Test
  void mase_scalesBySeasonalNaiveInSampleError() {
    double[] insample = {1, 5, 2, 6, 4, 8};
    // lag-2 diffs: 1, 1, 2, 2 -> mean 1.5; MAE of (Y, F) = 1.5
    assertThat(Metrics.scale(insample, 2)).isCloseTo(1.5, within(1e-12));
    assertThat(Metrics.mase(insample, Y, F, 2)).isCloseTo(1.0, within(1e-12));
  }

  @Test
  void coverage_countsActualsInsideBounds() {
    double[] lo = {9, 21, 25, 41};
    double[] hi = {11, 25, 30, 45};
    assertThat(Metrics.coverage(Y, lo, hi)).isEqualTo(0.5);
  }

  @Test
  void owa_isMeanOfRelativeErrors() {
    assertThat(Metrics.owa(9, 1, 18, 2)).isEqualTo(0.5);
  }

  @Test
  void lengthMismatch_isRefused() {
    assertThatThrownBy(() -> Metrics.mae(Y, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("same non-zero length, got 4 and 1");
  }
}
