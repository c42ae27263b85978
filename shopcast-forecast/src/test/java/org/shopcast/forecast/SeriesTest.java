package org.shopcast.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeriesTest {
  @Test
  void interpolate_fillsInnerGapsLinearlyAndEdgesWithNearest() {
    double[] y = {Double.NaN, 1, Double.NaN, Double.NaN, 4, Double.NaN};
    assertThat(Series.prepare(y, MissingValues.INTERPOLATE)).containsExactly(1, 1, 2, 3, 4, 4);
  }

  @Test
  void refuse_namesThePosition() {
    assertThatThrownBy(() -> Series.prepare(new double[] {1, Double.NaN}, MissingValues.REFUSE))
        .isInstanceOf(ForecastException.class)
        .hasMessageContaining("[MissingValues] value 2");
  }

  @Test
  void checks() {
    assertThatThrownBy(() -> Series.checkNotConstant(new double[] {2, 2, 2}, "ets"))
        .hasMessage("[Constant] ets: expected a series that varies, got all values equal to 2.0");
    assertThatThrownBy(() -> Series.checkPositive(new double[] {2, 0}, "ets"))
        .hasMessage("[NonPositive] ets: value 2: expected a positive number, got 0.0");
    assertThatThrownBy(() -> Series.checkArguments(3, 1.0))
        .hasMessage("level must be in (0, 1), got 1.0");
  }
}
