package org.shopcast.analytics.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Collects mined itemsets (given as global frequency ranks) as sorted item-id arrays. */
final class ItemsetCollector {
  private final int[] itemOfRank;
  private final List<int[]> sets = new ArrayList<>();
  private int[] counts = new int[1024];

  ItemsetCollector(int[] itemOfRank) {
    this.itemOfRank = itemOfRank;
  }

  void add(int[] ranks, int length, int count) {
    int[] items = new int[length];
    for (int i = 0; i < length; i++) {
      items[i] = itemOfRank[ranks[i]];
    }
    Arrays.sort(items);
    if (sets.size() == counts.length) {
      counts = Arrays.copyOf(counts, counts.length * 2);
    }
    counts[sets.size()] = count;
    sets.add(items);
  }

  FrequentItemsets build(Baskets baskets, int minCount, int maxLength) {
    return new FrequentItemsets(
        baskets,
        sets.toArray(new int[sets.size()][]),
        Arrays.copyOf(counts, sets.size()),
        minCount,
        maxLength);
  }
}
