package org.shopcast.recommend.eval;

import java.util.ArrayList;
import java.util.Arrays;
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
import org.shopcast.recommend.als.AlsModel;
import org.shopcast.recommend.als.AlsOptions;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.UserKnnModel;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Top-K lists for users, evaluated offline on a {@link UserSplit}: models train with one row per
 * user on the training events, each evaluated user's training events are the context, and the list
 * follows the serving rules (items the user bought are excluded). Users whose held-out items are
 * all unknown to training are skipped (no model can list them). The popularity baseline is always
 * evaluated first.
 */
public final class UserEvaluation {
  /** The model names {@link #models} knows, popularity first. */
  public static final List<String> NAMES = List.of("popular", "iknn", "uknn", "als");

  private UserEvaluation() {}

  /**
   * What was evaluated and the figures.
   *
   * @param split the protocol
   * @param k list length
   * @param cutoff the temporal cutoff, epoch ms (0 for leave-last-out)
   * @param trainEvents training events
   * @param trainUsers users with training events
   * @param items training items
   * @param models one score per model, in the order given
   */
  public record Result(
      UserSplit split,
      int k,
      long cutoff,
      long trainEvents,
      long trainUsers,
      long items,
      List<UserScore> models) {}

  /**
   * The models by name with the settings used for user lists: plain popularity; item-kNN (100
   * neighbours, λ 20, history decay 0.9); user-kNN (k = 50); ALS (32 factors, λ 0.1, α 40, 10
   * sweeps of 3 CG steps, seed 42).
   *
   * @throws IllegalArgumentException for an unknown name
   */
  public static Map<String, Function<SessionDataset, Recommender>> models(List<String> names) {
    Map<String, Function<SessionDataset, Recommender>> out = new LinkedHashMap<>();
    out.put("popular", d -> PopularityModel.fit(d, new PopularityOptions()));
    for (String name : names) {
      switch (name) {
        case "popular" -> {}
        case "iknn" ->
            out.put(name, d -> ItemKnnModel.fit(d, new ItemKnnOptions(100, 20, 0.5, 0, 0.9)));
        case "uknn" -> out.put(name, d -> UserKnnModel.fit(d, 50));
        case "als" -> out.put(name, d -> AlsModel.fit(d, new AlsOptions(32, 0.1, 40, 10, 3, 42)));
        default ->
            throw new IllegalArgumentException(
                "unknown user model '" + name + "', expected " + String.join(", ", NAMES));
      }
    }
    return out;
  }

