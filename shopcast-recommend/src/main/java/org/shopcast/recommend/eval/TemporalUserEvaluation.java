package org.shopcast.recommend.eval;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommendation;
import org.shopcast.recommend.Recommendations;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Top-N lists for users evaluated on a temporal split: models train on the events before the
 * cutoff, each user's history before it is the context, and the distinct items the user interacts
 * with after it (and that training knows) are relevant. Lists follow the default {@link Rules}
 * (purchased items excluded), as served.
 */
public final class TemporalUserEvaluation {
  private TemporalUserEvaluation() {}

  /**
   * Evaluates the models built by {@code fit} (each gets the training data with one row per user).
   *
   * @param clicks events with user ids
   * @param cutoff epoch ms; events before it train, events at or after it are the truth
   * @param k list length
   */
  public static List<ModelScore> run(
      List<Click> clicks,
      long cutoff,
      int k,
      Map<String, Function<SessionDataset, Recommender>> fit) {
    List<Click> before = new ArrayList<>();
    Map<String, List<Click>> history = new LinkedHashMap<>();
    Map<String, Set<String>> after = new LinkedHashMap<>();
    for (Click c : clicks) {
      if (c.userId() == null) {
        continue;
      }
      if (c.timeMillis() < cutoff) {
        Click asUser =
            new Click(c.userId(), c.userId(), c.itemId(), c.timeMillis(), c.type(), c.line());
        before.add(asUser);
        history.computeIfAbsent(c.userId(), u -> new ArrayList<>()).add(asUser);
      } else {
        after.computeIfAbsent(c.userId(), u -> new HashSet<>()).add(c.itemId());
      }
    }
    SessionDataset train = SessionDataset.train(before);
    ItemIndex items = train.items();
    List<ModelScore> out = new ArrayList<>();
    for (Map.Entry<String, Function<SessionDataset, Recommender>> entry : fit.entrySet()) {
      long start = System.nanoTime();
      Recommender model = entry.getValue().apply(train);
      double recall = 0;
      double mrr = 0;
      double ndcg = 0;
      double precision = 0;
      Set<Integer> shown = new HashSet<>();
      long users = 0;
      for (Map.Entry<String, List<Click>> user : history.entrySet()) {
        Set<Integer> relevant = new HashSet<>();
        for (String id : after.getOrDefault(user.getKey(), Set.of())) {
          int item = items.indexOf(id);
          if (item >= 0) {
            relevant.add(item);
          }
        }
        if (relevant.isEmpty()) {
          continue;
        }
        Context context = context(user.getValue(), items);
        int[] list =
            Recommendations.top(List.of(model), context, k, new Rules()).stream()
                .mapToInt(Recommendation::item)
                .toArray();
        for (int item : list) {
          shown.add(item);
        }
        recall += RankingMetrics.recall(list, relevant, k);
        mrr += RankingMetrics.reciprocalRank(list, relevant, k);
        ndcg += RankingMetrics.ndcg(list, relevant, k);
        precision += RankingMetrics.precision(list, relevant, k);
        users++;
      }
      double div = Math.max(1, users);
      out.add(
          new ModelScore(
              entry.getKey(),
              recall / div,
              mrr / div,
              ndcg / div,
              precision / div,
              items.size() == 0 ? 0 : (double) shown.size() / items.size(),
              Double.NaN,
              users,
              (System.nanoTime() - start) / 1e9));
    }
    return out;
  }

  private static Context context(List<Click> events, ItemIndex items) {
    int[] ids = new int[events.size()];
    EventType[] types = new EventType[events.size()];
    long[] times = new long[events.size()];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = items.indexOf(events.get(i).itemId());
      types[i] = events.get(i).type();
      times[i] = events.get(i).timeMillis();
    }
    return Context.of(ids, types, times);
  }
}
