package org.shopcast.data.importer;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.shopcast.data.store.EventKeys;

/**
 * Moves the staged rows of one import into the store in a single transaction: quarantine rows, new
 * events (deduplicated by event id against the file and the store, sessions derived where the
 * source has none), side tables, flags and the import record. Either all of it lands or none.
 *
 * <p>Two paths. The fast one applies when event ids are derived from the content and no stored
 * event lies in the file's time range (so none of its rows can be in the store yet): one {@code
 * INSERT ... SELECT} sorts the rows by user and time once to drop exact duplicates and find session
 * starts, names sessions with a running maximum and writes the events. Otherwise the general path
 * builds the fresh rows in a temp table (dedup by event id, anti-join with the store, sessions) and
 * inserts them.
 */
final class Landing {
  /** Events per minute at or above which a user may be flagged as a bot. */
  static final int BOT_MIN_PEAK_PER_MINUTE = 30;

  /** How many robust deviations above the median a user's peak rate must lie to be flagged. */
  static final double BOT_FENCE_MADS = 10;

  private static final String EVENT_COLUMNS =
      "event_id, user_id, ts, type, item_id, category_id, session_id, order_id, quantity, price,"
          + " query, channel, properties, import_id";

  private final Connection connection;
  private final long importId;
  private final StepTimer timer;
  private final Set<String> staged = new HashSet<>();

  Landing(Connection connection, long importId, StepTimer timer) {
    this.connection = connection;
    this.importId = importId;
    this.timer = timer;
  }

  /** Counts of one landing. */
  record Counts(long accepted, long duplicates, long botDropped, Map<String, Long> flags) {}

  /**
   * How the staged rows will land.
   *
   * @param valid rows that passed every check
   * @param minTs earliest valid time (epoch ms), null when none
   * @param maxTs latest valid time (epoch ms), null when none
   * @param fast whether the one-statement path applies
   */
  record Plan(long valid, Long minTs, Long maxTs, boolean fast) {}

  /** The derived event id of a row without a source id ({@link EventKeys}). */
  private String derivedId() {
    return EventKeys.contentSql(this::column);
  }

  /** A canonical column of the stage, or its constant when the source does not define it. */
  private String column(String name) {
    if (staged.contains(name)) {
      return name;
    }
    if ("quantity".equals(name)) {
      return "1";
    }
    for (String[] column : StageTable.COLUMNS) {
      if (column[0].equals(name)) {
        return "CAST(NULL AS " + column[1] + ")";
      }
    }
    return "CAST(NULL AS BIGINT)";
  }

  /** All canonical columns (plus {@code ord}) of the valid staged rows, constants filled in. */
  private String validRows() {
    StringBuilder sql = new StringBuilder("SELECT ").append(column("ord")).append(" AS ord");
    for (String[] c : StageTable.COLUMNS) {
      sql.append(", ").append(column(c[0])).append(" AS ").append(c[0]);
    }
    return sql.append(" FROM ")
        .append(StageTable.NAME)
        .append(" WHERE err_code IS NULL")
        .toString();
  }

