package org.shopcast.analytics.profile;

import java.sql.Connection;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.shopcast.analytics.internal.Sql;

/**
 * Builds the table {@value #TABLE} in the store: one row per user, for the prediction, segment and
 * marketing code to reuse. Columns: user_id, first_ts, last_ts (UTC), recency_days (to the store's
 * last event), tenure_days (first to last event), events, sessions, active_days, views, carts,
 * favourites, orders (order ids, or sessions for purchases without one), items_bought, revenue,
 * peak_hour and peak_weekday (local, ISO 1 = Monday; ties to the earliest), night_share (events
 * from 0:00 to 5:59 local), weekend_share, favourite_categories (up to 3, most events first),
 * cart_abandonment (share of carted items not bought at or after the cart event; null without
 * carts), mean_session_minutes (first to last event of a session), last_event_type.
 */
public final class UserProfiles {
  /** The name of the profile table. */
  public static final String TABLE = "user_profiles";

  private UserProfiles() {}

  /**
   * (Re)builds {@value #TABLE} from the events, with local hours and weekdays in {@code zone}.
   *
   * @return the number of users profiled
   */
  public static long build(Connection connection, ZoneId zone) {
    String local = Sql.local("ts", zone);
    String sql =
        """
        CREATE OR REPLACE TABLE %1$s AS
        WITH ref AS (SELECT max(ts) AS t FROM events),
        e AS (SELECT *, %2$s AS lt FROM events),
        base AS (
          SELECT user_id, min(ts) AS first_ts, max(ts) AS last_ts, count(*) AS events,
            count(DISTINCT session_id) AS sessions, count(DISTINCT lt::DATE) AS active_days,
            count(*) FILTER (WHERE type = 'VIEW') AS views,
            count(*) FILTER (WHERE type = 'CART_ADD') AS carts,
            count(*) FILTER (WHERE type = 'FAVORITE') AS favourites,
            count(DISTINCT coalesce(order_id, 's:' || session_id)) FILTER (WHERE type = 'PURCHASE')
              AS orders,
            coalesce(sum(quantity) FILTER (WHERE type = 'PURCHASE'), 0) AS items_bought,
            coalesce(sum(quantity * price) FILTER (WHERE type = 'PURCHASE'), 0)::DOUBLE AS revenue,
            avg(CASE WHEN hour(lt) < 6 THEN 1.0 ELSE 0.0 END)::DOUBLE AS night_share,
            avg(CASE WHEN isodow(lt) >= 6 THEN 1.0 ELSE 0.0 END)::DOUBLE AS weekend_share,
            arg_max(type, epoch_ms(ts) * 8 + CASE type WHEN 'PURCHASE' THEN 7 WHEN 'RETURN' THEN 6
              WHEN 'CART_ADD' THEN 5 WHEN 'CART_REMOVE' THEN 4 WHEN 'FAVORITE' THEN 3
              WHEN 'SEARCH' THEN 2 ELSE 1 END) AS last_event_type
          FROM e GROUP BY user_id),
        hours AS (
          SELECT user_id, arg_max(h, n * 24 + (23 - h)) AS peak_hour
          FROM (SELECT user_id, hour(lt) AS h, count(*) AS n FROM e GROUP BY ALL) GROUP BY user_id),
        days AS (
          SELECT user_id, arg_max(d, n * 8 + (7 - d)) AS peak_weekday
          FROM (SELECT user_id, isodow(lt) AS d, count(*) AS n FROM e GROUP BY ALL) GROUP BY user_id),
        cats AS (
          SELECT user_id, list(category_id ORDER BY n DESC, category_id)[1:3] AS favourite_categories
          FROM (SELECT user_id, category_id, count(*) AS n FROM events
                WHERE category_id IS NOT NULL GROUP BY ALL)
          GROUP BY user_id),
        carted AS (
          SELECT user_id, item_id, min(ts) AS ct FROM events
          WHERE type = 'CART_ADD' AND item_id IS NOT NULL GROUP BY ALL),
        bought AS (
          SELECT user_id, item_id, max(ts) AS bt FROM events
          WHERE type = 'PURCHASE' AND item_id IS NOT NULL GROUP BY ALL),
        abandon AS (
          SELECT c.user_id,
            (1 - count(*) FILTER (WHERE b.bt >= c.ct) / count(*))::DOUBLE AS cart_abandonment
          FROM carted c LEFT JOIN bought b ON b.user_id = c.user_id AND b.item_id = c.item_id
          GROUP BY c.user_id),
        sess AS (
          SELECT user_id, avg(epoch(mx) - epoch(mn))::DOUBLE / 60 AS mean_session_minutes
          FROM (SELECT user_id, session_id, min(ts) AS mn, max(ts) AS mx FROM events GROUP BY ALL)
          GROUP BY user_id)
        SELECT b.user_id, b.first_ts, b.last_ts,
          ((epoch((SELECT t FROM ref)) - epoch(b.last_ts)) / 86400.0)::DOUBLE AS recency_days,
          ((epoch(b.last_ts) - epoch(b.first_ts)) / 86400.0)::DOUBLE AS tenure_days,
          b.events, b.sessions, b.active_days, b.views, b.carts, b.favourites, b.orders,
          b.items_bought, b.revenue, h.peak_hour, d.peak_weekday, b.night_share, b.weekend_share,
          coalesce(c.favourite_categories, []::VARCHAR[]) AS favourite_categories,
          a.cart_abandonment, s.mean_session_minutes, b.last_event_type
        FROM base b
        JOIN hours h ON h.user_id = b.user_id
        JOIN days d ON d.user_id = b.user_id
        JOIN sess s ON s.user_id = b.user_id
        LEFT JOIN cats c ON c.user_id = b.user_id
        LEFT JOIN abandon a ON a.user_id = b.user_id
        ORDER BY b.user_id
        """
            .formatted(TABLE, local);
    Sql.execute(connection, sql);
    return (Long) Sql.scalar(connection, "SELECT count(*) FROM " + TABLE);
  }

  /**
   * Rows of {@value #TABLE} (timestamps as ISO-8601 UTC text), by user id; {@code limit} 0 for all.
   */
  public static List<Map<String, Object>> read(Connection connection, int limit) {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must be >= 0, got " + limit);
    }
    return Sql.rows(
        connection,
        "SELECT * REPLACE (strftime(first_ts, '%Y-%m-%dT%H:%M:%SZ') AS first_ts,"
            + " strftime(last_ts, '%Y-%m-%dT%H:%M:%SZ') AS last_ts) FROM "
            + TABLE
            + " ORDER BY user_id"
            + (limit > 0 ? " LIMIT " + limit : ""));
  }

  /**
   * The row of {@value #TABLE} for {@code userId} as {@link #read} gives it, or null when the table
   * has no such user.
   */
  public static Map<String, Object> readUser(Connection connection, String userId) {
    List<Map<String, Object>> rows =
        Sql.rows(
            connection,
            "SELECT * REPLACE (strftime(first_ts, '%Y-%m-%dT%H:%M:%SZ') AS first_ts,"
                + " strftime(last_ts, '%Y-%m-%dT%H:%M:%SZ') AS last_ts) FROM "
                + TABLE
                + " WHERE user_id = "
                + Sql.literal(userId));
    return rows.isEmpty() ? null : rows.get(0);
  }
}
