package org.shopcast.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.testkit.Fixtures;

class AssociationRulesTest {
  private static Baskets groceries;
  private static RuleSet rules;

  @BeforeAll
  static void mineGroceries() {
    groceries = BasketReader.read(Fixtures.path("groceries/groceries.csv"));
    rules = AssociationRules.mine(groceries, RuleOptions.of(0.001, 0.5));
  }

  @Test
  void mine_groceriesGivesArulesRuleCountAndLengths() {
    assertThat(rules.transactions()).isEqualTo(9835);
    assertThat(rules.rules()).hasSize(5668);
    assertThat(rules.countsByLength()).containsExactly(0, 0, 11, 1461, 3211, 939, 46, 0, 0, 0, 0);
  }

  @Test
  void mine_groceriesHoneyWholeMilkMatchesArules() {
    AssociationRule honey = find(List.of("honey"), "whole milk");
    assertThat(honey.count()).isEqualTo(11);
    assertThat(honey.support()).isCloseTo(0.001118454, within(1e-9));
    assertThat(honey.confidence()).isCloseTo(0.7333333, within(1e-7));
    assertThat(honey.lift()).isCloseTo(2.870009, within(1e-6));
    AssociationRule tidbits = find(List.of("tidbits"), "rolls/buns");
    assertThat(tidbits.support()).isCloseTo(0.001220132, within(1e-9));
    assertThat(tidbits.confidence()).isCloseTo(0.5217391, within(1e-7));
    assertThat(tidbits.lift()).isCloseTo(2.836542, within(1e-6));
  }

  @Test
  void mine_groceriesItemsetCountsMatchSourceNotes() {
    // SOURCE.md: 13,492 frequent itemsets with count >= 10; 157 items survive the support filter.
    assertThat(rules.itemsets()).isEqualTo(13492);
    FrequentItemsets itemsets = FpGrowth.mine(groceries, 0.001, 10);
    assertThat(itemsets.minCount()).isEqualTo(10);
    assertThat(itemsets.itemsets().stream().filter(s -> s.size() == 1).count()).isEqualTo(157);
  }

  @Test
  void rules_leverageAndConvictionFollowTheirDefinitions() {
    AssociationRule honey = find(List.of("honey"), "whole milk");
    double n = 9835;
    double milk = 2513 / n;
    assertThat(honey.leverage()).isCloseTo(11 / n - (15 / n) * milk, within(1e-12));
    assertThat(honey.conviction()).isCloseTo((1 - milk) / (1 - 11.0 / 15), within(1e-12));
    assertThat(rules.rules())
        .filteredOn(r -> r.confidence() == 1.0)
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.conviction()).isEqualTo(Double.POSITIVE_INFINITY));
  }

  @Test
  void rules_areOrderedByLiftThenDeterministically() {
    List<AssociationRule> list = rules.rules();
    for (int i = 1; i < list.size(); i++) {
      assertThat(RuleMetric.LIFT.descending().compare(list.get(i - 1), list.get(i))).isNegative();
    }
    RuleSet again = AssociationRules.mine(groceries, RuleOptions.of(0.001, 0.5));
    assertThat(again.rules()).isEqualTo(list);
  }

  @Test
  void mine_emptyAntecedentRulesFollowMinLength() {
    Baskets baskets =
        Baskets.of(List.of(List.of("a", "b"), List.of("a"), List.of("a", "c"), List.of("b")));
    RuleSet withEmpty = AssociationRules.mine(baskets, RuleOptions.of(0.25, 0.7));
    assertThat(withEmpty.rules())
        .extracting(r -> r.antecedent() + "=>" + r.consequent())
        .containsExactlyInAnyOrder("[]=>[a]", "[c]=>[a]");
    AssociationRule empty =
        withEmpty.rules().stream().filter(r -> r.antecedent().isEmpty()).findFirst().orElseThrow();
    assertThat(empty.confidence()).isCloseTo(0.75, within(1e-12));
    assertThat(empty.lift()).isCloseTo(1.0, within(1e-12));
    RuleSet withoutEmpty =
        AssociationRules.mine(baskets, RuleOptions.of(0.25, 0.7).withMinLength(2));
    assertThat(withoutEmpty.rules())
        .extracting(r -> r.antecedent() + "=>" + r.consequent())
        .containsExactly("[c]=>[a]");
  }

  @Test
  void mine_maxLengthLimitsRuleLength() {
    RuleSet short3 = AssociationRules.mine(groceries, RuleOptions.of(0.001, 0.5).withMaxLength(3));
    assertThat(short3.rules()).hasSize(11 + 1461);
    assertThat(short3.rules()).allSatisfy(r -> assertThat(r.length()).isLessThanOrEqualTo(3));
  }

  private static AssociationRule find(List<String> antecedent, String consequent) {
    return rules.rules().stream()
        .filter(
            r -> r.antecedent().equals(antecedent) && r.consequent().equals(List.of(consequent)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no rule " + antecedent + " => " + consequent));
  }
}
