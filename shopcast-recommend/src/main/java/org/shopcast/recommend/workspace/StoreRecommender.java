package org.shopcast.recommend.workspace;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommendation;
import org.shopcast.recommend.Recommendations;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.gru.Gru4RecModel;
import org.shopcast.recommend.gru.Gru4RecOptions;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.SessionKnnModel;
import org.shopcast.recommend.knn.SessionKnnOptions;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Recommendations trained on the workspace's event store (views, favourites, carts, purchases;
 * sessions as stored, else one per user). Three questions, each with a fallback chain so a cold
 * start still gets a list:
 *
 * <ul>
 *   <li>for a user: item-kNN over the user's history (recent events weigh more), then popular in
 *       the category of the user's latest event, then popular; items the user bought are excluded;
 *   <li>similar to an item: its item-kNN neighbours, then popular in its category, then popular;
 *   <li>continuing a session: V-SKNN, then item-kNN of the last item, then popular in its category,
 *       then popular.
 * </ul>
 */
public final class StoreRecommender {
  private final ItemIndex items;
  private final int[] categoryOf;
  private final List<String> categories;
  private final Map<String, List<Click>> histories;
  private final ItemKnnModel itemKnn;
  private final SessionKnnModel sessionKnn;
  private final PopularityModel popular;
  private final SessionDataset data;

  private StoreRecommender(
      SessionDataset data,
      int[] categoryOf,
      List<String> categories,
      Map<String, List<Click>> histories) {
    this.items = data.items();
    this.categoryOf = categoryOf;
    this.categories = categories;
    this.histories = histories;
    this.itemKnn = ItemKnnModel.fit(data, new ItemKnnOptions(100, 20, 0.5, 0, 0.8));
    this.sessionKnn = SessionKnnModel.fit(data, SessionKnnOptions.vsknn());
    this.popular = PopularityModel.fit(data, PopularityOptions.trending(24 * 7));
    this.data = data;
  }

  /** Reads the store's item events and trains the models. */
  public static StoreRecommender train(Connection connection) {
    StoreClicks read = StoreClicks.read(connection);
    List<Click> clicks = read.clicks();
    Map<String, String> itemCategory = read.itemCategory();
    Map<String, List<Click>> histories = read.histories();
    SessionDataset data = SessionDataset.train(clicks);
    List<String> categories = new ArrayList<>();
    Map<String, Integer> categoryIndex = new HashMap<>();
    int[] categoryOf = new int[data.items().size()];
    for (int i = 0; i < categoryOf.length; i++) {
      String category = itemCategory.get(data.items().id(i));
      categoryOf[i] =
          category == null
              ? -1
              : categoryIndex.computeIfAbsent(
                  category,
                  c -> {
                    categories.add(c);
                    return categories.size() - 1;
                  });
    }
    return new StoreRecommender(data, categoryOf, categories, histories);
  }

  /**
   * The store's view, favourite, cart and purchase events, oldest first, with user ids (session id
   * = the stored session, else the user), for user evaluations.
   */
  public static List<Click> userClicks(Connection connection) {
    return StoreClicks.read(connection).clicks();
  }

  /** Whether the store has events of {@code userId}. */
  public boolean knowsUser(String userId) {
    return histories.containsKey(userId);
  }

  /** Recommendations for a user (a cold start when unknown). */
  public List<Explained> forUser(String userId, int n, Rules rules) {
    List<Click> history = histories.getOrDefault(userId, List.of());
    Context context = context(history);
    return explain(Recommendations.top(chain(itemKnn, context), context, n, rules), context, "you");
  }

  /** Items similar to {@code itemId}; empty when the item is unknown. */
  public Optional<List<Explained>> similarTo(String itemId, int n, Rules rules) {
    int item = items.indexOf(itemId);
    if (item < 0) {
      return Optional.empty();
    }
    Context context = Context.ofViews(item);
    Rules withoutSelf = rules.excluding(java.util.Set.of(item));
    return Optional.of(
        explain(
            Recommendations.top(chain(itemKnn, context), context, n, withoutSelf),
            context,
            "item"));
  }

