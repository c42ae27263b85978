package org.shopcast.recommend.knn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.popular.BehaviourWeights;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * User-based collaborative filtering (Resnick et al. 1994, "GroupLens"; Herlocker et al. 1999): the
 * k training rows (users, when each training session is one user's history) whose weighted item
 * vectors have the highest cosine with the context's vector each add their similarity times their
 * weight on an item. Entries are the strongest behaviour weight per item ({@link
 * BehaviourWeights}). Use it for users with a history when the item catalogue changes slowly.
 */
public final class UserKnnModel implements Recommender {
  private final SessionIndex index;
  private final double[][] weights;
  private final double[] norms;
  private final int neighbours;

  private UserKnnModel(SessionIndex index, double[][] weights, int neighbours) {
    this.index = index;
    this.weights = weights;
    this.neighbours = neighbours;
    norms = new double[weights.length];
    for (int r = 0; r < weights.length; r++) {
      double s = 0;
      for (double w : weights[r]) {
        s += w * w;
      }
      norms[r] = Math.sqrt(s);
    }
  }

  /** Indexes the training rows; {@code neighbours} is k. */
  public static UserKnnModel fit(SessionDataset train, int neighbours) {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
    }
    SessionIndex index = new SessionIndex(train);
    double[][] weights = new double[index.sessionItems.length][];
    for (int r = 0; r < weights.length; r++) {
      Session s = train.sessions().get(r);
      Map<Integer, Double> w = new HashMap<>();
      for (int i = 0; i < s.size(); i++) {
        w.merge(s.item(i), BehaviourWeights.of(s.type(i)), Math::max);
      }
      int[] items = index.sessionItems[r];
      weights[r] = new double[items.length];
      for (int k = 0; k < items.length; k++) {
        weights[r][k] = w.get(items[k]);
      }
    }
    return new UserKnnModel(index, weights, neighbours);
  }

  @Override
  public String name() {
    return "uknn";
  }

  @Override
  public int itemCount() {
    return index.items();
  }

  @Override
  public void score(Context context, Scores scores) {
    Map<Integer, Double> mine = new HashMap<>();
    for (int i = 0; i < context.size(); i++) {
      int item = context.item(i);
      if (item >= 0 && item < index.items()) {
        mine.merge(item, BehaviourWeights.of(context.type(i)), Math::max);
      }
    }
    double myNorm = Math.sqrt(mine.values().stream().mapToDouble(w -> w * w).sum());
    if (myNorm == 0) {
      return;
    }
    Map<Integer, Double> dot = new HashMap<>();
    for (Map.Entry<Integer, Double> e : mine.entrySet()) {
      for (int r : index.itemSessions[e.getKey()]) {
        int[] items = index.sessionItems[r];
        for (int k = 0; k < items.length; k++) {
          if (items[k] == e.getKey()) {
            dot.merge(r, e.getValue() * weights[r][k], Double::sum);
            break;
          }
        }
      }
    }
    int[] rows = dot.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] sim = new double[rows.length];
    Integer[] order = new Integer[rows.length];
    for (int i = 0; i < rows.length; i++) {
      sim[i] = norms[rows[i]] == 0 ? 0 : dot.get(rows[i]) / (myNorm * norms[rows[i]]);
      order[i] = i;
    }
    Arrays.sort(
        order, (a, b) -> sim[a] != sim[b] ? Double.compare(sim[b], sim[a]) : rows[a] - rows[b]);
    for (int n = 0; n < Math.min(neighbours, order.length); n++) {
      int r = rows[order[n]];
      int[] items = index.sessionItems[r];
      for (int k = 0; k < items.length; k++) {
        scores.add(items[k], sim[order[n]] * weights[r][k]);
      }
    }
  }
}
