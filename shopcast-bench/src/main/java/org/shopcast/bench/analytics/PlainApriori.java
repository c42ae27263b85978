package org.shopcast.bench.analytics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shopcast.analytics.rules.Baskets;
import org.shopcast.analytics.rules.RuleOptions;

/**
 * The textbook level-wise Apriori (Agrawal &amp; Srikant 1994, "Fast algorithms for mining
 * association rules", VLDB): frequent k-itemsets are joined on their first k-1 items into
 * candidates, candidates with an infrequent (k-1)-subset are pruned, and the survivors are counted
 * in one pass over the baskets. The peer that {@link AprioriBenchmark} times FP-growth against;
 * kept plain on purpose (hash-set lookups of each basket's k-subsets, no hash tree).
 */
final class PlainApriori {
  private PlainApriori() {}

  /**
   * Every itemset of 1 to {@code maxLength} items found in at least the minimum count of baskets,
   * as sorted item-id arrays (in a {@link Key}) mapped to their basket counts.
   */
  static Map<Key, Integer> mine(Baskets baskets, double minSupport, int maxLength) {
    int minCount = RuleOptions.minCount(minSupport, baskets.size());
    int[] itemCounts = new int[baskets.itemCount()];
    for (int b = 0; b < baskets.size(); b++) {
      for (int id : baskets.basket(b)) {
        itemCounts[id]++;
      }
    }
    Map<Key, Integer> result = new HashMap<>();
    List<int[]> level = new ArrayList<>();
    for (int id = 0; id < itemCounts.length; id++) {
      if (itemCounts[id] >= minCount) {
        int[] single = {id};
        level.add(single);
        result.put(new Key(single), itemCounts[id]);
      }
    }
    for (int k = 2; k <= maxLength && level.size() > 1; k++) {
      Set<Key> previous = new HashSet<>();
      level.forEach(set -> previous.add(new Key(set)));
      Map<Key, int[]> candidates = candidates(level, previous);
      if (candidates.isEmpty()) {
        break;
      }
      Map<Key, Integer> counts = count(baskets, candidates.keySet(), k);
      level = new ArrayList<>();
      for (Map.Entry<Key, Integer> e : counts.entrySet()) {
        if (e.getValue() >= minCount) {
          level.add(e.getKey().items());
          result.put(e.getKey(), e.getValue());
        }
      }
      level.sort(Arrays::compare);
    }
    return result;
  }

  /** Joins sorted (k-1)-itemsets sharing their first k-2 items; prunes by the Apriori property. */
  private static Map<Key, int[]> candidates(List<int[]> level, Set<Key> previous) {
    Map<Key, int[]> out = new HashMap<>();
    for (int i = 0; i < level.size(); i++) {
      int[] a = level.get(i);
      for (int j = i + 1; j < level.size(); j++) {
        int[] b = level.get(j);
        if (!Arrays.equals(a, 0, a.length - 1, b, 0, b.length - 1)) {
          break; // sorted: no later set shares a's prefix
        }
        int[] joined = Arrays.copyOf(a, a.length + 1);
        joined[a.length] = b[b.length - 1];
        if (allSubsetsFrequent(joined, previous)) {
          out.put(new Key(joined), joined);
        }
      }
    }
    return out;
  }

  private static boolean allSubsetsFrequent(int[] set, Set<Key> previous) {
    for (int drop = 0; drop < set.length - 2; drop++) {
      int[] subset = new int[set.length - 1];
      for (int i = 0, j = 0; i < set.length; i++) {
        if (i != drop) {
          subset[j++] = set[i];
        }
      }
      if (!previous.contains(new Key(subset))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Counts the candidates in one pass: per basket, either its k-subsets are looked up among the
   * candidates or the candidates are checked against the basket, whichever is fewer.
   */
  private static Map<Key, Integer> count(Baskets baskets, Set<Key> candidates, int k) {
    Set<Integer> useful = new HashSet<>();
    candidates.forEach(c -> Arrays.stream(c.items()).forEach(useful::add));
    Map<Key, Integer> counts = new HashMap<>();
    boolean[] marks = new boolean[baskets.itemCount()];
    for (int b = 0; b < baskets.size(); b++) {
      int[] items =
          Arrays.stream(baskets.basket(b)).filter(useful::contains).sorted().distinct().toArray();
      if (items.length < k) {
        continue;
      }
      if (binomial(items.length, k) <= candidates.size()) {
        countSubsets(items, k, 0, new int[k], 0, candidates, counts);
      } else {
        for (int id : items) {
          marks[id] = true;
        }
        for (Key candidate : candidates) {
          if (containedIn(candidate.items(), marks)) {
            counts.merge(candidate, 1, Integer::sum);
          }
        }
        for (int id : items) {
          marks[id] = false;
        }
      }
    }
    return counts;
  }

  private static boolean containedIn(int[] set, boolean[] marks) {
    for (int id : set) {
      if (!marks[id]) {
        return false;
      }
    }
    return true;
  }

  private static double binomial(int n, int k) {
    double result = 1;
    for (int i = 0; i < k; i++) {
      result = result * (n - i) / (i + 1);
    }
    return result;
  }

  private static void countSubsets(
      int[] items,
      int k,
      int from,
      int[] chosen,
      int depth,
      Set<Key> candidates,
      Map<Key, Integer> counts) {
    if (depth == k) {
      Key key = new Key(chosen.clone());
      if (candidates.contains(key)) {
        counts.merge(key, 1, Integer::sum);
      }
      return;
    }
    for (int i = from; i <= items.length - (k - depth); i++) {
      chosen[depth] = items[i];
      countSubsets(items, k, i + 1, chosen, depth + 1, candidates, counts);
    }
  }

  /** A sorted item-id array with value equality. */
  record Key(int[] items) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && Arrays.equals(items, key.items);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(items);
    }

    @Override
    public String toString() {
      return Arrays.toString(items);
    }
  }
}
