package org.shopcast.recommend.fbt;

/**
 * Settings of {@link FbtModel}.
 *
 * @param measure what ranks an item's companions
 * @param minTogether the minimum number of baskets a pair must share to count (the rule's minimum
 *     support as a count); pairs seen together once are mostly noise, and without a floor lift
 *     ranks one-off pairs of rare items first
 * @param companions how many companions are kept per item, best first
 */
public record FbtOptions(FbtMeasure measure, int minTogether, int companions) {
  /** Validates the settings. */
  public FbtOptions {
    if (measure == null) {
      throw new IllegalArgumentException("measure must not be null");
    }
    if (minTogether < 1) {
      throw new IllegalArgumentException("minTogether must be >= 1, got " + minTogether);
    }
    if (companions < 1) {
      throw new IllegalArgumentException("companions must be >= 1, got " + companions);
    }
  }

  /** The defaults: confidence, pairs in at least 2 baskets, 100 companions per item. */
  public FbtOptions() {
    this(FbtMeasure.CONFIDENCE, 2, 100);
  }

  /** The settings as a small JSON object, stored with precomputed lists. */
  public String toJson() {
    return "{\"measure\": \""
        + measure.id()
        + "\", \"minTogether\": "
        + minTogether
        + ", \"companions\": "
        + companions
        + "}";
  }
}
