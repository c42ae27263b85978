package org.shopcast.recommend.eval;

import java.util.BitSet;
import java.util.Set;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * The next-item protocol for session-based recommendation (Hidasi et al. 2016; Ludewig &amp;
 * Jannach 2018): for every test session and every position {@code i >= 1}, the model sees the first
 * {@code i} events and its top-K list is scored against the item at position {@code i}. Nothing is
 * excluded from the lists (a session may revisit an item), as in the reference protocol.
 */
public final class NextItemEvaluator {
  private final int k;

  /** An evaluator for lists of length {@code k}. */
  public NextItemEvaluator(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    this.k = k;
  }

  /** The list length. */
  public int k() {
    return k;
  }

  /**
   * Evaluates a trained model on the test sessions.
   *
   * @param popularity training popularity per item (for the popularity-bias figure)
   * @param fitSeconds time already spent fitting, added to the reported time
   */
  public ModelScore evaluate(
      Recommender model, SessionDataset test, double[] popularity, double fitSeconds) {
    long start = System.nanoTime();
    int items = model.itemCount();
    double maxPopularity = 0;
    for (double p : popularity) {
      maxPopularity = Math.max(maxPopularity, p);
    }
    Scores scores = new Scores(items);
    BitSet shown = new BitSet(items);
    double recall = 0;
    double mrr = 0;
    double ndcg = 0;
    double precision = 0;
    double bias = 0;
    long n = 0;
    for (Session session : test.sessions()) {
      for (int i = 1; i < session.size(); i++) {
        Context prefix = session.prefix(i);
        scores.clear();
        model.score(prefix, scores);
        int[] list = scores.top(k, null);
        Set<Integer> next = Set.of(session.item(i));
        recall += RankingMetrics.recall(list, next, k);
        mrr += RankingMetrics.reciprocalRank(list, next, k);
        ndcg += RankingMetrics.ndcg(list, next, k);
        precision += RankingMetrics.precision(list, next, k);
        double listBias = 0;
        for (int item : list) {
          shown.set(item);
          listBias += maxPopularity > 0 ? popularity[item] / maxPopularity : 0;
        }
        bias += list.length == 0 ? 0 : listBias / list.length;
        n++;
      }
    }
    double seconds = fitSeconds + (System.nanoTime() - start) / 1e9;
    double div = Math.max(1, n);
    return new ModelScore(
        model.name(),
        recall / div,
        mrr / div,
        ndcg / div,
        precision / div,
        items == 0 ? 0 : (double) shown.cardinality() / items,
        bias / div,
        n,
        seconds);
  }
}
