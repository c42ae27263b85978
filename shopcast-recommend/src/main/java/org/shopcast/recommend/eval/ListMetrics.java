package org.shopcast.recommend.eval;

import java.util.BitSet;
import java.util.Set;

/**
 * Sums the figures of one model's top-K lists over an evaluation (hit rate = recall with one
 * relevant item, MRR, NDCG, precision, catalogue coverage, popularity bias) into a {@link
 * ModelScore}. Shared by the evaluation protocols so every one computes the figures alike. Not
 * thread-safe.
 */
final class ListMetrics {
  private final int k;
  private final double[] popularity;
  private final double maxPopularity;
  private final int items;
  private final BitSet shown;
  private double recall;
  private double mrr;
  private double ndcg;
  private double precision;
  private double bias;
  private long lists;

  /**
   * @param k the list length
   * @param popularity training popularity per item (for the popularity-bias figure)
   * @param items the catalogue size (for coverage)
   */
  ListMetrics(int k, double[] popularity, int items) {
    this.k = k;
    this.popularity = popularity;
    double max = 0;
    for (double p : popularity) {
      max = Math.max(max, p);
    }
    this.maxPopularity = max;
    this.items = items;
    this.shown = new BitSet(items);
  }

  /** Adds one list scored against the {@code relevant} items. */
  void add(int[] list, Set<Integer> relevant) {
    recall += RankingMetrics.recall(list, relevant, k);
    mrr += RankingMetrics.reciprocalRank(list, relevant, k);
    ndcg += RankingMetrics.ndcg(list, relevant, k);
    precision += RankingMetrics.precision(list, relevant, k);
    double listBias = 0;
    for (int item : list) {
      shown.set(item);
      listBias += maxPopularity > 0 ? popularity[item] / maxPopularity : 0;
    }
    bias += list.length == 0 ? 0 : listBias / list.length;
    lists++;
  }

  /** The means over the lists added. */
  ModelScore score(String name, double seconds) {
    double div = Math.max(1, lists);
    return new ModelScore(
        name,
        recall / div,
        mrr / div,
        ndcg / div,
        precision / div,
        items == 0 ? 0 : (double) shown.cardinality() / items,
        bias / div,
        lists,
        seconds);
  }
}
