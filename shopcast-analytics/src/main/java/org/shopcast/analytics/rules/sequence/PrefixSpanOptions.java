package org.shopcast.analytics.rules.sequence;

/**
 * Settings for {@link PrefixSpan}.
 *
 * @param minSupport minimum share of sequences containing a pattern, in (0, 1]; a pattern is
 *     frequent when at least {@code ceil(minSupport * sequences)} sequences contain it
 * @param maxLength maximum number of items in a pattern (summed over its elements), at least 1
 */
public record PrefixSpanOptions(double minSupport, int maxLength) {

  /** Validates both settings. */
  public PrefixSpanOptions {
    if (!(minSupport > 0 && minSupport <= 1)) {
      throw new IllegalArgumentException("minSupport must be in (0, 1], got " + minSupport);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
  }

  /** Minimum support 0.1, patterns of up to 10 items. */
  public PrefixSpanOptions() {
    this(0.1, 10);
  }
}
