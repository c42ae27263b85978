package org.shopcast.predict.features;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The DuckDB SQL of the feature and label query. Every feature aggregate reads the CTE {@code
 * past}, which holds only events with {@code ts < cutoff}; the labels read the CTE {@code future}
 * ({@code cutoff <= ts < cutoff + horizon}). Nothing else touches the events table.
 */
final class FeatureSql {
  /** Event types counted in each window. */
  static final List<String> TYPES =
      List.of("VIEW", "SEARCH", "FAVORITE", "CART_ADD", "CART_REMOVE", "PURCHASE", "RETURN");

  /** Window lengths in days for the per-type counts. */
  static final int[] WINDOWS = {1, 7, 30};

  private FeatureSql() {}

  static String query(List<Instant> cutoffs, int horizonDays) {
    return query(cutoffs, horizonDays, null);
  }

  /**
   * The query restricted to {@code users} (null: every user). Every aggregate is per user, so a
   * user's row is the same with or without the restriction.
   */
  static String query(List<Instant> cutoffs, int horizonDays, Collection<String> users) {
    String only = "";
    if (users != null) {
      StringJoiner ids = new StringJoiner(", ", " AND e.user_id IN (", ")");
      ids.setEmptyValue(" AND false");
      for (String user : users) {
        ids.add("'" + user.replace("'", "''") + "'");
      }
      only = ids.toString();
    }
    StringJoiner values = new StringJoiner(", ");
    for (Instant cutoff : cutoffs) {
      values.add("(TIMESTAMP '" + cutoff.toString().replace('T', ' ').replace("Z", "") + "')");
    }
    List<String> features = new ArrayList<>();
    features.add("min(age_days) AS days_since_last_event");
    features.add("max(age_days) AS tenure_days");
    features.add(
        "coalesce(min(age_days) FILTER (WHERE type = 'PURCHASE'), max(age_days) + 1)"
            + " AS days_since_last_purchase");
    features.add(
        "coalesce(max(age_days) FILTER (WHERE type = 'PURCHASE'), 0) AS days_since_first_purchase");
    features.add(
        "coalesce(min(age_days) FILTER (WHERE type = 'CART_ADD'), max(age_days) + 1)"
            + " AS days_since_last_cart");
    features.add(
        "count(DISTINCT coalesce(order_id, CAST(ts AS VARCHAR))) FILTER (WHERE type = 'PURCHASE')"
            + " AS orders");
    features.add(
        "count(DISTINCT CAST(ts AS DATE)) FILTER (WHERE type = 'PURCHASE') AS purchase_days");
    features.add(
        "count(DISTINCT CAST(ts AS DATE)) FILTER (WHERE type = 'PURCHASE' AND age_days <= 90)"
            + " AS purchase_days_90d");
    features.add("coalesce(sum(revenue) FILTER (WHERE type = 'PURCHASE'), 0) AS monetary_total");
    features.add(
        "coalesce(sum(revenue) FILTER (WHERE type = 'PURCHASE' AND age_days <= 30), 0)"
            + " AS monetary_30d");
    features.add(
        "coalesce(sum(revenue) FILTER (WHERE type = 'PURCHASE' AND age_days <= 90), 0)"
            + " AS monetary_90d");
    features.add(
        "coalesce(sum(revenue) FILTER (WHERE type = 'PURCHASE')"
            + " / nullif(count(DISTINCT coalesce(order_id, CAST(ts AS VARCHAR)))"
            + " FILTER (WHERE type = 'PURCHASE'), 0), 0) AS avg_order_value");
    features.add("count(DISTINCT CAST(ts AS DATE)) AS active_days");
    features.add("count(DISTINCT session_id) AS sessions");
    features.add("count(DISTINCT session_id) FILTER (WHERE age_days <= 30) AS sessions_30d");
    features.add("count(*) AS events_total");
    for (String type : TYPES) {
      String name = type.toLowerCase(Locale.ROOT);
      for (int window : WINDOWS) {
        features.add(
            "count(*) FILTER (WHERE type = '"
                + type
                + "' AND age_days <= "
                + window
                + ") AS "
                + name
                + "_"
                + window
                + "d");
      }
    }
    return """
        WITH cutoffs(cutoff) AS (VALUES %s),
        past AS (
          SELECT c.cutoff, e.user_id, e.ts, e.type, e.item_id, e.session_id, e.order_id,
                 e.quantity * coalesce(CAST(e.price AS DOUBLE), 0) AS revenue,
                 date_diff('second', e.ts, c.cutoff) / 86400.0 AS age_days
          FROM events e JOIN cutoffs c ON e.ts < c.cutoff%s),
        future AS (
          SELECT c.cutoff, e.user_id, e.type,
                 e.quantity * coalesce(CAST(e.price AS DOUBLE), 0) AS revenue
          FROM events e JOIN cutoffs c
            ON e.ts >= c.cutoff AND e.ts < c.cutoff + INTERVAL %d DAY%s),
        features AS (
          SELECT cutoff, user_id, %s
          FROM past GROUP BY cutoff, user_id),
        carts AS (
          SELECT a.cutoff, a.user_id, count(*) AS carts_without_purchase_30d
          FROM past a
          WHERE a.type = 'CART_ADD' AND a.age_days <= 30 AND NOT EXISTS (
            SELECT 1 FROM past p
            WHERE p.cutoff = a.cutoff AND p.user_id = a.user_id AND p.type = 'PURCHASE'
              AND p.item_id IS NOT DISTINCT FROM a.item_id AND p.ts >= a.ts)
          GROUP BY a.cutoff, a.user_id),
        labels AS (
          SELECT cutoff, user_id,
                 count(*) FILTER (WHERE type = 'PURCHASE') > 0 AS bought,
                 coalesce(sum(revenue) FILTER (WHERE type = 'PURCHASE'), 0) AS spend,
                 count(*) > 0 AS active
          FROM future GROUP BY cutoff, user_id)
        SELECT f.cutoff, f.user_id,
               coalesce(l.bought, false) AS label_bought,
               coalesce(l.spend, 0) AS label_spend,
               coalesce(l.active, false) AS label_active,
               f.* EXCLUDE (cutoff, user_id),
               coalesce(k.carts_without_purchase_30d, 0) AS carts_without_purchase_30d
        FROM features f
        LEFT JOIN carts k USING (cutoff, user_id)
        LEFT JOIN labels l USING (cutoff, user_id)
        ORDER BY f.cutoff, f.user_id
        """
        .formatted(values, only, horizonDays, only, String.join(",\n                 ", features));
  }
}
