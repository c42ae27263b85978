package org.shopcast.analytics.retention;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.analytics.internal.Sql;

/**
 * Cohort retention in DuckDB SQL. A user's cohort is the local day or week of their first event (or
 * first purchase); they count as retained in period k (k = 0 is the cohort's own period) when they
 * have an event (or a purchase) in the k-th period after it. Rate = retained / cohort size. The
 * repeat-purchase rate is the share of buyers with two or more orders (an order is an order id, or
 * the session for purchases without one).
 */
public final class Retention {
  private Retention() {}

  /** The retention matrix of the store behind {@code connection}. */
  public static RetentionResult compute(Connection connection, RetentionOptions options) {
    String part = options.weekly() ? "week" : "day";
    String cohortFilter = options.firstPurchase() ? "WHERE type = 'PURCHASE'" : "";
    String activeFilter = options.purchases() ? "WHERE type = 'PURCHASE'" : "";
    String sql =
        """
        WITH e AS (SELECT user_id, type, date_trunc('%1$s', %2$s) AS p FROM events),
        first AS (SELECT user_id, min(p) AS cohort FROM e %3$s GROUP BY user_id),
        act AS (SELECT DISTINCT user_id, p FROM e %4$s),
        sizes AS (SELECT cohort, count(*) AS size FROM first GROUP BY cohort),
        cells AS (
          SELECT f.cohort, datediff('day', f.cohort, a.p) // %5$d AS k,
                 count(DISTINCT a.user_id) AS users
          FROM first f JOIN act a ON a.user_id = f.user_id AND a.p >= f.cohort
          GROUP BY f.cohort, k)
        SELECT strftime(cells.cohort, '%%Y-%%m-%%d') AS cohort, size, k, users,
               (users / size)::DOUBLE AS rate
        FROM cells JOIN sizes ON sizes.cohort = cells.cohort
        ORDER BY cells.cohort, k
        """
            .formatted(
                part,
                Sql.local("ts", options.zone()),
                cohortFilter,
                activeFilter,
                options.weekly() ? 7 : 1);
    List<Map<String, Object>> cells = Sql.rows(connection, sql);
    Map<String, Map<String, Object>> cohorts = new LinkedHashMap<>();
    for (Map<String, Object> cell : cells) {
      Map<String, Object> cohort =
          cohorts.computeIfAbsent(
              (String) cell.get("cohort"),
              c -> {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("cohort", c);
                row.put("size", cell.get("size"));
                row.put("retention", new ArrayList<Double>());
                return row;
              });
      @SuppressWarnings("unchecked")
      List<Double> rates = (List<Double>) cohort.get("retention");
      int k = ((Long) cell.get("k")).intValue();
      while (rates.size() < k) {
        rates.add(0.0);
      }
      rates.add((Double) cell.get("rate"));
    }
    Map<String, Object> repeat =
        Sql.rows(
                connection,
                """
                SELECT count(*) AS buyers,
                       coalesce(count(*) FILTER (WHERE orders >= 2) / nullif(count(*), 0), 0)::DOUBLE
                         AS rate
                FROM (SELECT user_id, count(DISTINCT coalesce(order_id, 's:' || session_id)) AS orders
                      FROM events WHERE type = 'PURCHASE' GROUP BY user_id)
                """)
            .get(0);
    return new RetentionResult(
        options.firstPurchase() ? "first_purchase" : "first_activity",
        part,
        options.purchases() ? "purchase" : "active",
        options.zone().getId(),
        (Long) repeat.get("buyers"),
        (Double) repeat.get("rate"),
        new ArrayList<>(cohorts.values()),
        cells);
  }
}
