package org.shopcast.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.testkit.Fixtures;

class BoughtTogetherTest {

  @Test
  void forItem_ranksCompanionsOfHoneyByConfidenceAndLift() {
    Baskets baskets = BasketReader.read(Fixtures.path("groceries/groceries.csv"));
    BoughtTogether together = BoughtTogether.of(baskets, 0.0005);
    List<AssociationRule> byConfidence = together.forItem("honey", 3, RuleMetric.CONFIDENCE);
    assertThat(byConfidence).hasSize(3);
    AssociationRule top = byConfidence.get(0);
    assertThat(top.consequent()).containsExactly("whole milk");
    int honey = countWith(baskets, "honey");
    int both = countWith(baskets, "honey", "whole milk");
    assertThat(top.confidence()).isCloseTo((double) both / honey, within(1e-12));
    for (int i = 1; i < byConfidence.size(); i++) {
      assertThat(byConfidence.get(i).confidence())
          .isLessThanOrEqualTo(byConfidence.get(i - 1).confidence());
    }
    List<AssociationRule> byLift = together.forItem("honey", 50, RuleMetric.LIFT);
    for (AssociationRule rule : byLift) {
      String other = rule.consequent().get(0);
      double expectedLift =
          (double) countWith(baskets, "honey", other)
              * baskets.size()
              / ((double) honey * countWith(baskets, other));
      assertThat(rule.lift()).isCloseTo(expectedLift, within(1e-9));
      assertThat(rule.count()).isGreaterThanOrEqualTo(5);
    }
    assertThat(byLift)
        .extracting(AssociationRule::lift)
        .isSortedAccordingTo((a, b) -> b.compareTo(a));
  }

  @Test
  void forItem_unknownItemGivesNothingAndBadKIsRejected() {
    BoughtTogether together =
        BoughtTogether.of(Baskets.of(List.of(List.of("a", "b"), List.of("a", "b"))), 0.5);
    assertThat(together.forItem("zzz", 5, RuleMetric.LIFT)).isEmpty();
    assertThat(together.forItem("a", 5, RuleMetric.LIFT))
        .singleElement()
        .satisfies(r -> assertThat(r.consequent()).containsExactly("b"));
    assertThatThrownBy(() -> together.forItem("a", 0, RuleMetric.LIFT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("k must be >= 1, got 0");
  }

  private static int countWith(Baskets baskets, String... items) {
    int count = 0;
    for (int i = 0; i < baskets.size(); i++) {
      int[] basket = baskets.basket(i);
      boolean all = true;
      for (String item : items) {
        int id = baskets.itemId(item).orElseThrow();
        all &= java.util.Arrays.binarySearch(basket, id) >= 0;
      }
      count += all ? 1 : 0;
    }
    return count;
  }
}
