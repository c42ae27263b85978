package org.shopcast.recommend.workspace;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.fbt.FbtModel;
import org.shopcast.recommend.fbt.FbtOptions;
import org.shopcast.recommend.gru.Gru4RecModel;
import org.shopcast.recommend.gru.Gru4RecOptions;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.SessionKnnModel;
import org.shopcast.recommend.knn.SessionKnnOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Recommendations trained on the workspace's event store (views, favourites, carts, purchases;
 * sessions as stored, else one per user). Three questions, each with a fallback chain so a cold
 * start still gets a list (filled and explained by the same code as the precomputed lists):
 *
 * <ul>
 *   <li>for a user: item-kNN over the user's history (recent events weigh more), then popular in
 *       the category of the user's latest event, then popular; items the user bought are excluded;
 *   <li>similar to an item: its item-kNN neighbours, then popular in its category, then popular;
 *   <li>continuing a session: V-SKNN (or GRU4Rec, or frequently bought together for a basket), then
 *       item-kNN of the last item, then popular in its category, then popular.
 * </ul>
 */
public final class StoreRecommender {
  private final Map<String, List<Click>> histories;
  private final ItemKnnModel itemKnn;
  private final SessionKnnModel sessionKnn;
  private final FbtModel fbt;
  private final SessionDataset data;
  private final ListBuilder lists;

  private StoreRecommender(
      SessionDataset data,
      Map<String, String> itemCategory,
      Map<String, List<Click>> histories,
      FbtModel fbt) {
    this.histories = histories;
    this.itemKnn = ItemKnnModel.fit(data, new ItemKnnOptions(100, 20, 0.5, 0, 0.8));
    this.sessionKnn = SessionKnnModel.fit(data, SessionKnnOptions.vsknn());
    this.fbt = fbt;
    this.data = data;
    this.lists = new ListBuilder(data, itemCategory, itemKnn, fbt);
  }

  /** Reads the store's item events and trains the models (without bought-together). */
  public static StoreRecommender train(Connection connection) {
    return train(connection, false);
  }

  /**
   * Reads the store's item events and trains the models; with {@code boughtTogether} also counts
   * the store's baskets for {@link FbtModel} (default {@link FbtOptions}), so that {@link
   * #forSession(List, int, Rules, String)} accepts {@code fbt}.
   */
  public static StoreRecommender train(Connection connection, boolean boughtTogether) {
    StoreClicks read = StoreClicks.read(connection);
    SessionDataset data = SessionDataset.train(read.clicks());
    FbtModel fbt = boughtTogether ? FbtModel.fit(connection, data.items(), new FbtOptions()) : null;
    return new StoreRecommender(data, read.itemCategory(), read.histories(), fbt);
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
    Context context = lists.context(histories.getOrDefault(userId, List.of()));
    return lists.build(itemKnn, context, n, rules, "you");
  }

  /** Items similar to {@code itemId}; empty when the item is unknown. */
  public Optional<List<Explained>> similarTo(String itemId, int n, Rules rules) {
    int item = lists.items().indexOf(itemId);
    if (item < 0) {
      return Optional.empty();
    }
    Rules withoutSelf = rules.excluding(Set.of(item));
    return Optional.of(lists.build(itemKnn, Context.ofViews(item), n, withoutSelf, "item"));
  }

  /** Continuations of a session given as its events (unknown items are ignored). */
  public List<Explained> forSession(List<Click> session, int n, Rules rules) {
    return forSession(session, n, rules, "vsknn");
  }

  /**
   * Continuations of a session with the named model first: {@code vsknn}, {@code gru4rec} (trained
   * on the stored sessions for this call, default {@link Gru4RecOptions}), or {@code fbt} (the
   * items most often bought together with the session's items: basket completion; needs {@link
   * #train(Connection, boolean)} with bought-together).
   */
  public List<Explained> forSession(List<Click> session, int n, Rules rules, String model) {
    Recommender first =
        switch (model) {
          case "vsknn" -> sessionKnn;
          case "gru4rec" -> Gru4RecModel.fit(data, new Gru4RecOptions());
          case "fbt" -> {
            if (fbt == null) {
              throw new IllegalStateException(
                  "fbt needs the bought-together counts: train(connection, true)");
            }
            yield fbt;
          }
          default ->
              throw new IllegalArgumentException(
                  "session model must be vsknn, gru4rec or fbt, got '" + model + "'");
        };
    Context context = lists.context(session);
    // the item on screen now is not a continuation; a basket's items are all already chosen
    Set<Integer> current = new java.util.HashSet<>();
    for (int i = 0; i < context.size(); i++) {
      if ("fbt".equals(model) || i == context.size() - 1) {
        current.add(context.item(i));
      }
    }
    List<Recommender> chain = new ArrayList<>(List.of(first, itemKnn));
    return lists.build(chain, context, n, rules.excluding(current), "you");
  }
}
