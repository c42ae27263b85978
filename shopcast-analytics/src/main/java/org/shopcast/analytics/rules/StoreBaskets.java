package org.shopcast.analytics.rules;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Baskets read from the event store: the items of each order (purchase lines grouped by {@code
 * order_id}; purchases without an order id are grouped by session, so a source without orders such
 * as Taobao gets one basket per buying session) or of each session (every event that names an
 * item). Items are item ids, or category ids with {@link Level#CATEGORY}.
 */
public final class StoreBaskets {
  /** What one basket is. */
  public enum By {
    /** The purchase lines of one order. */
    ORDER,
    /** The items a session touched (viewed, favoured, carted or bought). */
    SESSION
  }

  /** What an item of a basket is. */
  public enum Level {
    /** The item id. */
    ITEM,
    /** The item's category id (events without a category are left out). */
    CATEGORY
  }

  private StoreBaskets() {}

  /**
   * Reads the baskets of the store behind {@code connection}.
   *
   * @throws IllegalArgumentException when the store holds no basket of that kind
   */
  public static Baskets read(Connection connection, By by, Level level) {
    Objects.requireNonNull(by, "by");
    Objects.requireNonNull(level, "level");
    String item = level == Level.ITEM ? "item_id" : "category_id";
    String key = by == By.ORDER ? "coalesce(order_id, 's:' || session_id)" : "session_id";
    String filter = by == By.ORDER ? "type = 'PURCHASE'" : "type <> 'SEARCH'";
    String sql =
        "SELECT list(DISTINCT "
            + item
            + " ORDER BY "
            + item
            + ") FROM events WHERE "
            + filter
            + " AND "
            + item
            + " IS NOT NULL AND "
            + key
            + " IS NOT NULL GROUP BY "
            + key
            + " ORDER BY "
            + key;
    Baskets.Builder builder = new Baskets.Builder();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        Object[] items = (Object[]) rs.getArray(1).getArray();
        List<String> basket = new ArrayList<>(items.length);
        for (Object o : items) {
          basket.add(o.toString());
        }
        builder.add(basket);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read baskets from the store: " + e.getMessage(), e);
    }
    if (builder.size() == 0) {
      throw new IllegalArgumentException(
          "the store holds no "
              + by.name().toLowerCase(Locale.ROOT)
              + " baskets (import events first, or give --baskets FILE)");
    }
    return builder.build();
  }
}