  /**
   * Looks at the valid staged rows and picks the path. The general path builds the deduplicated,
   * sessionised fresh rows in a temp table now; the fast path does all of that in {@link #land}.
   */
  Plan prepare(Duration sessionGap) throws SQLException {
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs =
          st.executeQuery(
              "SELECT column_name FROM duckdb_columns() WHERE table_name = '"
                  + StageTable.NAME
                  + "' AND database_name = 'temp'")) {
        while (rs.next()) {
          staged.add(rs.getString(1));
        }
      }
      long valid;
      long sourceIds;
      Long min;
      Long max;
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*), count(event_id), epoch_ms(min(ts)), epoch_ms(max(ts)) FROM ("
                  + validRows()
                  + ")")) {
        rs.next();
        valid = rs.getLong(1);
        sourceIds = rs.getLong(2);
        long v = rs.getLong(3);
        min = rs.wasNull() ? null : v;
        v = rs.getLong(4);
        max = rs.wasNull() ? null : v;
      }
      boolean fast =
          sourceIds == 0
              && (min == null
                  || count(
                          st,
                          "SELECT count(*) FROM (SELECT 1 FROM events WHERE ts BETWEEN epoch_ms("
                              + min
                              + "::BIGINT) AND epoch_ms("
                              + max
                              + "::BIGINT) LIMIT 1)")
                      == 0);
      if (!fast) {
        prepareFresh(st, sessionGap);
      }
      timer.lap("plan");
      return new Plan(valid, min, max, fast);
    }
  }

  private void prepareFresh(Statement st, Duration sessionGap) throws SQLException {
    st.execute(
        "CREATE OR REPLACE TEMP TABLE shopcast_fresh AS "
            + "WITH v AS (SELECT * EXCLUDE (event_id), "
            + EventKeys.sql("event_id", this::column)
            + " AS event_id FROM ("
            + validRows()
            + ")), "
            + "d AS (SELECT * FROM v QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY"
            + " ord) = 1) "
            + "SELECT d.* FROM d ANTI JOIN events e ON e.event_id = d.event_id");
    if (count(st, "SELECT count(*) FROM shopcast_fresh WHERE session_id IS NULL") > 0) {
      st.execute(
          "CREATE OR REPLACE TEMP TABLE shopcast_fresh AS "
              + "WITH g AS (SELECT *, (lag(ts) OVER w IS NULL OR epoch_us(ts) - epoch_us(lag(ts)"
              + " OVER w) > "
              + gapMicros(sessionGap)
              + ") AS starts FROM shopcast_fresh WINDOW w AS (PARTITION BY user_id ORDER BY ts,"
              + " ord)) "
              + "SELECT * EXCLUDE (starts, session_id), coalesce(session_id, user_id || ':' ||"
              + " epoch_ms(max(CASE WHEN starts THEN ts END) OVER (PARTITION BY user_id ORDER"
              + " BY ts, ord ROWS UNBOUNDED PRECEDING))) AS session_id FROM g");
    }
  }

  private static long gapMicros(Duration sessionGap) {
    return sessionGap.toNanos() / 1000;
  }

  /**
   * The fast path's single statement. A first window, partitioned by user and ordered by time and a
   * content hash, puts exact duplicates next to each other (equal hash and time: the later ones are
   * dropped) and finds session starts (gap to the previous event above the session gap); a second,
   * a running maximum of start times, names each event's session. The second orders by time alone
   * with a {@code RANGE} frame (events at the same time are peers and share the maximum, so they
   * get the same session whatever their hash order), a shorter sort key than the first's. Only the
   * columns the source defines go through the sorts; the event id and constant columns are computed
   * last.
   */
  private String fastInsert(Duration sessionGap) {
    StringBuilder hashed = new StringBuilder();
    StringBuilder carried = new StringBuilder();
    for (String field : EventKeys.FIELDS) {
      hashed.append(hashed.length() == 0 ? "" : ", ").append(column(field));
    }
    for (String[] c : StageTable.COLUMNS) {
      if (staged.contains(c[0]) && !"event_id".equals(c[0])) {
        carried.append(c[0]).append(", ");
      }
    }
    String session =
        "coalesce("
            + column("session_id")
            + ", user_id || ':' || epoch_ms(max(CASE WHEN starts THEN ts END) OVER (PARTITION BY"
            + " user_id ORDER BY ts RANGE UNBOUNDED PRECEDING)))";
    StringBuilder select = new StringBuilder(derivedId());
    for (String[] c : StageTable.COLUMNS) {
      if (!"event_id".equals(c[0])) {
        select.append(", ").append("session_id".equals(c[0]) ? session : column(c[0]));
      }
    }
    return "INSERT INTO events ("
        + EVENT_COLUMNS
        + ") WITH v AS (SELECT "
        + carried
        + "hash("
        + hashed
        + ") AS h FROM "
        + StageTable.NAME
        + " WHERE err_code IS NULL), "
        + "g AS (SELECT *, lag(h) OVER w AS prev_h, lag(ts) OVER w AS prev_ts FROM v"
        + " WINDOW w AS (PARTITION BY user_id ORDER BY ts, h)), "
        + "s AS (SELECT *, (prev_ts IS NULL OR epoch_us(ts) - epoch_us(prev_ts) > "
        + gapMicros(sessionGap)
        + ") AS starts FROM g WHERE prev_h IS DISTINCT FROM h OR prev_ts IS DISTINCT FROM ts) "
        + "SELECT "
        + select
        + ", "
        + importId
        + " FROM s";
  }

  /** Inserts events, side tables and flags; the caller owns the transaction. */
  Counts land(Plan plan, Duration sessionGap, boolean dropBots) throws SQLException {
    try (Statement st = connection.createStatement()) {
      long accepted;
      String fresh;
      if (plan.fast()) {
        // The rows' order in the table carries no meaning: let DuckDB write them as they come.
        st.execute("SET preserve_insertion_order = false");
        try {
          accepted = st.executeUpdate(fastInsert(sessionGap));
        } finally {
          st.execute("RESET preserve_insertion_order");
        }
        fresh = "(" + validRows() + ")";
      } else {
        accepted =
            st.executeUpdate(
                "INSERT INTO events ("
                    + EVENT_COLUMNS
                    + ") SELECT "
                    + EVENT_COLUMNS.replace("import_id", String.valueOf(importId))
                    + " FROM shopcast_fresh");
        fresh = "shopcast_fresh";
      }
      long duplicates = plan.valid() - accepted;
      timer.lap("land");
      st.execute(
          "CREATE OR REPLACE TEMP TABLE shopcast_import_users AS SELECT DISTINCT user_id FROM "
              + fresh);
      st.execute(
          "INSERT INTO users SELECT user_id, NULL FROM shopcast_import_users ANTI JOIN users"
              + " USING (user_id)");
      if (count(
              st,
              "SELECT count(*) FROM duckdb_tables() WHERE table_name = '"
                  + StageWriter.TRAITS
                  + "'")
          > 0) {
        // users has no key (see Schema): update known ids in place, add the others.
        st.execute(
            "UPDATE users SET attributes = t.attributes FROM "
                + StageWriter.TRAITS
                + " t WHERE users.user_id = t.user_id");
        st.execute(
            "INSERT INTO users SELECT user_id, attributes FROM "
                + StageWriter.TRAITS
                + " ANTI JOIN users USING (user_id)");
      }
      st.execute(
          "CREATE OR REPLACE TEMP TABLE shopcast_import_items AS SELECT item_id, "
              + latest("category_id", fresh, plan)
              + " AS category_id, "
              + latest("price", fresh, plan)
              + " AS price FROM "
              + fresh
              + " WHERE item_id IS NOT NULL GROUP BY item_id");
      st.execute(
          "INSERT INTO items SELECT item_id, category_id, price, NULL FROM shopcast_import_items"
              + " ANTI JOIN items USING (item_id)");
      timer.lap("sides");
      Map<String, Long> flags = new LinkedHashMap<>();
      flags.put("ReturnWithoutPurchase", flagReturns(st));
      flags.put("BotLikeRate", flagBots(st));
      long dropped = 0;
      if (dropBots && flags.get("BotLikeRate") > 0) {
        dropped = dropBotEvents(st);
        accepted -= dropped;
      }
      timer.lap("flags");
      return new Counts(accepted, duplicates, dropped, flags);
    }
  }

  /**
   * The latest value of {@code name} per item, or its constant when the fast path's source does not
   * define the column (no {@code arg_max} over a column of NULLs).
   */
  private String latest(String name, String fresh, Plan plan) {
    if (plan.fast() && !staged.contains(name)) {
      return column(name);
    }
    return "arg_max(" + name + ", ts)";
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

  /**
   * Time range, users and items of the accepted events: on the fast path with no event dropped,
   * from the plan and the side-table steps; else read back from the store.
   */
  Summary summary(Plan plan, Counts counts, boolean landed) throws SQLException {
    try (Statement st = connection.createStatement()) {
      if (landed && plan.fast() && counts.botDropped() == 0) {
        long users = count(st, "SELECT count(*) FROM shopcast_import_users");
        long items = count(st, "SELECT count(*) FROM shopcast_import_items");
        boolean any = counts.accepted() > 0;
        return new Summary(
            any && plan.minTs() != null ? Instant.ofEpochMilli(plan.minTs()) : null,
            any && plan.maxTs() != null ? Instant.ofEpochMilli(plan.maxTs()) : null,
            users,
            items);
      }
      try (ResultSet rs =
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
  }

  static long count(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
