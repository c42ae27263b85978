package org.shopcast.predict.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class BgNbdSimulatorTest {
  private static final BgNbdModel CDNOW = BgNbdModel.of(0.2426, 4.4137, 0.7930, 2.4262);

  @Test
  void simulate_isDeterministicForASeed() {
    CustomerSummary one = BgNbdSimulator.simulate(CDNOW, 1000, 27, 39, 42);
    CustomerSummary two = BgNbdSimulator.simulate(CDNOW, 1000, 27, 39, 42);
    for (int i = 0; i < 1000; i++) {
      assertThat(one.frequency(i)).isEqualTo(two.frequency(i));
      assertThat(one.recency(i)).isEqualTo(two.recency(i));
    }
  }

  @Test
  void fit_recoversSimulatedParameters() {
    CustomerSummary simulated = BgNbdSimulator.simulate(CDNOW, 100_000, 27, 39, 7);
    BgNbdModel fitted = BgNbdModel.fit(simulated, new FitOptions());
    // 100k customers: sampling error of each parameter is a few percent at most.
    assertThat(fitted.r()).isCloseTo(CDNOW.r(), withinPercentage(5));
    assertThat(fitted.alpha()).isCloseTo(CDNOW.alpha(), withinPercentage(8));
    assertThat(fitted.a()).isCloseTo(CDNOW.a(), withinPercentage(10));
    assertThat(fitted.b()).isCloseTo(CDNOW.b(), withinPercentage(15));
  }
}
