package org.shopcast.recommend.knn;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.popular.BehaviourWeights;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Item-to-item collaborative filtering: items are similar when the same sessions (or users, when
 * each training "session" is a user's history) interact with both. Each session is a vector over
 * items whose entry is the strongest behaviour weight of its events on the item (view &lt;
 * favourite &lt; cart &lt; purchase, see {@link BehaviourWeights}), times an optional time decay;
 * the similarity is the regularised cosine of Sarwar et al. (2001, "Item-based collaborative
 * filtering recommendation algorithms") in the form of the item-kNN baseline of Hidasi et al.
 * (2016, "Session-based recommendations with recurrent neural networks"):
 *
 * <pre>sim(i, j) = dot(i, j) / ((|i|² + λ)^α (|j|² + λ)^(1-α))</pre>
 *
 * <p>With view-only data, no decay, λ = 0 and α = 0.5 this is the plain cosine of binary session
 * vectors. Recommending sums the neighbours of the context's items (by default the last item only).
 * Use it for "similar items" lists and as a fast, explainable session baseline.
 */
public final class ItemKnnModel implements Recommender {
  private final int[][] neighbour;
  private final float[][] similarity;
  private final ItemKnnOptions options;

  private ItemKnnModel(int[][] neighbour, float[][] similarity, ItemKnnOptions options) {
    this.neighbour = neighbour;
    this.similarity = similarity;
    this.options = options;
  }

  /** Computes each item's most similar items from the training sessions. */
  public static ItemKnnModel fit(SessionDataset train, ItemKnnOptions options) {
    List<Session> sessions = train.sessions();
    int items = train.items().size();
    long end = train.endTime();
    double halfLifeMs = options.halfLifeHours() * 3_600_000d;
    // sparse session vectors: distinct items and their weights
    int[][] sessionItems = new int[sessions.size()][];
    double[][] sessionWeights = new double[sessions.size()][];
    int[] counts = new int[items];
    double[] norm = new double[items];
    for (int s = 0; s < sessions.size(); s++) {
      Session session = sessions.get(s);
      Map<Integer, Double> w = new HashMap<>();
      for (int i = 0; i < session.size(); i++) {
        double v =
            BehaviourWeights.of(session.type(i))
                * BehaviourWeights.decay(end - session.time(i), halfLifeMs);
        w.merge(session.item(i), v, Math::max);
      }
      w.values().removeIf(v -> v <= 0);
      sessionItems[s] = w.keySet().stream().mapToInt(Integer::intValue).toArray();
      sessionWeights[s] = new double[sessionItems[s].length];
      for (int k = 0; k < sessionItems[s].length; k++) {
        int item = sessionItems[s][k];
        double v = w.get(item);
        sessionWeights[s][k] = v;
        counts[item]++;
        norm[item] += v * v;
      }
    }
    int[][] itemSessions = new int[items][];
    double[][] itemWeights = new double[items][];
    for (int i = 0; i < items; i++) {
      itemSessions[i] = new int[counts[i]];
      itemWeights[i] = new double[counts[i]];
    }
    int[] fill = new int[items];
    for (int s = 0; s < sessionItems.length; s++) {
      for (int k = 0; k < sessionItems[s].length; k++) {
        int item = sessionItems[s][k];
        itemSessions[item][fill[item]] = s;
        itemWeights[item][fill[item]++] = sessionWeights[s][k];
      }
    }
    // the two halves of the denominator, once per item
    double[] left = new double[items];
    double[] right = new double[items];
    for (int i = 0; i < items; i++) {
      left[i] = Math.pow(norm[i] + options.lambda(), options.alpha());
      right[i] = Math.pow(norm[i] + options.lambda(), 1 - options.alpha());
    }
    int[][] neighbour = new int[items][];
    float[][] similarity = new float[items][];
    Scores dot = new Scores(items);
    Scores sims = new Scores(items);
    for (int i = 0; i < items; i++) {
      dot.clear();
      sims.clear();
      for (int k = 0; k < itemSessions[i].length; k++) {
        int s = itemSessions[i][k];
        double wi = itemWeights[i][k];
        for (int m = 0; m < sessionItems[s].length; m++) {
          int j = sessionItems[s][m];
          if (j != i) {
            dot.add(j, wi * sessionWeights[s][m]);
          }
        }
      }
      // normalise every co-occurring item (any order), then keep the best
      for (int c = 0; c < dot.size(); c++) {
        int j = dot.candidate(c);
        double denominator = left[i] * right[j];
        sims.add(j, denominator > 0 ? dot.get(j) / denominator : 0);
      }
      int[] best = sims.top(options.neighbours(), null);
      neighbour[i] = best;
      similarity[i] = new float[best.length];
      for (int b = 0; b < best.length; b++) {
        similarity[i][b] = (float) sims.get(best[b]);
      }
    }
    return new ItemKnnModel(neighbour, similarity, options);
  }

  @Override
  public String name() {
    return "iknn";
  }

  @Override
  public int itemCount() {
    return neighbour.length;
  }

  /** The most similar items to {@code item}, most similar first. */
  public int[] similarItems(int item) {
    return neighbour[item].clone();
  }

  /** The similarity of {@code item} to its {@code rank}-th neighbour. */
  public double similarity(int item, int rank) {
    return similarity[item][rank];
  }

  @Override
  public void score(Context context, Scores scores) {
    double weight = 1;
    for (int back = 0; back < context.size(); back++) {
      if (back > 0) {
        weight *= options.historyDecay();
        if (weight == 0) {
          return;
        }
      }
      int item = context.item(context.size() - 1 - back);
      if (item < 0 || item >= neighbour.length) {
        continue;
      }
      double w = weight * Math.max(1, BehaviourWeights.of(context.type(context.size() - 1 - back)));
      for (int n = 0; n < neighbour[item].length; n++) {
        scores.add(neighbour[item][n], w * similarity[item][n]);
      }
    }
  }
}
