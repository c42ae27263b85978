package org.shopcast.data.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Moves the staged rows of one import into the store in a single transaction: quarantine rows, new
 * events (deduplicated by event id against the file and the store, sessions derived where the
 * source has none), side tables, flags and the import record. Either all of it lands or none.
 */
final class Landing {
  /** Events per minute at or above which a user may be flagged as a bot. */
  static final int BOT_MIN_PEAK_PER_MINUTE = 30;

  /** How many robust deviations above the median a user's peak rate must lie to be flagged. */
  static final double BOT_FENCE_MADS = 10;

  private final Connection connection;
  private final long importId;

  Landing(Connection connection, long importId) {
    this.connection = connection;
    this.importId = importId;
  }

  /** Counts of one landing. */
  record Counts(long accepted, long duplicates, long botDropped, Map<String, Long> flags) {}

  /** Builds the deduplicated, sessionised rows in a temp table; returns valid and fresh counts. */
  long[] prepare(Duration sessionGap) throws SQLException {
    try (Statement st = connection.createStatement()) {
      String eventId =
          "coalesce(event_id, md5(concat_ws(chr(31), user_id, epoch_ms(ts), type, item_id,"
              + " category_id, session_id, order_id, quantity, price, query, channel)))";
      st.execute(
          "CREATE OR REPLACE TEMP TABLE shopcast_fresh AS "
              + "WITH v AS (SELECT * EXCLUDE (event_id), "
              + eventId
              + " AS event_id FROM "
              + StageTable.NAME
              + " WHERE err_code IS NULL), "
              + "d AS (SELECT * FROM v QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY"
              + " ord) = 1) "
              + "SELECT d.* FROM d ANTI JOIN events e ON e.event_id = d.event_id");
      long valid = count(st, "SELECT count(*) FROM " + StageTable.NAME + " WHERE err_code IS NULL");
      long fresh = count(st, "SELECT count(*) FROM shopcast_fresh");
      if (count(st, "SELECT count(*) FROM shopcast_fresh WHERE session_id IS NULL") > 0) {
        long gapMicros = sessionGap.toNanos() / 1000;
        st.execute(
            "CREATE OR REPLACE TEMP TABLE shopcast_fresh AS "
                + "WITH g AS (SELECT *, (lag(ts) OVER w IS NULL OR epoch_us(ts) - epoch_us(lag(ts)"
                + " OVER w) > "
                + gapMicros
                + ") AS starts FROM shopcast_fresh WINDOW w AS (PARTITION BY user_id ORDER BY ts,"
                + " ord)) "
                + "SELECT * EXCLUDE (starts, session_id), coalesce(session_id, user_id || ':' ||"
                + " epoch_ms(max(CASE WHEN starts THEN ts END) OVER (PARTITION BY user_id ORDER"
                + " BY ts, ord ROWS UNBOUNDED PRECEDING))) AS session_id FROM g");
      }
      return new long[] {valid, fresh};
    }
  }

  /** Inserts events, side tables and flags; the caller owns the transaction. */
  Counts land(boolean dropBots) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "INSERT INTO events (event_id, user_id, ts, type, item_id, category_id, session_id,"
              + " order_id, quantity, price, query, channel, properties, import_id) SELECT"
              + " event_id, user_id, ts, type, item_id, category_id, session_id, order_id,"
              + " quantity, price, query, channel, properties, "
              + importId
              + " FROM shopcast_fresh");
      long accepted = count(st, "SELECT count(*) FROM shopcast_fresh");
      st.execute("INSERT OR IGNORE INTO users SELECT DISTINCT user_id, NULL FROM shopcast_fresh");
      if (count(
              st,
              "SELECT count(*) FROM duckdb_tables() WHERE table_name = '"
                  + StageWriter.TRAITS
                  + "'")
          > 0) {
        st.execute(
            "INSERT OR REPLACE INTO users SELECT user_id, attributes FROM " + StageWriter.TRAITS);
      }
      st.execute(
          "INSERT OR IGNORE INTO items SELECT item_id, arg_max(category_id, ts), arg_max(price,"
              + " ts), NULL FROM shopcast_fresh WHERE item_id IS NOT NULL GROUP BY item_id");
      Map<String, Long> flags = new LinkedHashMap<>();
      flags.put("ReturnWithoutPurchase", flagReturns(st));
      flags.put("BotLikeRate", flagBots(st));
      long dropped = 0;
      if (dropBots && flags.get("BotLikeRate") > 0) {
        dropped = dropBotEvents(st);
        accepted -= dropped;
      }
      return new Counts(accepted, 0, dropped, flags);
    }
  }

  private long flagReturns(Statement st) throws SQLException {
    return st.executeUpdate(
        "INSERT INTO event_flags SELECT r.event_id, 'ReturnWithoutPurchase', "
            + importId
            + " FROM events r WHERE r.import_id = "
            + importId
            + " AND r.type = 'RETURN' AND NOT EXISTS (SELECT 1 FROM events p WHERE p.type ="
            + " 'PURCHASE' AND p.user_id = r.user_id AND p.ts <= r.ts AND (r.item_id IS NULL OR"
            + " p.item_id = r.item_id))");
  }

  private long flagBots(Statement st) throws SQLException {
    return st.executeUpdate(
        "INSERT INTO user_flags "
            + "WITH m AS (SELECT user_id, count(*) AS c FROM events WHERE import_id = "
            + importId
            + " GROUP BY user_id, date_trunc('minute', ts)), "
            + "u AS (SELECT user_id, max(c) AS peak FROM m GROUP BY user_id), "
            + "s AS (SELECT median(peak) AS med FROM u), "
            + "d AS (SELECT median(abs(peak - s.med)) * 1.4826 AS mad FROM u, s) "
            + "SELECT user_id, 'BotLikeRate', peak, "
            + importId
            + " FROM u, s, d WHERE peak >= "
            + BOT_MIN_PEAK_PER_MINUTE
            + " AND peak > s.med + "
            + BOT_FENCE_MADS
            + " * greatest(d.mad, 1)");
  }

  private long dropBotEvents(Statement st) throws SQLException {
    String bots =
        "SELECT user_id FROM user_flags WHERE code = 'BotLikeRate' AND import_id = " + importId;
    st.execute(
        "INSERT INTO quarantine SELECT "
            + importId
            + ", 'store', 0, 'user_id', 'BotUser', 'a user with a human event rate', user_id, 'user ' || user_id || ' flagged BotLikeRate;"
            + " event dropped by --drop-bots', concat_ws(',', event_id, user_id, ts, type,"
            + " item_id) FROM events WHERE import_id = "
            + importId
            + " AND user_id IN ("
            + bots
            + ")");
    return st.executeUpdate(
        "DELETE FROM events WHERE import_id = " + importId + " AND user_id IN (" + bots + ")");
  }

  /** Time range, users and items of the accepted events of one import. */
  record Summary(Instant minTs, Instant maxTs, long users, long items) {}

  /** Time range, users and items of the accepted events. */
  Summary summary() throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT epoch_ms(min(ts)), epoch_ms(max(ts)), count(DISTINCT user_id),"
                    + " count(DISTINCT item_id) FROM events WHERE import_id = "
                    + importId)) {
      rs.next();
      long min = rs.getLong(1);
      Instant minTs = rs.wasNull() ? null : Instant.ofEpochMilli(min);
      long max = rs.getLong(2);
      Instant maxTs = rs.wasNull() ? null : Instant.ofEpochMilli(max);
      return new Summary(minTs, maxTs, rs.getLong(3), rs.getLong(4));
    }
  }

  static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
