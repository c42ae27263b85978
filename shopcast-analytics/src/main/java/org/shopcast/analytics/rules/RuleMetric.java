package org.shopcast.analytics.rules;

import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/** An interest measure rules can be ranked by. */
public enum RuleMetric {
  /** Confidence divided by consequent support; above 1 means positive association. */
  LIFT(AssociationRule::lift),
  /** Probability of the consequent given the antecedent. */
  CONFIDENCE(AssociationRule::confidence),
  /** Share of all baskets holding the whole rule. */
  SUPPORT(AssociationRule::support),
  /** Support minus its value under independence. */
  LEVERAGE(AssociationRule::leverage),
  /** How much more often the antecedent appears without the consequent under independence. */
  CONVICTION(AssociationRule::conviction);

  private final ToDoubleFunction<AssociationRule> value;

  RuleMetric(ToDoubleFunction<AssociationRule> value) {
    this.value = value;
  }

  /** This measure of {@code rule}. */
  public double of(AssociationRule rule) {
    return value.applyAsDouble(rule);
  }

  /**
   * Highest value of this measure first; ties broken by lift, confidence, support (all descending),
   * then fewer items, then antecedent and consequent names, so the order is total and
   * deterministic.
   */
  public Comparator<AssociationRule> descending() {
    Comparator<AssociationRule> first = Comparator.comparingDouble(value).reversed();
    return first
        .thenComparing(Comparator.comparingDouble(AssociationRule::lift).reversed())
        .thenComparing(Comparator.comparingDouble(AssociationRule::confidence).reversed())
        .thenComparing(Comparator.comparingInt(AssociationRule::count).reversed())
        .thenComparingInt(AssociationRule::length)
        .thenComparing(AssociationRule::antecedent, FrequentItemsets::compareNames)
        .thenComparing(AssociationRule::consequent, FrequentItemsets::compareNames);
  }
}
