package org.shopcast.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RuleOptionsTest {

  @Test
  void defaults_areThoseOfArulesApriori() {
    RuleOptions options = new RuleOptions();
    assertThat(options.minSupport()).isEqualTo(0.1);
    assertThat(options.minConfidence()).isEqualTo(0.8);
    assertThat(options.minLength()).isEqualTo(1);
    assertThat(options.maxLength()).isEqualTo(10);
  }

  @Test
  void constructor_namesTheBadSetting() {
    assertThatThrownBy(() -> RuleOptions.of(1.5, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minSupport must be in (0, 1], got 1.5");
    assertThatThrownBy(() -> RuleOptions.of(0.1, -0.1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minConfidence must be in [0, 1], got -0.1");
    assertThatThrownBy(() -> RuleOptions.of(0.1, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minConfidence must be in [0, 1], got NaN");
    assertThatThrownBy(() -> new RuleOptions().withMinLength(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minLength must be >= 1, got 0");
    assertThatThrownBy(() -> new RuleOptions().withMinLength(3).withMaxLength(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be >= minLength (3), got 2");
  }
}
