package org.shopcast.data.importer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.Event;

/** Appends candidate events and rejections of a {@link RowSource} to the stage table. */
final class StageWriter implements AutoCloseable {
  /** Temp table of user attributes a source gave (Segment identify), landed with the events. */
  static final String TRAITS = "shopcast_stage_traits";

  private final Connection connection;
  private final DuckDBAppender appender;
  private final Map<String, String> traits = new LinkedHashMap<>();
  private long ordinal;

  StageWriter(Connection connection) throws SQLException {
    this.connection = connection;
    this.appender =
        connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", StageTable.NAME);
  }

  /** A valid event read from {@code line}. */
  void event(long line, Event event) throws SQLException {
    appender.beginRow();
    appender.append(++ordinal);
    appender.append(event.eventId());
    appender.append(event.userId());
    appender.append(LocalDateTime.ofInstant(event.ts(), ZoneOffset.UTC));
    appender.append(event.type().name());
    appender.append(event.itemId());
    appender.append(event.categoryId());
    appender.append(event.sessionId());
    appender.append(event.orderId());
    appender.append(event.quantity());
    appender.append(event.price());
    appender.append(event.query());
    appender.append(event.channel());
    appender.append(event.properties());
    for (int i = 0; i < 4; i++) {
      appender.appendNull();
    }
    appender.append(line);
    appender.appendNull();
    appender.endRow();
  }

  /** A rejected row with its raw text. */
  void reject(RowError error, String raw) throws SQLException {
    appender.beginRow();
    appender.append(++ordinal);
    for (int i = 0; i < StageTable.COLUMNS.length; i++) {
      appender.appendNull();
    }
    appender.append(error.code().name());
    appender.append(error.field());
    appender.append(error.expected());
    appender.append(error.found());
    appender.append(error.line());
    appender.append(raw);
    appender.endRow();
  }

  /** A user's attributes (JSON object text); the last one given for a user wins. */
  void traits(String userId, String attributes) {
    traits.put(userId, attributes);
  }

  @Override
  public void close() throws SQLException {
    appender.close();
    if (traits.isEmpty()) {
      return;
    }
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP TABLE " + TRAITS + " (user_id VARCHAR, attributes VARCHAR)");
    }
    try (PreparedStatement ps =
        connection.prepareStatement("INSERT INTO " + TRAITS + " VALUES (?, ?)")) {
      for (Map.Entry<String, String> entry : traits.entrySet()) {
        ps.setString(1, entry.getKey());
        ps.setString(2, entry.getValue());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
