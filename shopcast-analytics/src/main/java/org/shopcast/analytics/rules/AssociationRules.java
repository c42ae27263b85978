package org.shopcast.analytics.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * Association rules from frequent itemsets (Agrawal &amp; Srikant 1994, as arules' {@code apriori}
 * defines them): for every frequent itemset I of {@code minLength..maxLength} items and every item
 * c in I, the rule {@code I \ {c} => {c}} is kept when its confidence reaches the minimum. Rules
 * have one consequent item, like arules; support is counted over all baskets.
 *
 * <p>Use {@link #mine} for the whole pipeline (FP-growth then rules).
 */
public final class AssociationRules {
  private AssociationRules() {}

  /** Mines frequent itemsets with {@link FpGrowth} and derives the rules. */
  public static RuleSet mine(Baskets baskets, RuleOptions options) {
    FrequentItemsets itemsets = FpGrowth.mine(baskets, options.minSupport(), options.maxLength());
    return new RuleSet(baskets.size(), itemsets.size(), options, rules(itemsets, options));
  }

  /**
   * The rules of {@code itemsets} meeting the confidence and length settings of {@code options},
   * highest lift first. The support setting is that of the itemsets.
   */
  public static List<AssociationRule> rules(FrequentItemsets itemsets, RuleOptions options) {
    int[][] sets = itemsets.sets();
    int[] counts = itemsets.counts();
    int n = itemsets.transactions();
    int maxLength = Math.min(options.maxLength(), itemsets.maxLength());
    List<AssociationRule> rules = new ArrayList<>();
    for (int s = 0; s < sets.length; s++) {
      int[] set = sets[s];
      if (set.length < options.minLength() || set.length > maxLength) {
        continue;
      }
      int ruleCount = counts[s];
      for (int drop = 0; drop < set.length; drop++) {
        int[] antecedent = without(set, drop);
        int antecedentCount = antecedent.length == 0 ? n : counts[itemsets.indexOf(antecedent)];
        if ((double) ruleCount / antecedentCount < options.minConfidence()) {
          continue;
        }
        int consequentCount = counts[itemsets.indexOf(new int[] {set[drop]})];
        rules.add(
            AssociationRule.of(
                itemsets.names(antecedent),
                itemsets.names(new int[] {set[drop]}),
                ruleCount,
                antecedentCount,
                consequentCount,
                n));
      }
    }
    rules.sort(RuleMetric.LIFT.descending());
    return rules;
  }

  private static int[] without(int[] set, int drop) {
    int[] out = new int[set.length - 1];
    System.arraycopy(set, 0, out, 0, drop);
    System.arraycopy(set, drop + 1, out, drop, set.length - drop - 1);
    return out;
  }
}
