package org.shopcast.recommend.eval;

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
    Scores scores = new Scores(model.itemCount());
    ListMetrics metrics = new ListMetrics(k, popularity, model.itemCount());
    for (Session session : test.sessions()) {
      for (int i = 1; i < session.size(); i++) {
        Context prefix = session.prefix(i);
        scores.clear();
        model.score(prefix, scores);
        metrics.add(scores.top(k, null), Set.of(session.item(i)));
      }
    }
    return metrics.score(model.name(), fitSeconds + (System.nanoTime() - start) / 1e9);
  }
}
