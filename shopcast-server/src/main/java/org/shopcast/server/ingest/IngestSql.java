package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;

/** The SQL of one ingestion commit: stage with the appender, land with set-based SQL. */
final class IngestSql {
  static final String STAGE = "ingest_stage";

  /**
   * The id of events without one: the same content hash the file importer uses, so an event sent
   * both ways is stored once.
   */
  private static final String EVENT_ID =
      "coalesce(event_id, md5(concat_ws(chr(31), user_id, epoch_ms(ts), type, item_id,"
          + " category_id, given_session, order_id, quantity, price, query, channel)))";

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

  /** Appends every request's events to the (emptied) stage table. */
  static void stage(Connection connection, List<List<Event>> requests, Map<Event, String> sessions)
      throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute("DELETE FROM " + STAGE);
    }
    try (DuckDBAppender appender =
        connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", STAGE)) {
      long ord = 0;
      for (int req = 0; req < requests.size(); req++) {
        for (Event event : requests.get(req)) {
          appender.beginRow();
          appender.append(req);
          appender.append(++ord);
          appender.append(event.eventId());
          appender.append(event.userId());
          appender.append(LocalDateTime.ofInstant(event.ts(), ZoneOffset.UTC));
          appender.append(event.type().name());
          appender.append(event.itemId());
          appender.append(event.categoryId());
          appender.append(event.sessionId());
          appender.append(sessions.get(event));
          appender.append(event.orderId());
          appender.append(event.quantity());
          appender.append(event.price());
          appender.append(event.query());
          appender.append(event.channel());
          appender.append(event.properties());
          appender.endRow();
        }
      }
    }
  }

  /**
   * Lands the staged events not yet stored, user and item rows, and updates the import's counts;
   * the caller owns the transaction.
   *
   * @return new events per request, by request index
   */
  static int[] land(
      Connection connection, long importId, int requests, List<UserTraits> traits, Instant now)
      throws SQLException {
    int[] accepted = new int[requests];
    long read;
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP TABLE ingest_fresh AS WITH v AS (SELECT * EXCLUDE (event_id), "
              + EVENT_ID
              + " AS event_id FROM "
              + STAGE
              + "), d AS (SELECT * FROM v QUALIFY row_number() OVER (PARTITION BY event_id ORDER"
              + " BY req, ord) = 1) SELECT * FROM d WHERE event_id NOT IN (SELECT e.event_id FROM"
              + " events e SEMI JOIN d ON e.event_id = d.event_id)");
      st.execute(
          "INSERT INTO events (event_id, user_id, ts, type, item_id, category_id, session_id,"
              + " order_id, quantity, price, query, channel, properties, import_id) SELECT"
              + " event_id, user_id, ts, type, item_id, category_id, session_id, order_id,"
              + " quantity, price, query, channel, properties, "
              + importId
              + " FROM ingest_fresh ORDER BY req, ord");
      try (ResultSet rs = st.executeQuery("SELECT req, count(*) FROM ingest_fresh GROUP BY req")) {
        while (rs.next()) {
          accepted[rs.getInt(1)] = rs.getInt(2);
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT count(*) FROM " + STAGE)) {
        rs.next();
        read = rs.getLong(1);
      }
      // users and items have no key (see the store's Schema): add only absent ids.
      st.execute(
          "INSERT INTO users SELECT user_id, NULL FROM (SELECT DISTINCT user_id FROM"
              + " ingest_fresh) ANTI JOIN users USING (user_id)");
      st.execute(
          "INSERT INTO items SELECT item_id, category_id, price, NULL FROM (SELECT item_id,"
              + " arg_max(category_id, ts) AS category_id, arg_max(price, ts) AS price FROM"
              + " ingest_fresh WHERE item_id IS NOT NULL GROUP BY item_id) ANTI JOIN items"
              + " USING (item_id)");
    }
    if (!traits.isEmpty()) {
      Map<String, String> last = new java.util.LinkedHashMap<>();
      traits.forEach(t -> last.put(t.userId(), t.attributes()));
      try (Statement st = connection.createStatement()) {
        st.execute(
            "CREATE OR REPLACE TEMP TABLE ingest_traits (user_id VARCHAR, attributes VARCHAR)");
      }
      try (PreparedStatement ps =
          connection.prepareStatement("INSERT INTO ingest_traits VALUES (?, ?)")) {
        for (Map.Entry<String, String> entry : last.entrySet()) {
          ps.setString(1, entry.getKey());
          ps.setString(2, entry.getValue());
          ps.addBatch();
        }
        ps.executeBatch();
      }
      try (Statement st = connection.createStatement()) {
        st.execute(
            "UPDATE users SET attributes = t.attributes FROM ingest_traits t"
                + " WHERE users.user_id = t.user_id");
        st.execute(
            "INSERT INTO users SELECT user_id, attributes FROM ingest_traits ANTI JOIN users"
                + " USING (user_id)");
      }
    }
    long fresh = 0;
    for (int n : accepted) {
      fresh += n;
    }
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE imports SET read_rows = read_rows + ?, accepted = accepted + ?, duplicates ="
                + " duplicates + ?, finished_at = make_timestamp(?) WHERE import_id = ?")) {
      ps.setLong(1, read);
      ps.setLong(2, fresh);
      ps.setLong(3, read - fresh);
      ps.setLong(4, micros(now));
      ps.setLong(5, importId);
      ps.executeUpdate();
    }
    return accepted;
  }

  private static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
