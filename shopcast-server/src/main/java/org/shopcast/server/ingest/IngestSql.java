package org.shopcast.server.ingest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.data.store.EventKeys;

/**
 * The SQL of ingestion: content ids and existence checks through small temp tables, new rows
 * appended with DuckDB's appender inside the commit's transaction.
 */
final class IngestSql {
  static final String STAGE = "ingest_stage";
  static final String KEYS = "ingest_keys";
  static final String TRAITS = "ingest_traits";

  /**
   * The stored id of an event ({@link EventKeys}, the file importer's derivation): from the id it
   * was sent with, else from its content, so an event sent both ways is stored once.
   */
  private static final String EVENT_ID =
      EventKeys.sql("event_id", f -> "session_id".equals(f) ? "given_session" : f);

  private IngestSql() {}

  /** Records the serving as an import and creates the stage table; returns the import id. */
  static long begin(Connection connection, Instant now) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP TABLE "
              + STAGE
              + " (req INTEGER, ord BIGINT, event_id VARCHAR, user_id VARCHAR, ts TIMESTAMP,"
              + " type VARCHAR, item_id VARCHAR, category_id VARCHAR, given_session VARCHAR,"
              + " session_id VARCHAR, order_id VARCHAR, quantity INTEGER, price DECIMAL(18, 4),"
              + " query VARCHAR, channel VARCHAR, properties VARCHAR)");
      st.execute("CREATE OR REPLACE TEMP TABLE " + KEYS + " (k VARCHAR)");
      st.execute(
          "CREATE OR REPLACE TEMP TABLE " + TRAITS + " (user_id VARCHAR, attributes VARCHAR)");
      long id;
      try (ResultSet rs = st.executeQuery("SELECT coalesce(max(import_id), 0) + 1 FROM imports")) {
        rs.next();
        id = rs.getLong(1);
      }
      try (PreparedStatement ps =
          connection.prepareStatement(
              "INSERT INTO imports (import_id, source, format, started_at, status) VALUES (?,"
                  + " 'http', 'http', make_timestamp(?), 'serving')")) {
        ps.setLong(1, id);
        ps.setLong(2, micros(now));
        ps.executeUpdate();
      }
      return id;
    }
  }

  /** Marks the serving import finished. */
  static void finish(Connection connection, long importId, Instant now) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE imports SET status = 'imported', finished_at = make_timestamp(?) WHERE"
                + " import_id = ?")) {
      ps.setLong(1, micros(now));
      ps.setLong(2, importId);
      ps.executeUpdate();
    }
  }

  /**
   * The stored ids of {@code events} (decimal text), computed by DuckDB with the importers'
   * expression from the id each was sent with or from its content.
   *
   * @return the ids, in the order of {@code events}
   */
  static String[] contentIds(Connection connection, List<Event> events) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM " + STAGE);
    }
    try (DuckDBAppender appender =
        connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", STAGE)) {
      long ord = 0;
      for (Event event : events) {
        appender.beginRow();
        appender.append(0);
        appender.append(ord++);
        appender.append(event.eventId());
        appender.append(event.userId());
        appender.appendEpochMicros(micros(event.ts()));
        appender.append(event.type().name());
        appender.append(event.itemId());
        appender.append(event.categoryId());
        appender.append(event.sessionId());
        appender.append((String) null);
        appender.append(event.orderId());
        appender.append(event.quantity());
        appendPrice(appender, event.price());
        appender.append(event.query());
        appender.append(event.channel());
        appender.append(event.properties());
        appender.endRow();
      }
    }
    String[] ids = new String[events.size()];
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT ord, " + EVENT_ID + " FROM " + STAGE)) {
      while (rs.next()) {
        ids[(int) rs.getLong(1)] = rs.getString(2);
      }
    }
    return ids;
  }

  /** Which of {@code ids} the {@code events} table holds (a scan: called only on candidates). */
  static Set<String> storedIds(Connection connection, Collection<String> ids) throws SQLException {
    Set<String> found = new HashSet<>();
    if (ids.isEmpty()) {
      return found;
    }
    fillKeys(connection, ids);
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT k FROM "
                    + KEYS
                    + " SEMI JOIN events t ON t.event_id = CAST("
                    + KEYS
                    + ".k AS "
                    + EventKeys.SQL_TYPE
                    + ")")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  /** Which of {@code keys} appear in {@code table}'s {@code column} (both constants). */
  static Set<String> existing(
      Connection connection, String table, String column, Collection<String> keys)
      throws SQLException {
    Set<String> found = new HashSet<>();
    if (keys.isEmpty()) {
      return found;
    }
    fillKeys(connection, keys);
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT k FROM "
                    + KEYS
                    + " SEMI JOIN "
                    + table
                    + " t ON t."
                    + column
                    + " = "
                    + KEYS
                    + ".k")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  /**
   * The latest event time (epoch ms) and its session of each of {@code users}, among the events at
   * or after {@code sinceMillis}; users without such events are absent from the answer.
   */
  static Map<String, Sessions.Last> lastEvents(
      Connection connection, Collection<String> users, long sinceMillis) throws SQLException {
    fillKeys(connection, users);
    Map<String, Sessions.Last> out = new HashMap<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT e.user_id, epoch_ms(max(e.ts)), arg_max(e.session_id, e.ts) FROM events e"
                + " SEMI JOIN "
                + KEYS
                + " u ON e.user_id = u.k WHERE e.ts >= make_timestamp(?) GROUP BY e.user_id")) {
      ps.setLong(1, Math.max(sinceMillis, -62_135_596_800_000L) * 1000L);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getString(1), new Sessions.Last(rs.getLong(2), rs.getString(3)));
        }
      }
    }
    return out;
  }

  private static void fillKeys(Connection connection, Collection<String> keys) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM " + KEYS);
    }
    try (DuckDBAppender appender =
        connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", KEYS)) {
      for (String key : keys) {
        appender.beginRow();
        appender.append(key);
        appender.endRow();
      }
    }
  }

  /**
   * Appends the new events (ids and sessions final, in request order; {@code lower} and {@code
   * upper} the 64-bit halves of each one's id), users and items inside the caller's transaction,
   * which must have run a statement already (DuckDB's appender joins the open transaction, else it
   * commits on its own).
   */
  static void append(
      Connection connection,
      long importId,
      List<Event> events,
      long[] lower,
      long[] upper,
      List<String> newUsers,
      List<NewItem> newItems)
      throws SQLException {
    DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
    try (DuckDBAppender appender = duck.createAppender("main", "events")) {
      for (int i = 0; i < events.size(); i++) {
        Event event = events.get(i);
        appender.beginRow();
        appender.appendHugeInt(lower[i], upper[i]);
        appender.append(event.userId());
        appender.appendEpochMicros(micros(event.ts()));
        appender.append(event.type().name());
        appender.append(event.itemId());
        appender.append(event.categoryId());
        appender.append(event.sessionId());
        appender.append(event.orderId());
        appender.append(event.quantity());
        appendPrice(appender, event.price());
        appender.append(event.query());
        appender.append(event.channel());
        appender.append(event.properties());
        appender.append(importId);
        appender.endRow();
      }
    }
    if (!newUsers.isEmpty()) {
      try (DuckDBAppender appender = duck.createAppender("main", "users")) {
        for (String user : newUsers) {
          appender.beginRow();
          appender.append(user);
          appender.append((String) null);
          appender.endRow();
        }
      }
    }
    if (!newItems.isEmpty()) {
      try (DuckDBAppender appender = duck.createAppender("main", "items")) {
        for (NewItem item : newItems) {
          appender.beginRow();
          appender.append(item.itemId());
          appender.append(item.categoryId());
          appendPrice(appender, item.price());
          appender.append((String) null);
          appender.endRow();
        }
      }
    }
  }

  /**
   * Appends a price to a DECIMAL(18, 4) column as its unscaled 64-bit value (what the column
   * stores), or null.
   */
  private static void appendPrice(DuckDBAppender appender, BigDecimal price) throws SQLException {
    if (price == null) {
      appender.appendNull();
    } else {
      appender.appendDecimal(decimal(price).unscaledValue().longValueExact());
    }
  }

  /** An item id new to the store with the category and price of its latest event. */
  record NewItem(String itemId, String categoryId, BigDecimal price) {}

  /** Sets identify traits (the last per user wins), adding users not stored yet. */
  static void traits(Connection connection, List<UserTraits> traits) throws SQLException {
    if (traits.isEmpty()) {
      return;
    }
    Map<String, String> last = new LinkedHashMap<>();
    traits.forEach(t -> last.put(t.userId(), t.attributes()));
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM " + TRAITS);
    }
    try (DuckDBAppender appender =
        connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", TRAITS)) {
      for (Map.Entry<String, String> entry : last.entrySet()) {
        appender.beginRow();
        appender.append(entry.getKey());
        appender.append(entry.getValue());
        appender.endRow();
      }
    }
    try (Statement st = connection.createStatement()) {
      st.execute(
          "UPDATE users SET attributes = t.attributes FROM "
              + TRAITS
              + " t WHERE users.user_id = t.user_id");
      st.execute(
          "INSERT INTO users SELECT user_id, attributes FROM "
              + TRAITS
              + " ANTI JOIN users USING (user_id)");
    }
  }

  /** The statement {@link #count} runs, prepared once per writer. */
  static PreparedStatement prepareCount(Connection connection) throws SQLException {
    return connection.prepareStatement(
        "UPDATE imports SET read_rows = read_rows + ?, accepted = accepted + ?, duplicates ="
            + " duplicates + ?, finished_at = make_timestamp(?) WHERE import_id = ?");
  }

  /**
   * Adds a commit's counts to the serving's import row (the first statement of a commit), with the
   * statement of {@link #prepareCount}.
   */
  static void count(PreparedStatement ps, long importId, long read, long fresh, Instant now)
      throws SQLException {
    ps.setLong(1, read);
    ps.setLong(2, fresh);
    ps.setLong(3, read - fresh);
    ps.setLong(4, micros(now));
    ps.setLong(5, importId);
    ps.executeUpdate();
  }

  /** A price at the store's scale (DECIMAL(18, 4)), rounded half away from zero as DuckDB casts. */
  static BigDecimal decimal(BigDecimal price) {
    return price == null ? null : price.setScale(4, RoundingMode.HALF_UP);
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