  /**
   * The event time below which {@code 1 - testShare} of the events lie (the temporal cutoff that
   * leaves {@code testShare} of the events for testing).
   */
  public static long cutoffAt(List<Click> clicks, double testShare) {
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("testShare must be in (0, 1), got " + testShare);
    }
    if (clicks.isEmpty()) {
      throw new IllegalArgumentException("no events to split");
    }
    long[] times = clicks.stream().mapToLong(Click::timeMillis).sorted().toArray();
    int index = (int) Math.min(times.length - 1, Math.floor(times.length * (1 - testShare)));
    return times[index];
  }

  /** Runs {@code split} ({@code cutoff} is used by the temporal split only). */
  public static Result run(
      List<Click> clicks,
      UserSplit split,
      long cutoff,
      int k,
      Map<String, Function<SessionDataset, Recommender>> fit) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    Map<String, List<Click>> byUser = new LinkedHashMap<>();
    for (Click c : clicks) {
      if (c.userId() != null) {
        byUser.computeIfAbsent(c.userId(), u -> new ArrayList<>()).add(c);
      }
    }
    List<Click> train = new ArrayList<>();
    Map<String, List<Click>> history = new LinkedHashMap<>();
    Map<String, Set<String>> heldOut = new LinkedHashMap<>();
    for (Map.Entry<String, List<Click>> e : byUser.entrySet()) {
      List<Click> events = new ArrayList<>(e.getValue());
      events.sort(
          java.util.Comparator.comparingLong(Click::timeMillis).thenComparingLong(Click::line));
      int firstTest = events.size();
      if (split == UserSplit.LEAVE_LAST_OUT) {
        firstTest = events.size() >= 2 ? events.size() - 1 : events.size();
      } else {
        for (int i = 0; i < events.size(); i++) {
          if (events.get(i).timeMillis() >= cutoff) {
            firstTest = i;
            break;
          }
        }
      }
      List<Click> before = new ArrayList<>();
      for (Click c : events.subList(0, firstTest)) {
        before.add(
            new Click(c.userId(), c.userId(), c.itemId(), c.timeMillis(), c.type(), c.line()));
      }
      train.addAll(before);
      if (!before.isEmpty() && firstTest < events.size()) {
        history.put(e.getKey(), before);
        Set<String> after = new HashSet<>();
        for (Click c : events.subList(firstTest, events.size())) {
          after.add(c.itemId());
        }
        heldOut.put(e.getKey(), after);
      }
    }
    SessionDataset data = SessionDataset.train(train);
    ItemIndex items = data.items();
    double[] popularity = new double[items.size()];
    double top = 0;
    for (Session s : data.sessions()) {
      for (int i = 0; i < s.size(); i++) {
        top = Math.max(top, ++popularity[s.item(i)]);
      }
    }
    List<UserScore> scores = new ArrayList<>();
    for (Map.Entry<String, Function<SessionDataset, Recommender>> model : fit.entrySet()) {
      scores.add(
          score(model.getKey(), model.getValue(), data, history, heldOut, k, popularity, top));
    }
    return new Result(
        split,
        k,
        split == UserSplit.TEMPORAL ? cutoff : 0,
        data.clicks(),
        data.sessions().size(),
        items.size(),
        scores);
  }

  private static UserScore score(
      String name,
      Function<SessionDataset, Recommender> fit,
      SessionDataset data,
      Map<String, List<Click>> history,
      Map<String, Set<String>> heldOut,
      int k,
      double[] popularity,
      double top) {
    long start = System.nanoTime();
    Recommender model = fit.apply(data);
    ItemIndex items = data.items();
    double hit = 0;
    double recall = 0;
    double mrr = 0;
    double ndcg = 0;
    double precision = 0;
    double bias = 0;
    long lists = 0;
    Set<Integer> shown = new HashSet<>();
    long users = 0;
    Rules rules = new Rules();
    for (Map.Entry<String, List<Click>> user : history.entrySet()) {
      Set<Integer> relevant = new HashSet<>();
      for (String id : heldOut.get(user.getKey())) {
        int item = items.indexOf(id);
        if (item >= 0) {
          relevant.add(item);
        }
      }
      if (relevant.isEmpty()) {
        continue;
      }
      int[] list =
          Recommendations.top(List.of(model), context(user.getValue(), items), k, rules).stream()
              .mapToInt(Recommendation::item)
              .toArray();
      if (list.length > 0) {
        bias += Arrays.stream(list).mapToDouble(i -> popularity[i]).average().orElse(0) / top;
        lists++;
      }
      for (int item : list) {
        shown.add(item);
      }
      hit += RankingMetrics.hitRate(list, relevant, k);
      recall += RankingMetrics.recall(list, relevant, k);
      mrr += RankingMetrics.reciprocalRank(list, relevant, k);
      ndcg += RankingMetrics.ndcg(list, relevant, k);
      precision += RankingMetrics.precision(list, relevant, k);
      users++;
    }
    double div = Math.max(1, users);
    return new UserScore(
        name,
        hit / div,
        recall / div,
        mrr / div,
        ndcg / div,
        precision / div,
        items.size() == 0 ? 0 : (double) shown.size() / items.size(),
        lists == 0 ? 0 : bias / lists,
        users,
        (System.nanoTime() - start) / 1e9);
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
