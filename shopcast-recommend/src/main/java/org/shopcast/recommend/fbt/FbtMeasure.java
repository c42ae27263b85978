package org.shopcast.recommend.fbt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The association measure that ranks an item's companions (Agrawal, Imieliński &amp; Swami 1993,
 * "Mining association rules between sets of items in large databases", SIGMOD 1993; the same
 * definitions as shopcast-analytics' {@code AssociationRule}). For the rule {@code A => B} over
 * {@code N} baskets, with {@code n(A)} baskets holding A and {@code n(AB)} holding both:
 */
public enum FbtMeasure {
  /** {@code n(AB) / n(A)}: the share of A's baskets that also hold B (the likeliest companion). */
  CONFIDENCE,
  /** {@code n(AB) N / (n(A) n(B))}: confidence over B's base rate (the most specific companion). */
  LIFT;

  /** The lower-case name used in options and on the command line. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The measure named {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static FbtMeasure parse(String id) {
    for (FbtMeasure m : values()) {
      if (m.id().equalsIgnoreCase(id.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown association measure '"
            + id
            + "', expected one of "
            + Arrays.stream(values()).map(FbtMeasure::id).collect(Collectors.joining(", ")));
  }

  /** The measure as a DuckDB SQL expression over {@code ab}, {@code a}, {@code b}, {@code n}. */
  String sql() {
    return switch (this) {
      case CONFIDENCE -> "ab / a";
      case LIFT -> "ab * n / (a * b)";
    };
  }
}
