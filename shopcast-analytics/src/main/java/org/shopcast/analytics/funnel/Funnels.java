package org.shopcast.analytics.funnel;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.analytics.internal.Sql;

/**
 * Computes funnels in DuckDB SQL. Within each group of events (a session, or a user's whole history
 * when the window is N hours), step 1 is the first event of the first type; step k is the first
 * event of the k-th type at or after step k-1 (and, with a window of N hours, at most N hours after
 * step 1). A unit (user or session) reaches step k when any of its groups does. Per step: units
 * reaching it, conversion from the previous step and from the first, units dropped and the drop-off
 * rate, and the median seconds from the previous step (over groups reaching it).
 */
public final class Funnels {
  /** The table of user segments a funnel can be split by. */
  static final String SEGMENTS = "user_segments";

  private Funnels() {}

  /** The funnel of the store behind {@code connection}. */
  public static FunnelResult compute(Connection connection, FunnelOptions options) {
    List<String> steps = options.steps();
    String unit = options.perSession() ? "e0.session_id" : "e0.user_id";
    String group =
        options.perSession() || options.withinHours() == 0 ? "e0.session_id" : "e0.user_id";
    String category =
        switch (options.split()) {
          case NONE -> "'all'";
          case CATEGORY -> "coalesce(category_id, '(none)')";
          case SEGMENT -> "coalesce(CAST(s.segment AS VARCHAR), '(none)')";
        };
    String from =
        options.split() == FunnelOptions.Split.SEGMENT
            ? "events e0 LEFT JOIN " + SEGMENTS + " s ON s.user_id = e0.user_id"
            : "events e0";
    if (options.split() == FunnelOptions.Split.SEGMENT
        && ((Long)
                Sql.scalar(
                    connection,
                    "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                        + SEGMENTS
                        + "'"))
            == 0) {
      throw new IllegalStateException(
          "no table " + SEGMENTS + " in the store: run `shopcast analyze segments` first");
    }
    // Without a split, the group column is left out of the big grouping and added as a constant
    // only after the events are reduced to one row per unit.
    boolean split = options.split() != FunnelOptions.Split.NONE;
    String keys = split ? "u, g, c" : "u, g";
    StringBuilder sql = new StringBuilder();
    sql.append("WITH ev AS (SELECT ")
        .append(unit)
        .append(" AS u, ")
        .append(group)
        .append(" AS g, ")
        .append(split ? category + " AS c, " : "")
        .append("e0.type, e0.ts FROM ")
        .append(from)
        .append(" WHERE e0.type IN (");
    for (int i = 0; i < steps.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(Sql.literal(steps.get(i)));
    }
    sql.append(")),\n");
    // One grouping of the events: the first step's earliest time and, for each later step, the
    // list of its times in the group; the chain of first times is then taken from the lists.
    sql.append("s1 AS (SELECT ")
        .append(keys)
        .append(", min(ts) FILTER (WHERE type = ")
        .append(Sql.literal(steps.get(0)))
        .append(") AS t1");
    for (int k = 2; k <= steps.size(); k++) {
      sql.append(", list(ts) FILTER (WHERE type = ")
          .append(Sql.literal(steps.get(k - 1)))
          .append(") AS l")
          .append(k);
    }
    sql.append(" FROM ev GROUP BY ")
        .append(keys)
        .append(" HAVING min(ts) FILTER (WHERE type = ")
        .append(Sql.literal(steps.get(0)))
        .append(") IS NOT NULL)");
    for (int k = 2; k <= steps.size(); k++) {
      sql.append(",\ns")
          .append(k)
          .append(" AS (SELECT *, list_min(list_filter(l")
          .append(k)
          .append(", lambda x: x >= t")
          .append(k - 1);
      if (options.withinHours() > 0) {
        sql.append(" AND x <= t1 + INTERVAL ").append(options.withinHours()).append(" HOUR");
      }
      sql.append(")) AS t").append(k).append(" FROM s").append(k - 1).append(")");
    }
    int n = steps.size();
    String c = split ? "c" : "'all' AS c";
    // a group reaching step k has reached every step before it (t_k needs t_(k-1)), so a unit's
    // deepest step over its groups says which steps it reached: one grouping per unit instead of
    // a distinct count per step
    sql.append(",\nper AS (SELECT ").append(c).append(", u, max(1");
    for (int k = 2; k <= n; k++) {
      sql.append(" + (t").append(k).append(" IS NOT NULL)::INTEGER");
    }
    sql.append(") AS d FROM s").append(n).append(" GROUP BY ALL),\ncnt AS (SELECT c");
    for (int k = 1; k <= n; k++) {
      sql.append(", count(*) FILTER (WHERE d >= ").append(k).append(") AS n").append(k);
    }
    sql.append(" FROM per GROUP BY c),\nmed AS (SELECT ").append(c);
    for (int k = 2; k <= n; k++) {
      sql.append(", median(epoch(t")
          .append(k)
          .append(") - epoch(t")
          .append(k - 1)
          .append("))::DOUBLE AS m")
          .append(k);
    }
    sql.append(" FROM s").append(n).append(" GROUP BY ALL)");
    sql.append("\nSELECT * FROM cnt JOIN med USING (c) ORDER BY n1 DESC, c LIMIT ");
    sql.append(split ? options.topGroups() : 1);
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> agg : Sql.rows(connection, sql.toString())) {
      long first = (Long) agg.get("n1");
      long previous = first;
      for (int k = 1; k <= n; k++) {
        long count = (Long) agg.get("n" + k);
        Map<String, Object> row = new LinkedHashMap<>();
        if (options.split() != FunnelOptions.Split.NONE) {
          row.put(
              options.split() == FunnelOptions.Split.CATEGORY ? "category" : "segment",
              agg.get("c"));
        }
        row.put("step", (long) k);
        row.put("type", steps.get(k - 1));
        row.put("count", count);
        row.put("conversion", k == 1 ? 1.0 : ratio(count, previous));
        row.put("overall", ratio(count, first));
        row.put("dropped", k == 1 ? 0L : previous - count);
        row.put("drop_rate", k == 1 ? 0.0 : 1 - ratio(count, previous));
        row.put("median_seconds", k == 1 ? null : agg.get("m" + k));
        rows.add(row);
        previous = count;
      }
    }
    return new FunnelResult(
        steps,
        options.perSession() ? "session" : "user",
        options.withinHours() == 0 ? "session" : options.withinHours() + "h",
        rows);
  }

  private static double ratio(long a, long b) {
    return b == 0 ? 0.0 : (double) a / b;
  }
}
