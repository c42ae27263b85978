package org.shopcast.recommend.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.fbt.FbtMeasure;
import org.shopcast.recommend.fbt.FbtModel;
import org.shopcast.recommend.fbt.FbtOptions;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Basket completion on a temporal split: the baskets are in time order, the first share trains, the
 * rest test. In every test basket the items the training baskets never held are dropped; a basket
 * left with fewer than two items is skipped; one item (chosen by a seeded random generator) is
 * hidden and each model, given the others, ranks the items except those others; the list is scored
 * against the hidden item (HitRate@K = Recall@K, MRR@K, NDCG@K, precision@K, coverage, popularity
 * bias), the protocol of "leave one out" basket completion (e.g. Le, Lauw &amp; Fang 2017,
 * "Basket-sensitive personalized item recommendation"). Models:
 *
 * <ul>
 *   <li>{@code popular}: the items in most training baskets (the baseline, always reported first);
 *   <li>{@code iknn}: item-kNN over baskets (regularised cosine, λ 20, 100 neighbours), every
 *       basket item weighing the same;
 *   <li>{@code fbt}: {@link FbtModel} with its defaults (confidence, co-count &gt;= 2);
 *   <li>{@code fbt-lift}: the same ranked by lift, for comparison.
 * </ul>
 */
public final class BasketEvaluation {
  /** Every model name, in report order. */
  public static final List<String> NAMES = List.of("popular", "iknn", "fbt", "fbt-lift");

  private BasketEvaluation() {}

  /** The baskets before the cutoff and after it. */
  public record Split(List<List<String>> train, List<List<String>> test) {
    /** Copies the lists. */
    public Split {
      train = List.copyOf(train);
      test = List.copyOf(test);
    }
  }

  /**
   * Splits baskets in time order: the last {@code testShare} of them (rounded) are the test set.
   *
   * @throws IllegalArgumentException when the share is outside (0, 1) or a side would be empty
   */
  public static Split split(List<? extends Collection<String>> baskets, double testShare) {
    if (!(testShare > 0 && testShare < 1)) {
      throw new IllegalArgumentException("testShare must be in (0, 1), got " + testShare);
    }
    int test = (int) Math.round(baskets.size() * testShare);
    int train = baskets.size() - test;
    if (test < 1 || train < 1) {
      throw new IllegalArgumentException(
          "cannot split "
              + baskets.size()
              + " baskets with test share "
              + testShare
              + ": a side would be empty");
    }
    List<List<String>> all = new ArrayList<>(baskets.size());
    for (Collection<String> basket : baskets) {
      all.add(List.copyOf(new LinkedHashSet<>(basket)));
    }
    return new Split(all.subList(0, train), all.subList(train, all.size()));
  }

  /**
   * Evaluates the named models ({@code popular} is added first when missing).
   *
   * @param seed picks the hidden item of each test basket
   * @throws IllegalArgumentException for an unknown model name or {@code k < 1}
   */
  public static List<ModelScore> run(Split split, int k, List<String> models, long seed) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be >= 1, got " + k);
    }
    for (String name : models) {
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "unknown basket model '" + name + "', expected one of " + String.join(", ", NAMES));
      }
    }
    SessionDataset train = asSessions(split.train());
    List<Hidden> cases = hide(split.test(), train, seed);
    PopularityModel pop = PopularityModel.fit(train, new PopularityOptions());
    double[] popularity = new double[pop.itemCount()];
    for (int i = 0; i < popularity.length; i++) {
      popularity[i] = pop.score(i);
    }
    List<String> names = new ArrayList<>(models);
    names.remove("popular");
    names.add(0, "popular");
    List<ModelScore> out = new ArrayList<>();
    for (String name : names) {
      long start = System.nanoTime();
      Recommender model = fit(name, split.train(), train, pop);
      ListMetrics metrics = new ListMetrics(k, popularity, train.items().size());
      Scores scores = new Scores(train.items().size());
      boolean[] inBasket = new boolean[train.items().size()];
      for (Hidden c : cases) {
        scores.clear();
        model.score(c.context(), scores);
        mark(inBasket, c.others(), true);
        metrics.add(scores.top(k, item -> inBasket[item]), Set.of(c.hidden()));
        mark(inBasket, c.others(), false);
      }
      out.add(metrics.score(name, (System.nanoTime() - start) / 1e9));
    }
    return out;
  }

  private static void mark(boolean[] flags, int[] items, boolean value) {
    for (int item : items) {
      flags[item] = value;
    }
  }

  /** One test basket: the hidden item, the others (left out of the list) and their context. */
  private record Hidden(int hidden, int[] others, Context context) {}

  private static List<Hidden> hide(List<List<String>> test, SessionDataset train, long seed) {
    Random random = new Random(seed);
    List<Hidden> out = new ArrayList<>();
    for (List<String> basket : test) {
      int[] known =
          basket.stream().mapToInt(train.items()::indexOf).filter(i -> i >= 0).distinct().toArray();
      if (known.length < 2) {
        continue;
      }
      int hidden = random.nextInt(known.length);
      int[] others = new int[known.length - 1];
      for (int i = 0, j = 0; i < known.length; i++) {
        if (i != hidden) {
          others[j++] = known[i];
        }
      }
      EventType[] types = new EventType[others.length];
      Arrays.fill(types, EventType.PURCHASE);
      out.add(
          new Hidden(known[hidden], others, Context.of(others, types, new long[others.length])));
    }
    return out;
  }

  private static Recommender fit(
      String name, List<List<String>> lists, SessionDataset train, PopularityModel pop) {
    return switch (name) {
      case "popular" -> pop;
      case "iknn" -> ItemKnnModel.fit(train, new ItemKnnOptions(100, 20, 0.5, 0, 1));
      case "fbt" -> FbtModel.fit(lists, train.items(), new FbtOptions());
      default -> {
        FbtOptions d = new FbtOptions();
        yield FbtModel.fit(
            lists, train.items(), new FbtOptions(FbtMeasure.LIFT, d.minTogether(), d.companions()));
      }
    };
  }

  /** The baskets as purchase sessions at their position in time (basket i at i seconds). */
  private static SessionDataset asSessions(List<List<String>> baskets) {
    List<Click> clicks = new ArrayList<>();
    for (int b = 0; b < baskets.size(); b++) {
      for (String item : baskets.get(b)) {
        clicks.add(new Click("b" + b, null, item, b * 1000L, EventType.PURCHASE, b + 1L));
      }
    }
    return SessionDataset.train(clicks);
  }
}
