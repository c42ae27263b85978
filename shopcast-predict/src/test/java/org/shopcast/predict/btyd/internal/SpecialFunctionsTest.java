package org.shopcast.predict.btyd.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The hypergeometric series against closed forms. */
class SpecialFunctionsTest {
  @Test
  void hyp2f1_equalsPowerWhenBEqualsC() {
    // 2F1(a, b; b; z) = (1 - z)^-a for any b, including a negative non-integer c = b (a BG/NBD
    // fit with a + b < 1 asks for 2F1(r, b; a + b - 1; z) with such a c)
    assertThat(SpecialFunctions.hyp2f1(1.3, -0.95, -0.95, 0.4))
        .isCloseTo(Math.pow(0.6, -1.3), within(1e-12));
    assertThat(SpecialFunctions.hyp2f1(0.7, 2.5, 2.5, 0.9))
        .isCloseTo(Math.pow(0.1, -0.7), within(1e-9));
  }

  @Test
  void hyp2f1_matchesTheLogarithmIdentity() {
    // z 2F1(1, 1; 2; z) = -log(1 - z)
    assertThat(0.3 * SpecialFunctions.hyp2f1(1, 1, 2, 0.3))
        .isCloseTo(-Math.log(0.7), within(1e-14));
  }

  @Test
  void hyp2f1_rejectsNonPositiveIntegerC() {
    assertThatThrownBy(() -> SpecialFunctions.hyp2f1(1, 1, -1, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("c must not be 0 or a negative integer, got -1.0");
    assertThatThrownBy(() -> SpecialFunctions.hyp2f1(1, 1, 0, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
