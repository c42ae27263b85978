package org.shopcast.recommend.workspace;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.session.Click;

/**
 * The store's item events that recommendations learn from (views, favourites, carts, purchases),
 * oldest first, with each item's category and each user's history.
 *
 * @param clicks the events; session id = the stored session, else the user
 * @param itemCategory the category of each item that has one
 * @param histories each user's events, oldest first, in first-seen order of users
 */
record StoreClicks(
    List<Click> clicks, Map<String, String> itemCategory, Map<String, List<Click>> histories) {

  /** The SQL filter of the events used (shared with the fingerprint). */
  static final String FILTER =
      "item_id IS NOT NULL AND type IN ('VIEW', 'FAVORITE', 'CART_ADD', 'PURCHASE')";

  /** Reads the events; fails with a hint when there are none. */
  static StoreClicks read(Connection connection) {
    List<Click> clicks = new ArrayList<>();
    Map<String, String> itemCategory = new HashMap<>();
    Map<String, List<Click>> histories = new LinkedHashMap<>();
    String sql =
        "SELECT coalesce(session_id, user_id), user_id, item_id, epoch_ms(ts), type, category_id"
            + " FROM events WHERE "
            + FILTER
            + " ORDER BY ts, event_id";
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      long n = 0;
      while (rs.next()) {
        EventType type = EventType.valueOf(rs.getString(5));
        Click click =
            new Click(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), type, ++n);
        clicks.add(click);
        histories.computeIfAbsent(click.userId(), k -> new ArrayList<>()).add(click);
        String category = rs.getString(6);
        if (category != null) {
          itemCategory.put(click.itemId(), category);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read events from the store: " + e.getMessage(), e);
    }
    if (clicks.isEmpty()) {
      throw new IllegalStateException(
          "the store holds no item events to learn from; import some first (shopcast import)");
    }
    return new StoreClicks(clicks, itemCategory, histories);
  }

  /** The same events with one row per user (session id = user id), for user models. */
  List<Click> asUserRows() {
    List<Click> out = new ArrayList<>(clicks.size());
    for (Click c : clicks) {
      out.add(new Click(c.userId(), c.userId(), c.itemId(), c.timeMillis(), c.type(), c.line()));
    }
    return out;
  }
}
