package org.shopcast.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.SessionKnnModel;
import org.shopcast.recommend.knn.SessionKnnOptions;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;

/**
 * {@link Recommendations#top} reuses one accumulator per thread; its lists must be exactly those of
 * the former implementation, which allocated a fresh accumulator per model and call (kept here as
 * the reference).
 */
class RecommendationsScratchTest {
  private static final EventType[] TYPES = {
    EventType.VIEW, EventType.FAVORITE, EventType.CART_ADD, EventType.PURCHASE
  };

  @Test
  void reusedAccumulator_givesTheListsOfAFreshOne_overManyCallsAndChains() {
    SessionDataset small = train(40, 400, 1);
    SessionDataset large = train(120, 900, 2);
    ItemKnnModel knnSmall = ItemKnnModel.fit(small, new ItemKnnOptions(10, 5, 0.5, 0, 0.8));
    ItemKnnModel knnLarge = ItemKnnModel.fit(large, new ItemKnnOptions(10, 5, 0.5, 0, 0.8));
    List<List<Recommender>> chains =
        List.of(
            List.of(knnLarge),
            List.of(knnSmall),
            List.of(knnSmall, PopularityModel.fit(small, new PopularityOptions())),
            List.of(
                SessionKnnModel.fit(small, SessionKnnOptions.vsknn()),
                knnSmall,
                PopularityModel.fit(small, new PopularityOptions())));
    List<Rules> rules =
        List.of(
            new Rules(),
            new Rules(false, true, Set.of(3, 7), item -> item % 5 != 0, item -> item % 4, 2));
    SplittableRandom random = new SplittableRandom(11);
    int compared = 0;
    for (int call = 0; call < 300; call++) {
      // alternate catalogue sizes so a large accumulator also serves the small models
      List<Recommender> chain = chains.get(call % chains.size());
      int items = chain.get(0).itemCount();
      Context context = randomContext(random, items);
      int n = 1 + random.nextInt(30);
      Rules r = rules.get(random.nextInt(rules.size()));
      List<Recommendation> expected = freshTop(chain, context, n, r);
      assertThat(Recommendations.top(chain, context, n, r)).isEqualTo(expected);
      compared += expected.size();
    }
    assertThat(compared).isGreaterThan(1000);
  }

  @Test
  void aModelCallingTopWhileScoring_getsItsOwnAccumulator() {
    SessionDataset data = train(40, 400, 3);
    ItemKnnModel knn = ItemKnnModel.fit(data, new ItemKnnOptions(10, 5, 0.5, 0, 0.8));
    Recommender nested =
        new Recommender() {
          @Override
          public String name() {
            return "nested";
          }

          @Override
          public int itemCount() {
            return knn.itemCount();
          }

          @Override
          public void score(Context context, Scores scores) {
            for (Recommendation r : Recommendations.top(List.of(knn), context, 5, new Rules())) {
              scores.add(r.item(), 1 + r.score());
            }
            knn.score(context, scores);
          }
        };
    SplittableRandom random = new SplittableRandom(5);
    for (int call = 0; call < 50; call++) {
      Context context = randomContext(random, knn.itemCount());
      List<Recommender> chain = List.of(nested, knn);
      assertThat(Recommendations.top(chain, context, 20, new Rules()))
          .isEqualTo(freshTop(chain, context, 20, new Rules()));
    }
  }

  private static SessionDataset train(int items, int clicks, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Click> out = new ArrayList<>();
    for (int i = 0; i < clicks; i++) {
      // skewed item choice so that some items co-occur often
      int item = (int) (items * Math.pow(random.nextDouble(), 2));
      out.add(new Click("s" + (i / 5), null, "i" + item, i, TYPES[random.nextInt(4)], i + 1));
    }
    return SessionDataset.train(out);
  }

  private static Context randomContext(SplittableRandom random, int items) {
    int size = random.nextInt(8);
    int[] context = new int[size];
    EventType[] types = new EventType[size];
    for (int i = 0; i < size; i++) {
      context[i] = random.nextInt(items + 2) - 1; // includes unknown items (-1, items)
      types[i] = TYPES[random.nextInt(4)];
    }
    return Context.of(context, types, new long[size]);
  }

  /** The former implementation: a new accumulator sized to the model for every model and call. */
  private static List<Recommendation> freshTop(
      List<? extends Recommender> chain, Context context, int n, Rules rules) {
    List<Recommendation> out = new ArrayList<>(n);
    Set<Integer> taken = new HashSet<>();
    Map<Integer, Integer> perCategory = new HashMap<>();
    for (Recommender model : chain) {
      if (out.size() >= n) {
        break;
      }
      Scores scores = new Scores(model.itemCount());
      model.score(context, scores);
      int wanted = rules.perCategoryCap() > 0 ? scores.size() : n - out.size();
      int[] ranked =
          scores.top(wanted, item -> taken.contains(item) || rules.rejects(item, context));
      for (int item : ranked) {
        if (out.size() >= n) {
          break;
        }
        if (rules.perCategoryCap() > 0) {
          int category = rules.categoryOf().applyAsInt(item);
          if (category >= 0 && perCategory.getOrDefault(category, 0) >= rules.perCategoryCap()) {
            continue;
          }
          perCategory.merge(category, 1, Integer::sum);
        }
        taken.add(item);
        out.add(new Recommendation(item, scores.get(item), model.name()));
      }
    }
    return out;
  }
}
