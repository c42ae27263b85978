package org.shopcast.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.SessionKnnModel;
import org.shopcast.recommend.knn.SessionKnnOptions;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;

class RecommendationsPropertyTest {
  private static final EventType[] TYPES = {
    EventType.VIEW, EventType.FAVORITE, EventType.CART_ADD, EventType.PURCHASE
  };

  /** Whatever the data and the context, an item the context purchased never comes back. */
  @Property(tries = 200)
  void purchasedItems_areNeverReturned_byDefault(
      @ForAll @Size(min = 1, max = 60) List<@IntRange(min = 0, max = 14) Integer> trainItems,
      @ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 14) Integer> contextItems,
      @ForAll @Size(min = 12, max = 12) List<@IntRange(min = 0, max = 3) Integer> contextTypes,
      @ForAll @IntRange(min = 1, max = 20) int n) {
    List<Click> clicks = new ArrayList<>();
    for (int i = 0; i < trainItems.size(); i++) {
      clicks.add(
          new Click(
              "s" + (i / 4), null, "i" + trainItems.get(i), i, TYPES[i % TYPES.length], i + 1));
    }
    SessionDataset train = SessionDataset.train(clicks);
    int[] items = new int[contextItems.size()];
    EventType[] types = new EventType[items.length];
    for (int i = 0; i < items.length; i++) {
      // context items unknown to the training data map to -1 and are ignored by the models
      items[i] = train.items().indexOf("i" + contextItems.get(i));
      types[i] = TYPES[contextTypes.get(i)];
    }
    Context context = Context.of(items, types, new long[items.length]);
    List<Recommender> chain =
        List.of(
            SessionKnnModel.fit(train, SessionKnnOptions.vsknn()),
            ItemKnnModel.fit(train, new ItemKnnOptions(5, 0, 0.5, 0, 0.5)),
            PopularityModel.fit(train, new PopularityOptions()));
    Set<Integer> purchased = new java.util.HashSet<>();
    for (int i = 0; i < items.length; i++) {
      if (types[i] == EventType.PURCHASE && items[i] >= 0) {
        purchased.add(items[i]);
      }
    }
    List<Recommendation> list = Recommendations.top(chain, context, n, new Rules());
    Set<Integer> returned = list.stream().map(Recommendation::item).collect(Collectors.toSet());
    for (int item : purchased) {
      assertThat(returned).doesNotContain(item);
    }
    assertThat(returned).hasSize(list.size());
    assertThat(list.size()).isLessThanOrEqualTo(n);
    // the chain ends in popularity, so the list is full unless the catalogue runs out
    assertThat(list.size()).isEqualTo(Math.min(n, train.items().size() - purchased.size()));
  }
}
