package org.shopcast.analytics.rules;

import java.util.Arrays;

/**
 * Frequent itemsets by FP-growth: J. Han, J. Pei, Y. Yin (2000), "Mining frequent patterns without
 * candidate generation", SIGMOD 2000. The baskets are compressed into an FP-tree (items in
 * descending frequency, shared prefixes merged, a header table linking the nodes of each item);
 * each item's conditional pattern base (the prefix paths above its nodes) becomes a smaller
 * conditional tree, mined recursively, so no candidate itemsets are generated or counted.
 *
 * <p>Use it for any basket data set; it is much faster than Apriori when there are many frequent
 * itemsets or long baskets (see docs/analytics.md). Memory grows with the tree size, roughly the
 * number of distinct frequent-item prefixes of the baskets.
 */
public final class FpGrowth {
  private final int minCount;
  private final int maxLength;
  private final ItemsetCollector out;

  private FpGrowth(int minCount, int maxLength, ItemsetCollector out) {
    this.minCount = minCount;
    this.maxLength = maxLength;
    this.out = out;
  }

  /**
   * All itemsets of 1 to {@code maxLength} items whose support is at least {@code minSupport}.
   *
   * @param minSupport minimum support as a fraction of the baskets, in (0, 1]
   * @param maxLength maximum number of items per itemset, at least 1
   */
  public static FrequentItemsets mine(Baskets baskets, double minSupport, int maxLength) {
    if (!(minSupport > 0 && minSupport <= 1)) {
      throw new IllegalArgumentException("minSupport must be in (0, 1], got " + minSupport);
    }
    if (maxLength < 1) {
      throw new IllegalArgumentException("maxLength must be >= 1, got " + maxLength);
    }
    int minCount = RuleOptions.minCount(minSupport, baskets.size());
    int[][] data = baskets.raw();

    int[] itemCounts = new int[baskets.itemCount()];
    for (int[] basket : data) {
      for (int id : basket) {
        itemCounts[id]++;
      }
    }
    int frequent = 0;
    for (int c : itemCounts) {
      if (c >= minCount) {
        frequent++;
      }
    }
    // Global ranks: frequent items by descending count, ties by ascending id.
    Integer[] order = new Integer[frequent];
    for (int id = 0, k = 0; id < itemCounts.length; id++) {
      if (itemCounts[id] >= minCount) {
        order[k++] = id;
      }
    }
    Arrays.sort(
        order, (a, b) -> itemCounts[a] != itemCounts[b] ? itemCounts[b] - itemCounts[a] : a - b);
    int[] itemOfRank = new int[frequent];
    int[] rankOfItem = new int[itemCounts.length];
    Arrays.fill(rankOfItem, -1);
    for (int r = 0; r < frequent; r++) {
      itemOfRank[r] = order[r];
      rankOfItem[order[r]] = r;
    }

    int[] identity = new int[frequent];
    Arrays.setAll(identity, r -> r);
    FpTree tree = new FpTree(identity, data.length);
    int[] path = new int[Math.max(1, frequent)];
    for (int[] basket : data) {
      int length = 0;
      for (int id : basket) {
        int rank = rankOfItem[id];
        if (rank >= 0) {
          path[length++] = rank;
        }
      }
      Arrays.sort(path, 0, length);
      tree.insert(path, length, 1);
    }

    ItemsetCollector out = new ItemsetCollector(itemOfRank);
    new FpGrowth(minCount, maxLength, out).grow(tree, new int[maxLength], 0);
    return out.build(baskets, minCount, maxLength);
  }

  /** Emits every header item of {@code tree} joined to the suffix, then recurses. */
  private void grow(FpTree tree, int[] suffix, int suffixLength) {
    for (int local = tree.itemCount - 1; local >= 0; local--) {
      suffix[suffixLength] = tree.globalRank[local];
      out.add(suffix, suffixLength + 1, tree.headCount[local]);
      if (suffixLength + 1 < maxLength) {
        FpTree conditional = conditionalTree(tree, local);
        if (conditional != null) {
          grow(conditional, suffix, suffixLength + 1);
        }
      }
    }
  }

  /**
   * The conditional FP-tree of {@code local}: its prefix paths, weighted by the node counts, with
   * the items that are infrequent within them removed. Null when no item stays frequent.
   */
  private FpTree conditionalTree(FpTree tree, int local) {
    int[] counts = new int[local];
    int paths = 0;
    for (int node = tree.headFirst[local]; !FpTree.isEnd(node); node = tree.nodeLink[node]) {
      int weight = tree.count[node];
      for (int up = tree.parent[node]; up != FpTree.ROOT; up = tree.parent[up]) {
        counts[tree.item[up]] += weight;
      }
      paths++;
    }
    int kept = 0;
    int[] newIndex = new int[local];
    for (int i = 0; i < local; i++) {
      newIndex[i] = counts[i] >= minCount ? kept++ : -1;
    }
    if (kept == 0) {
      return null;
    }
    int[] globalRank = new int[kept];
    for (int i = 0; i < local; i++) {
      if (newIndex[i] >= 0) {
        globalRank[newIndex[i]] = tree.globalRank[i];
      }
    }
    FpTree conditional = new FpTree(globalRank, paths * 2);
    int[] path = new int[kept];
    for (int node = tree.headFirst[local]; !FpTree.isEnd(node); node = tree.nodeLink[node]) {
      int length = 0;
      for (int up = tree.parent[node]; up != FpTree.ROOT; up = tree.parent[up]) {
        int mapped = newIndex[tree.item[up]];
        if (mapped >= 0) {
          path[length++] = mapped;
        }
      }
      if (length > 0) {
        reverse(path, length);
        conditional.insert(path, length, tree.count[node]);
      }
    }
    return conditional;
  }

  private static void reverse(int[] values, int length) {
    for (int i = 0, j = length - 1; i < j; i++, j--) {
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }
}
