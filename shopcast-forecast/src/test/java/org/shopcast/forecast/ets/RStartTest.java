package org.shopcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * {@link RStart}'s arithmetic against values checked in R 4.2.2 on this machine: {@code mean(c(0.1,
 * 0.2, 0.3)) == 0.2} is {@code TRUE} in R (long-double accumulation) while the plain double sum
 * divided by 3 is 0.20000000000000004; {@code sum(c(1e16, 1, 1))} is {@code 1.0000000000000002e16}
 * in R (the two ones survive in the 64-bit significand) and {@code 1e16} in plain doubles.
 */
class RStartTest {
  @Test
  void meanAndSumUseLongDoubles() {
    double[] x = {0.1, 0.2, 0.3};
    assertThat((0.1 + 0.2 + 0.3) / 3).isNotEqualTo(0.2);
    assertThat(RStart.mean(x, 0, 3)).isEqualTo(0.2);
    assertThat(1e16 + 1 + 1).isEqualTo(1e16);
    assertThat(RStart.sum(new double[] {1e16, 1, 1})).isEqualTo(1.0000000000000002e16);
  }

  @Test
  void lsfitRecoversALine() {
    double[] y = new double[48];
    for (int t = 0; t < 48; t++) {
      y[t] = 3.5 + 0.25 * (t + 1);
    }
    double[] b = RStart.lsfit(y, 48);
    assertThat(b[0]).isCloseTo(3.5, within(1e-12));
    assertThat(b[1]).isCloseTo(0.25, within(1e-13));
  }
}
