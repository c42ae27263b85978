package org.shopcast.analytics.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of mining association rules.
 *
 * @param transactions the number of baskets mined
 * @param itemsets the number of frequent itemsets found
 * @param options the settings used
 * @param rules the rules, highest lift first (see {@link RuleMetric#descending()})
 */
public record RuleSet(
    int transactions, int itemsets, RuleOptions options, List<AssociationRule> rules) {

  /** Validates and copies the rules. */
  public RuleSet {
    Objects.requireNonNull(options, "options");
    rules = List.copyOf(Objects.requireNonNull(rules, "rules"));
    if (transactions < 0 || itemsets < 0) {
      throw new IllegalArgumentException(
          "transactions and itemsets must be >= 0, got " + transactions + " and " + itemsets);
    }
  }

  /** The rules ranked by {@code metric}, highest first. */
  public List<AssociationRule> rankedBy(RuleMetric metric) {
    List<AssociationRule> sorted = new ArrayList<>(rules);
    sorted.sort(metric.descending());
    return sorted;
  }

  /** The number of rules of each length (antecedent plus consequent items), index = length. */
  public int[] countsByLength() {
    int[] counts = new int[options.maxLength() + 1];
    for (AssociationRule rule : rules) {
      counts[rule.length()]++;
    }
    return counts;
  }
}
