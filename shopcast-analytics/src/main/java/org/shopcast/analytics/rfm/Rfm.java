package org.shopcast.analytics.rfm;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.analytics.internal.Sql;

/**
 * RFM analysis (Hughes 1994, "Strategic Database Marketing") in DuckDB SQL over buyers: recency =
 * days from the last purchase to the store's last event, frequency = orders (order ids, or sessions
 * for purchases without one), monetary = revenue (units bought when the store has no prices). Each
 * is scored 1..5 by quintile of its rank: score = min(5, 1 + floor(5 (rank - 1) / n)) with tied
 * values sharing the lowest rank, so ties share a score and the result is deterministic; recency
 * ranks the most recent highest.
 *
 * <p>Segments partition the R × F grid (the widely used 5 × 5 map): champions R5 F4-5; loyal R3-4
 * F4-5; potential loyalists R4-5 F2-3; new R5 F1; promising R4 F1; need attention R3 F3; about to
 * sleep R3 F1-2; cannot lose R1-2 F5; at risk R1-2 F3-4; lost R1 F1; hibernating the rest of R1-2
 * F1-2.
 */
public final class Rfm {
  /** The segments in report order. */
  public static final List<String> SEGMENTS =
      List.of(
          "champions",
          "loyal",
          "potential loyalists",
          "new",
          "promising",
          "need attention",
          "about to sleep",
          "at risk",
          "cannot lose",
          "hibernating",
          "lost");

  private Rfm() {}

  /** Scores every buyer of the store behind {@code connection}. */
  public static RfmResult compute(Connection connection, boolean withUsers) {
    boolean priced =
        (Long) Sql.scalar(connection, "SELECT count(price) FROM events WHERE type = 'PURCHASE'")
            > 0;
    String value = priced ? "quantity * coalesce(price, 0)" : "quantity";
    String scored =
        """
        WITH p AS (
          SELECT user_id, ts, coalesce(order_id, 's:' || session_id) AS o, %1$s AS v
          FROM events WHERE type = 'PURCHASE'),
        ref AS (SELECT max(ts) AS t FROM events),
        u AS (
          SELECT user_id,
                 ((epoch((SELECT t FROM ref)) - epoch(max(ts))) / 86400.0)::DOUBLE AS recency_days,
                 epoch_us((SELECT t FROM ref)) - epoch_us(max(ts)) AS age_us,
                 count(DISTINCT o) AS frequency, sum(v) AS value
          FROM p GROUP BY user_id),
        s AS (
          SELECT *, value::DOUBLE AS monetary,
            least(5, 1 + floor(5 * (rank() OVER (ORDER BY recency_days DESC) - 1)
              / count(*) OVER ()))::BIGINT AS r,
            least(5, 1 + floor(5 * (rank() OVER (ORDER BY frequency) - 1)
              / count(*) OVER ()))::BIGINT AS f,
            least(5, 1 + floor(5 * (rank() OVER (ORDER BY value) - 1)
              / count(*) OVER ()))::BIGINT AS m
          FROM u),
        scored AS (
          SELECT *,
            CASE
              WHEN r = 5 AND f >= 4 THEN 'champions'
              WHEN r BETWEEN 3 AND 4 AND f >= 4 THEN 'loyal'
              WHEN r >= 4 AND f BETWEEN 2 AND 3 THEN 'potential loyalists'
              WHEN r = 5 AND f = 1 THEN 'new'
              WHEN r = 4 AND f = 1 THEN 'promising'
              WHEN r = 3 AND f = 3 THEN 'need attention'
              WHEN r = 3 AND f <= 2 THEN 'about to sleep'
              WHEN r <= 2 AND f = 5 THEN 'cannot lose'
              WHEN r <= 2 AND f BETWEEN 3 AND 4 THEN 'at risk'
              WHEN r = 1 AND f = 1 THEN 'lost'
              ELSE 'hibernating'
            END AS segment
          FROM s)
        """
            .formatted(value);
    // the sums per segment are exact (integers and decimals) before the division, so the figures
    // do not depend on the order DuckDB's threads add them in
    String perSegment =
        scored
            + """
            SELECT segment, count(*) AS users, sum(value)::DOUBLE AS value,
              (sum(age_us) / count(*) / 86400000000.0)::DOUBLE AS mean_recency_days,
              (sum(frequency) / count(*))::DOUBLE AS mean_frequency
            FROM scored GROUP BY segment
            """;
    Map<String, Map<String, Object>> bySegment = new LinkedHashMap<>();
    long buyers = 0;
    double totalValue = 0;
    for (Map<String, Object> row : Sql.rows(connection, perSegment)) {
      bySegment.put((String) row.get("segment"), row);
      buyers += (Long) row.get("users");
      totalValue += (Double) row.get("value");
    }
    List<Map<String, Object>> segments = new ArrayList<>();
    for (String name : SEGMENTS) {
      Map<String, Object> found = bySegment.get(name);
      long n = found == null ? 0 : (Long) found.get("users");
      double segmentValue = found == null ? 0.0 : (Double) found.get("value");
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("segment", name);
      row.put("users", n);
      row.put("share", buyers == 0 ? 0.0 : (double) n / buyers);
      row.put("value", segmentValue);
      row.put("value_share", totalValue == 0 ? 0.0 : segmentValue / totalValue);
      row.put("mean_recency_days", found == null ? 0.0 : found.get("mean_recency_days"));
      row.put("mean_frequency", found == null ? 0.0 : found.get("mean_frequency"));
      row.put("mean_monetary", n == 0 ? 0.0 : segmentValue / n);
      segments.add(row);
    }
    List<Map<String, Object>> users =
        withUsers
            ? Sql.rows(
                connection,
                scored
                    + "SELECT user_id, recency_days, frequency, monetary, r, f, m, segment"
                    + " FROM scored ORDER BY user_id")
            : List.of();
    Object asOf =
        Sql.scalar(connection, "SELECT strftime(max(ts), '%Y-%m-%dT%H:%M:%SZ') FROM events");
    return new RfmResult(
        asOf == null ? null : asOf.toString(),
        priced ? "revenue" : "units",
        buyers,
        segments,
        users);
  }
}
