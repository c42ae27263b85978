package org.shopcast.recommend.knn;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Session-based kNN: finds the past sessions most similar to the current one and recommends their
 * items, weighted by similarity. SKNN and V-SKNN as described and evaluated by Ludewig &amp;
 * Jannach, "Evaluation of session-based recommendation algorithms", User Modeling and User-Adapted
 * Interaction 28 (2018) 331-390 (reference code: session-rec, {@code algorithms/knn/sknn.py} and
 * {@code vsknn.py}); in their comparison these simple methods match or beat GRU4Rec on most
 * e-commerce datasets, so they are the first choice for "continue this session".
 *
 * <p>Candidates: the past sessions sharing at least one item with the current session; when there
 * are more than {@code sampleSize}, the most recent ones (by end time). SKNN similarity is the
 * cosine of binary item sets, {@code |A ∩ B| / sqrt(|A| |B|)}; V-SKNN weights the current session's
 * item at position p (1-based, of length L) by {@code max(0, 1 - 0.1 (L - p))} and sums the weights
 * of the shared items. The k most similar sessions then score each of their items by the similarity
 * (V-SKNN: times 1/step, step = 1 when the neighbour holds the last item).
 */
public final class SessionKnnModel implements Recommender {
  private final SessionIndex index;
  private final SessionKnnOptions options;
  private final double[] idf;

  private SessionKnnModel(SessionIndex index, SessionKnnOptions options) {
    this.index = index;
    this.options = options;
    idf = new double[index.items()];
    int sessions = index.sessionItems.length;
    for (int i = 0; i < idf.length; i++) {
      idf[i] =
          index.itemSessions[i].length == 0
              ? 0
              : Math.log10((double) sessions / index.itemSessions[i].length);
    }
  }

  /** Indexes the training sessions. */
  public static SessionKnnModel fit(SessionDataset train, SessionKnnOptions options) {
    return new SessionKnnModel(new SessionIndex(train), options);
  }

  @Override
  public String name() {
    return options.vector() ? "vsknn" : "sknn";
  }

  @Override
  public int itemCount() {
    return index.items();
  }

  @Override
  public void score(Context context, Scores scores) {
    if (context.isEmpty()) {
      return;
    }
    // position weights over the events; a repeated item keeps the weight of its latest click
    int length = context.size();
    Map<Integer, Double> weight = new HashMap<>();
    for (int p = 0; p < length; p++) {
      int item = context.item(p);
      if (item < 0 || item >= index.items()) {
        continue;
      }
      weight.put(item, options.vector() ? Math.max(0, 1 - 0.1 * (length - 1 - p)) : 1);
    }
    int[] candidates = candidates(weight.keySet());
    double[] similarity = new double[candidates.length];
    for (int c = 0; c < candidates.length; c++) {
      int[] items = index.sessionItems[candidates[c]];
      double shared = 0;
      for (int item : items) {
        Double w = weight.get(item);
        if (w != null) {
          shared += w;
        }
      }
      similarity[c] =
          options.vector() ? shared : shared / Math.sqrt((double) items.length * weight.size());
    }
    Integer[] order = new Integer[candidates.length];
    for (int c = 0; c < order.length; c++) {
      order[c] = c;
    }
    Arrays.sort(
        order,
        (a, b) ->
            similarity[a] != similarity[b]
                ? Double.compare(similarity[b], similarity[a])
                : Long.compare(index.sessionTime[candidates[b]], index.sessionTime[candidates[a]]));
    int k = Math.min(options.neighbours(), order.length);
    for (int n = 0; n < k; n++) {
      double sim = similarity[order[n]];
      if (sim <= 0) {
        break;
      }
      int[] items = index.sessionItems[candidates[order[n]]];
      double decay = options.vector() ? 1.0 / step(context, items) : 1;
      for (int item : items) {
        double s = sim * decay;
        if (options.idfWeighting() > 0) {
          s += s * idf[item] * options.idfWeighting();
        }
        scores.add(item, s);
      }
    }
  }

  /** 1 when the neighbour holds the current last item, 2 when the one before, and so on. */
  private static int step(Context current, int[] neighbour) {
    for (int back = 0; back < current.size(); back++) {
      int item = current.item(current.size() - 1 - back);
      for (int n : neighbour) {
        if (n == item) {
          return back + 1;
        }
      }
    }
    return current.size() + 1;
  }

  private int[] candidates(java.util.Set<Integer> items) {
    java.util.BitSet seen = new java.util.BitSet(index.sessionItems.length);
    for (int item : items) {
      for (int s : index.itemSessions[item]) {
        seen.set(s);
      }
    }
    int[] all = seen.stream().toArray();
    int m = options.sampleSize();
    if (m == 0 || all.length <= m) {
      return all;
    }
    Integer[] boxed = Arrays.stream(all).boxed().toArray(Integer[]::new);
    Arrays.sort(boxed, (a, b) -> Long.compare(index.sessionTime[b], index.sessionTime[a]));
    int[] recent = new int[m];
    for (int i = 0; i < m; i++) {
      recent[i] = boxed[i];
    }
    return recent;
  }
}
