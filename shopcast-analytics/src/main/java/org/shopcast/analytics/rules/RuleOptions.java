package org.shopcast.analytics.rules;

/**
 * Settings for mining association rules, with the defaults of arules' {@code apriori}: minimum
 * support 0.1, minimum confidence 0.8, itemsets of 1 to 10 items.
 *
 * <p>Lengths count all items of a rule (antecedent plus consequent), as arules' {@code minlen} and
 * {@code maxlen} do. With {@code minLength} 1, rules with an empty antecedent ({@code {} => {x}})
 * are produced for every item whose support reaches the minimum confidence; set it to 2 to drop
 * them.
 *
 * @param minSupport minimum support as a fraction of all baskets, in (0, 1]; an itemset is frequent
 *     when its basket count is at least {@code ceil(minSupport * baskets)}
 * @param minConfidence minimum confidence of a rule, in [0, 1]
 * @param minLength minimum number of items in a rule, at least 1
 * @param maxLength maximum number of items in an itemset or rule, at least {@code minLength}
 */
public record RuleOptions(double minSupport, double minConfidence, int minLength, int maxLength) {

  /** The arules default minimum support. */
  public static final double DEFAULT_MIN_SUPPORT = 0.1;

  /** The arules default minimum confidence. */
  public static final double DEFAULT_MIN_CONFIDENCE = 0.8;

  /** The arules default maximum length. */
  public static final int DEFAULT_MAX_LENGTH = 10;

  /** Validates every setting. */
  public RuleOptions {
    if (!(minSupport > 0 && minSupport <= 1)) {
      throw new IllegalArgumentException("minSupport must be in (0, 1], got " + minSupport);
    }
    if (!(minConfidence >= 0 && minConfidence <= 1)) {
      throw new IllegalArgumentException("minConfidence must be in [0, 1], got " + minConfidence);
    }
    if (minLength < 1) {
      throw new IllegalArgumentException("minLength must be >= 1, got " + minLength);
    }
    if (maxLength < minLength) {
      throw new IllegalArgumentException(
          "maxLength must be >= minLength (" + minLength + "), got " + maxLength);
    }
  }

  /** The arules defaults: support 0.1, confidence 0.8, lengths 1 to 10. */
  public RuleOptions() {
    this(DEFAULT_MIN_SUPPORT, DEFAULT_MIN_CONFIDENCE, 1, DEFAULT_MAX_LENGTH);
  }

  /** The given thresholds with the default lengths (1 to 10). */
  public static RuleOptions of(double minSupport, double minConfidence) {
    return new RuleOptions(minSupport, minConfidence, 1, DEFAULT_MAX_LENGTH);
  }

  /** These options with another maximum length. */
  public RuleOptions withMaxLength(int length) {
    return new RuleOptions(minSupport, minConfidence, minLength, length);
  }

  /** These options with another minimum length. */
  public RuleOptions withMinLength(int length) {
    return new RuleOptions(minSupport, minConfidence, length, maxLength);
  }

  /**
   * The smallest basket count that reaches {@code minSupport} among {@code baskets} baskets: the
   * ceiling of their product, with a relative tolerance of 1e-9 so that 0.01 of 25,900 is 259.
   */
  public static int minCount(double minSupport, int baskets) {
    double exact = minSupport * baskets;
    return Math.max(1, (int) Math.ceil(exact - Math.max(1e-9, exact * 1e-9)));
  }
}