  /** Continuations of a session given as its events (unknown items are ignored). */
  public List<Explained> forSession(List<Click> session, int n, Rules rules) {
    return forSession(session, n, rules, "vsknn");
  }

  /**
   * Continuations of a session with the named session model first: {@code vsknn}, or {@code
   * gru4rec} (trained on the stored sessions for this call, default {@link Gru4RecOptions}).
   */
  public List<Explained> forSession(List<Click> session, int n, Rules rules, String model) {
    Recommender first =
        switch (model) {
          case "vsknn" -> sessionKnn;
          case "gru4rec" -> Gru4RecModel.fit(data, new Gru4RecOptions());
          default ->
              throw new IllegalArgumentException(
                  "session model must be vsknn or gru4rec, got '" + model + "'");
        };
    Context context = context(session);
    List<Recommender> chain = new ArrayList<>();
    chain.add(first);
    chain.addAll(chain(itemKnn, context));
    // the item on screen now is not a continuation
    Rules withoutCurrent =
        context.isEmpty() ? rules : rules.excluding(java.util.Set.of(context.lastItem()));
    return explain(Recommendations.top(chain, context, n, withoutCurrent), context, "session");
  }

  private List<Recommender> chain(Recommender first, Context context) {
    int last = context.lastItem();
    int category = last < 0 ? -1 : categoryOf[last];
    return List.of(first, new CategoryPopularity(popular, categoryOf, category), popular);
  }

  private Context context(List<Click> events) {
    List<Integer> known = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      if (items.indexOf(events.get(i).itemId()) >= 0) {
        known.add(i);
      }
    }
    int[] ids = new int[known.size()];
    EventType[] types = new EventType[known.size()];
    long[] times = new long[known.size()];
    for (int k = 0; k < known.size(); k++) {
      Click click = events.get(known.get(k));
      ids[k] = items.indexOf(click.itemId());
      types[k] = click.type();
      times[k] = click.timeMillis();
    }
    return Context.of(ids, types, times);
  }

  private List<Explained> explain(List<Recommendation> list, Context context, String subject) {
    List<Explained> out = new ArrayList<>(list.size());
    for (Recommendation r : list) {
      out.add(
          new Explained(items.id(r.item()), r.score(), r.source(), reason(r, context, subject)));
    }
    return out;
  }

  private String reason(Recommendation r, Context context, String subject) {
    switch (r.source()) {
      case "iknn":
        int because = strongestNeighbour(r.item(), context);
        if (because >= 0) {
          String id = items.id(context.item(because));
          return "item".equals(subject)
              ? "often in the same sessions as " + id
              : "because " + subject + " " + verb(context.type(because)) + " " + id;
        }
        return "similar to what " + subject + " viewed";
      case "vsknn":
        return "seen in sessions like this one";
      case "gru4rec":
        return "often next after a sequence like this one";
      case "popular-in-category":
        return "popular in category " + categories.get(categoryOf[r.item()]);
      default:
        return "popular this week";
    }
  }

  /** The context position whose item lists {@code item} as the closest neighbour (-1: none). */
  private int strongestNeighbour(int item, Context context) {
    int best = -1;
    double bestSim = 0;
    for (int i = context.size() - 1; i >= 0; i--) {
      int[] neighbours = itemKnn.similarItems(context.item(i));
      for (int k = 0; k < neighbours.length; k++) {
        if (neighbours[k] == item && itemKnn.similarity(context.item(i), k) > bestSim) {
          bestSim = itemKnn.similarity(context.item(i), k);
          best = i;
        }
      }
    }
    return best;
  }

  private static String verb(EventType type) {
    return switch (type) {
      case FAVORITE -> "saved";
      case CART_ADD -> "added to cart";
      case PURCHASE -> "bought";
      default -> "viewed";
    };
  }
}
