package org.shopcast.analytics.rules;

import java.util.List;
import java.util.Objects;

/**
 * One frequent itemset.
 *
 * @param items the item names, sorted
 * @param count the number of baskets holding all of them
 * @param support {@code count} as a fraction of all baskets
 */
public record FrequentItemset(List<String> items, int count, double support) {

  /** Validates and copies the items. */
  public FrequentItemset {
    items = List.copyOf(Objects.requireNonNull(items, "items"));
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, got " + count);
    }
  }

  /** The number of items. */
  public int size() {
    return items.size();
  }
}
