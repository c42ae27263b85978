package org.shopcast.analytics.paths;

import java.sql.Connection;
import org.shopcast.analytics.internal.Sql;

/**
 * Session paths in DuckDB SQL. Events of a session are ordered by time (ties by event id); a
 * transition is a pair of consecutive events. The paths to purchase take each session with a
 * purchase up to its first purchase, collapse consecutive events of one type into one step and
 * count identical step sequences.
 */
public final class Paths {
  private Paths() {}

  /** The paths of the store behind {@code connection}, keeping the {@code top} most frequent. */
  public static PathsResult compute(Connection connection, int top) {
    if (top < 1) {
      throw new IllegalArgumentException("top must be >= 1, got " + top);
    }
    String types =
        """
        WITH t AS (
          SELECT type AS "from",
                 coalesce(lead(type) OVER (PARTITION BY session_id ORDER BY ts, event_id), '(exit)')
                   AS "to"
          FROM events)
        SELECT "from", "to", count(*) AS count,
               (count(*) / sum(count(*)) OVER (PARTITION BY "from"))::DOUBLE AS share
        FROM t GROUP BY "from", "to" ORDER BY "from", count DESC, "to"
        """;
    String categories =
        """
        WITH t AS (
          SELECT category_id AS "from",
                 lead(category_id) OVER (PARTITION BY session_id ORDER BY ts, event_id) AS "to"
          FROM events WHERE category_id IS NOT NULL),
        c AS (SELECT "from", "to", count(*) AS count FROM t WHERE "to" IS NOT NULL GROUP BY ALL)
        SELECT "from", "to", count, (count / sum(count) OVER (PARTITION BY "from"))::DOUBLE AS share
        FROM c QUALIFY "from" <> "to" ORDER BY count DESC, "from", "to" LIMIT %d
        """
            .formatted(top);
    String toPurchase =
        """
        WITH o AS (
          SELECT session_id, type, ts, event_id,
            lag(type) OVER w AS prev,
            coalesce(count(*) FILTER (WHERE type = 'PURCHASE') OVER (w ROWS BETWEEN UNBOUNDED
              PRECEDING AND 1 PRECEDING), 0) AS buys_before
          FROM events WINDOW w AS (PARTITION BY session_id ORDER BY ts, event_id)),
        p AS (
          SELECT session_id, string_agg(type, ' > ' ORDER BY ts, event_id) AS path,
                 bool_or(type = 'PURCHASE') AS buy
          FROM o WHERE buys_before = 0 AND (prev IS NULL OR prev <> type) GROUP BY session_id)
        SELECT path, count(*) AS sessions, (count(*) / sum(count(*)) OVER ())::DOUBLE AS share
        FROM p WHERE buy GROUP BY path ORDER BY sessions DESC, path LIMIT %d
        """
            .formatted(top);
    return new PathsResult(
        Sql.rows(connection, types),
        Sql.rows(connection, categories),
        Sql.rows(connection, toPurchase));
  }
}
