package org.shopcast.analytics.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * The frequent itemsets of a basket set, as mined by {@link FpGrowth}: every itemset of up to
 * {@link #maxLength()} items found in at least {@link #minCount()} baskets.
 */
public final class FrequentItemsets {
  private final Baskets baskets;
  private final int[][] sets;
  private final int[] counts;
  private final int minCount;
  private final int maxLength;
  private final Map<ItemsetKey, Integer> index;

  FrequentItemsets(Baskets baskets, int[][] sets, int[] counts, int minCount, int maxLength) {
    this.baskets = baskets;
    this.sets = sets;
    this.counts = counts;
    this.minCount = minCount;
    this.maxLength = maxLength;
    this.index = new HashMap<>(sets.length * 2);
    for (int i = 0; i < sets.length; i++) {
      index.put(new ItemsetKey(sets[i]), i);
    }
  }

  /** The number of baskets mined. */
  public int transactions() {
    return baskets.size();
  }

  /** The number of frequent itemsets. */
  public int size() {
    return sets.length;
  }

  /** The smallest basket count of a frequent itemset. */
  public int minCount() {
    return minCount;
  }

  /** The largest itemset size mined. */
  public int maxLength() {
    return maxLength;
  }

  /** The baskets these itemsets were mined from. */
  public Baskets baskets() {
    return baskets;
  }

  /**
   * All frequent itemsets, most frequent first; ties by fewer items, then by item names.
   * Deterministic for the same baskets and thresholds.
   */
  public List<FrequentItemset> itemsets() {
    List<FrequentItemset> list = new ArrayList<>(sets.length);
    double n = transactions();
    for (int i = 0; i < sets.length; i++) {
      list.add(new FrequentItemset(names(sets[i]), counts[i], counts[i] / n));
    }
    list.sort(
        Comparator.comparingInt(FrequentItemset::count)
            .reversed()
            .thenComparingInt(FrequentItemset::size)
            .thenComparing(FrequentItemset::items, FrequentItemsets::compareNames));
    return list;
  }

  /** The basket count of the itemset with these item names, or empty when it is not frequent. */
  public OptionalInt count(Collection<String> items) {
    int[] ids = new int[items.size()];
    int n = 0;
    for (String item : items) {
      OptionalInt id = baskets.itemId(item);
      if (id.isEmpty()) {
        return OptionalInt.empty();
      }
      ids[n++] = id.getAsInt();
    }
    int[] sorted = Arrays.stream(ids).sorted().distinct().toArray();
    int found = indexOf(sorted);
    return found < 0 ? OptionalInt.empty() : OptionalInt.of(counts[found]);
  }

  int[][] sets() {
    return sets;
  }

  int[] counts() {
    return counts;
  }

  /** The position of the itemset with these sorted ids, or -1. */
  int indexOf(int[] sortedIds) {
    Integer found = index.get(new ItemsetKey(sortedIds));
    return found == null ? -1 : found;
  }

  /** Item names of the sorted ids, sorted by name. */
  List<String> names(int[] ids) {
    List<String> names = new ArrayList<>(ids.length);
    for (int id : ids) {
      names.add(baskets.itemName(id));
    }
    names.sort(Comparator.naturalOrder());
    return names;
  }

  static int compareNames(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }
}
