package org.shopcast.analytics.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Frequently bought together: for a given item, the other items most associated with it, as rules
 * {@code {item} => {other}} built from the frequent pairs. Use it for "customers who bought this
 * also bought" lists; rank by lift to favour specific companions, by confidence to favour the
 * likeliest ones.
 */
public final class BoughtTogether {
  private final Map<String, List<AssociationRule>> byItem;

  private BoughtTogether(Map<String, List<AssociationRule>> byItem) {
    this.byItem = byItem;
  }

  /** Mines the pairs of {@code baskets} whose support reaches {@code minSupport}. */
  public static BoughtTogether of(Baskets baskets, double minSupport) {
    return of(FpGrowth.mine(baskets, minSupport, 2));
  }

  /** Uses the frequent pairs among {@code itemsets}. */
  public static BoughtTogether of(FrequentItemsets itemsets) {
    Objects.requireNonNull(itemsets, "itemsets");
    int[][] sets = itemsets.sets();
    int[] counts = itemsets.counts();
    int n = itemsets.transactions();
    Map<String, List<AssociationRule>> byItem = new HashMap<>();
    for (int s = 0; s < sets.length; s++) {
      if (sets[s].length != 2) {
        continue;
      }
      for (int side = 0; side < 2; side++) {
        int from = sets[s][side];
        int to = sets[s][1 - side];
        AssociationRule rule =
            AssociationRule.of(
                List.of(itemsets.baskets().itemName(from)),
                List.of(itemsets.baskets().itemName(to)),
                counts[s],
                counts[itemsets.indexOf(new int[] {from})],
                counts[itemsets.indexOf(new int[] {to})],
                n);
        byItem.computeIfAbsent(rule.antecedent().get(0), k -> new ArrayList<>()).add(rule);
      }
    }
    return new BoughtTogether(byItem);
  }

  /**
   * Up to {@code k} rules {@code {item} => {other}}, highest {@code metric} first; empty when the
   * item is unknown or has no frequent companion.
   *
   * @throws IllegalArgumentException when {@code k < 1}
   */
  public List<AssociationRule> forItem(String item, int k, RuleMetric metric) {
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(metric, "metric");
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    List<AssociationRule> rules = new ArrayList<>(byItem.getOrDefault(item, List.of()));
    rules.sort(metric.descending());
    return List.copyOf(rules.subList(0, Math.min(k, rules.size())));
  }
}
