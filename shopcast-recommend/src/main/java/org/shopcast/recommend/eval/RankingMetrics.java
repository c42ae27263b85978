package org.shopcast.recommend.eval;

import java.util.Set;

/**
 * Top-K ranking metrics for one recommendation list against the relevant items, as defined in
 * Järvelin &amp; Kekäläinen (2002, NDCG) and used by Ludewig &amp; Jannach (2018) for next-item
 * prediction, where the only relevant item is the next one (Recall@K = HitRate@K there). Only the
 * first {@code k} entries of {@code list} count.
 */
public final class RankingMetrics {
  private RankingMetrics() {}

  /** 1 when any relevant item is in the top k, else 0. */
  public static double hitRate(int[] list, Set<Integer> relevant, int k) {
    return hits(list, relevant, k) > 0 ? 1 : 0;
  }

  /** Share of the relevant items found in the top k (0 when nothing is relevant). */
  public static double recall(int[] list, Set<Integer> relevant, int k) {
    return relevant.isEmpty() ? 0 : (double) hits(list, relevant, k) / relevant.size();
  }

  /** Share of the top k slots holding a relevant item (empty slots count as misses). */
  public static double precision(int[] list, Set<Integer> relevant, int k) {
    checkK(k);
    return (double) hits(list, relevant, k) / k;
  }

  /** 1 / the rank of the first relevant item in the top k, else 0. */
  public static double reciprocalRank(int[] list, Set<Integer> relevant, int k) {
    int n = Math.min(k, list.length);
    for (int r = 0; r < n; r++) {
      if (relevant.contains(list[r])) {
        return 1.0 / (r + 1);
      }
    }
    return 0;
  }

  /**
   * Normalised discounted cumulative gain with binary relevance: {@code sum 1/log2(rank + 1)} over
   * the relevant items in the top k, divided by the same sum for an ideal list.
   */
  public static double ndcg(int[] list, Set<Integer> relevant, int k) {
    checkK(k);
    int n = Math.min(k, list.length);
    double dcg = 0;
    for (int r = 0; r < n; r++) {
      if (relevant.contains(list[r])) {
        dcg += 1 / log2(r + 2);
      }
    }
    double ideal = 0;
    for (int r = 0; r < Math.min(k, relevant.size()); r++) {
      ideal += 1 / log2(r + 2);
    }
    return ideal == 0 ? 0 : dcg / ideal;
  }

  private static int hits(int[] list, Set<Integer> relevant, int k) {
    checkK(k);
    int n = Math.min(k, list.length);
    int hits = 0;
    for (int r = 0; r < n; r++) {
      if (relevant.contains(list[r])) {
        hits++;
      }
    }
    return hits;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static void checkK(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
  }
}
