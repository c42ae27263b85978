package org.shopcast.analytics.rules;

import java.util.Arrays;

/** An itemset (sorted item ids) as a hash key. */
final class ItemsetKey {
  private final int[] items;
  private final int hash;

  ItemsetKey(int[] items) {
    this.items = items;
    this.hash = Arrays.hashCode(items);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ItemsetKey key && Arrays.equals(items, key.items);
  }

  @Override
  public int hashCode() {
    return hash;
  }
}
