package org.shopcast.recommend.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.als.AlsModel;
import org.shopcast.recommend.fbt.FbtModel;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.UserKnnModel;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Precomputes serving lists into the workspace: the top-n list of every user of the store (the
 * chosen model, then popular in the category of the user's latest item, then trending; items the
 * user bought are left out by default), one cold-start list (stored with a null user id) and the
 * similar-items list of every item (item-kNN neighbours, then popular in its category, then
 * trending). Model {@code fbt} stores bought-together lists instead: per item the items most often
 * in the same orders (then its item-kNN neighbours, popular in its category, trending), per user
 * the items most often bought with the user's items. The lists carry their provenance ({@link
 * RecsInfo}) and replace the model's previous lists atomically: rows are appended under a new
 * version that readers ignore until one transaction points {@code recs_models} at it, so a failed
 * train leaves the previous lists in place. {@link RecsIndex} loads them for serving.
 */
public final class RecsTrainer {
  private RecsTrainer() {}

  /** Trains from the store behind {@code connection} and stores the lists. */
  public static RecsInfo train(Connection connection, TrainRecsOptions options, Clock clock) {
    return train(connection, options, clock, () -> {});
  }

  /** As {@link #train(Connection, TrainRecsOptions, Clock)}; {@code beforeCommit} runs last. */
  static RecsInfo train(
      Connection connection, TrainRecsOptions options, Clock clock, Runnable beforeCommit) {
    long start = System.nanoTime();
    StoreClicks data = StoreClicks.read(connection);
    String fingerprint = fingerprint(connection);
    SessionDataset sessions = SessionDataset.train(data.clicks());
    ItemKnnModel itemKnn = ItemKnnModel.fit(sessions, options.itemKnn());
    FbtModel fbt =
        options.model() == RecsModel.FBT
            ? FbtModel.fit(connection, sessions.items(), options.fbt())
            : null;
    ListBuilder similar = new ListBuilder(sessions, data.itemCategory(), itemKnn, fbt);
    List<Recommender> itemChain = fbt == null ? List.of(itemKnn) : List.of(fbt, itemKnn);
    UserLists users = userLists(data, similar, itemKnn, fbt, options);
    Rules rules = new Rules(options.excludePurchased(), false, Set.of(), null, null, 0);
    try {
      long version = RecsTables.prepare(connection);
      String model = options.model().id();
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      try (DuckDBAppender out =
          duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, RecsTables.USER_LISTS)) {
        for (var entry : data.histories().entrySet()) {
          Context context = users.builder().context(entry.getValue());
          List<Explained> list = users.build(context, options.n(), rules);
          append(out, model, version, entry.getKey(), list);
        }
        append(out, model, version, null, users.build(Context.ofViews(), options.n(), rules));
      }
      try (DuckDBAppender out =
          duck.createAppender(DuckDBConnection.DEFAULT_SCHEMA, RecsTables.ITEM_LISTS)) {
        for (int item = 0; item < sessions.items().size(); item++) {
          Context context = Context.ofViews(item);
          Rules withoutSelf = rules.excluding(Set.of(item));
          List<Explained> list =
              similar.build(itemChain, context, options.n(), withoutSelf, "item");
          append(out, model, version, sessions.items().id(item), list);
        }
      }
      beforeCommit.run();
      RecsInfo info =
          new RecsInfo(
              model,
              version,
              Instant.now(clock),
              options.n(),
              options.toJson(),
              fingerprint,
              data.histories().size(),
              sessions.items().size(),
              (System.nanoTime() - start) / 1e9);
      RecsTables.commit(connection, info);
      return info;
    } catch (SQLException e) {
      throw new IllegalStateException(
          "cannot store the recommendation lists (the previous lists are kept): " + e.getMessage(),
          e);
    }
  }

  /** The builder of user lists and the model first in their chain. */
  private record UserLists(ListBuilder builder, Recommender model) {
    List<Explained> build(Context context, int n, Rules rules) {
      return builder.build(model, context, n, rules, "you");
    }
  }

  /** The user lists of the model: over the sessions' index, or one row per user (uknn, als). */
  private static UserLists userLists(
      StoreClicks data,
      ListBuilder similar,
      ItemKnnModel itemKnn,
      FbtModel fbt,
      TrainRecsOptions options) {
    switch (options.model()) {
      case IKNN:
        return new UserLists(similar, itemKnn);
      case FBT:
        return new UserLists(similar, fbt);
      case POPULAR:
        return new UserLists(similar, similar.trending());
      default:
        break;
    }
    List<Click> rows = data.asUserRows();
    SessionDataset users = SessionDataset.train(rows);
    Recommender model =
        options.model() == RecsModel.UKNN
            ? UserKnnModel.fit(users, options.userNeighbours())
            : AlsModel.fit(users, options.als());
    return new UserLists(new ListBuilder(users, data.itemCategory(), null, null), model);
  }

  private static void append(
      DuckDBAppender out, String model, long version, String key, List<Explained> list)
      throws SQLException {
    int rank = 1;
    for (Explained e : list) {
      out.beginRow().append(model).append(version);
      if (key == null) {
        out.appendNull();
      } else {
        out.append(key);
      }
      out.append(rank++)
          .append(e.itemId())
          .append(e.score())
          .append(e.source())
          .append(e.reason())
          .endRow();
    }
  }

  /** The training data's fingerprint as JSON (same filter as the events read). */
  static String fingerprint(Connection connection) {
    String sql =
        "SELECT count(*), count(DISTINCT user_id), count(DISTINCT item_id), CAST(min(ts) AS"
            + " VARCHAR), CAST(max(ts) AS VARCHAR), CAST(coalesce(bit_xor(hash(event_id)), 0) AS"
            + " VARCHAR) FROM events WHERE "
            + StoreClicks.FILTER;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return "{\"events\": "
          + rs.getLong(1)
          + ", \"users\": "
          + rs.getLong(2)
          + ", \"items\": "
          + rs.getLong(3)
          + ", \"from\": \""
          + rs.getString(4)
          + "\", \"to\": \""
          + rs.getString(5)
          + "\", \"eventIdHash\": \""
          + rs.getString(6)
          + "\"}";
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fingerprint the events: " + e.getMessage(), e);
    }
  }
}
