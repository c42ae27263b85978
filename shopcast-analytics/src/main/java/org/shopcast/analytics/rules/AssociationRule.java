package org.shopcast.analytics.rules;

import java.util.List;
import java.util.Objects;

/**
 * One association rule {@code antecedent => consequent} with its interest measures, all computed
 * over every basket: support = P(A and C), confidence = P(C | A), lift = confidence / P(C),
 * leverage = P(A and C) - P(A) P(C), conviction = (1 - P(C)) / (1 - confidence), which is positive
 * infinity when the confidence is 1.
 *
 * @param antecedent the items of the left-hand side, sorted by name (empty for {@code {} => {x}})
 * @param consequent the items of the right-hand side, sorted by name
 * @param count the number of baskets holding all items of the rule
 * @param support {@code count} as a fraction of all baskets
 * @param confidence support of the rule divided by support of the antecedent
 * @param lift confidence divided by support of the consequent
 * @param leverage support minus the product of antecedent and consequent support
 * @param conviction (1 - consequent support) / (1 - confidence)
 */
public record AssociationRule(
    List<String> antecedent,
    List<String> consequent,
    int count,
    double support,
    double confidence,
    double lift,
    double leverage,
    double conviction) {

  /** Copies the item lists. */
  public AssociationRule {
    antecedent = List.copyOf(Objects.requireNonNull(antecedent, "antecedent"));
    consequent = List.copyOf(Objects.requireNonNull(consequent, "consequent"));
    if (consequent.isEmpty()) {
      throw new IllegalArgumentException("consequent must hold at least one item, got none");
    }
  }

  /** The number of items in the rule (antecedent plus consequent), as arules counts length. */
  public int length() {
    return antecedent.size() + consequent.size();
  }

  /**
   * The measures of the rule {@code A => C} from basket counts.
   *
   * @param ruleCount baskets holding A and C
   * @param antecedentCount baskets holding A (all baskets when A is empty)
   * @param consequentCount baskets holding C
   * @param baskets all baskets
   */
  static AssociationRule of(
      List<String> antecedent,
      List<String> consequent,
      int ruleCount,
      int antecedentCount,
      int consequentCount,
      int baskets) {
    double n = baskets;
    double support = ruleCount / n;
    double confidence = (double) ruleCount / antecedentCount;
    double consequentSupport = consequentCount / n;
    double lift = confidence / consequentSupport;
    double leverage = support - (antecedentCount / n) * consequentSupport;
    double conviction =
        ruleCount == antecedentCount
            ? Double.POSITIVE_INFINITY
            : (1 - consequentSupport) / (1 - confidence);
    return new AssociationRule(
        antecedent, consequent, ruleCount, support, confidence, lift, leverage, conviction);
  }

  @Override
  public String toString() {
    return "{"
        + String.join(", ", antecedent)
        + "} => {"
        + String.join(", ", consequent)
        + "} (support "
        + support
        + ", confidence "
        + confidence
        + ", lift "
        + lift
        + ")";
  }
}
