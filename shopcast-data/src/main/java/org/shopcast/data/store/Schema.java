package org.shopcast.data.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Creates the store's tables; idempotent, run each time a workspace is opened.
 *
 * <p>{@code users} and {@code items} hold one row per id but declare no key: DuckDB maintains a
 * key's ART index row by row, which made the side-table step of a large import several times slower
 * than the events themselves. The store has a single writer, and every writer (the importer, the
 * server's ingestion) adds only ids absent from the table (anti-join) and updates attributes in
 * place, so the ids stay unique. Stores created with the earlier keyed tables keep them and work
 * the same way.
 */
final class Schema {
  /** Bumped when the table layout changes incompatibly. */
  static final int VERSION = 1;

  private static final String[] STATEMENTS = {
    "CREATE TABLE IF NOT EXISTS schema_info (version INTEGER NOT NULL)",
    """
    CREATE TABLE IF NOT EXISTS imports (
      import_id BIGINT PRIMARY KEY,
      source VARCHAR NOT NULL,
      format VARCHAR NOT NULL,
      started_at TIMESTAMP NOT NULL,
      finished_at TIMESTAMP,
      status VARCHAR NOT NULL,
      read_rows BIGINT NOT NULL DEFAULT 0,
      accepted BIGINT NOT NULL DEFAULT 0,
      rejected BIGINT NOT NULL DEFAULT 0,
      duplicates BIGINT NOT NULL DEFAULT 0,
      message VARCHAR)
    """,
    """
    CREATE TABLE IF NOT EXISTS events (
      event_id VARCHAR NOT NULL,
      user_id VARCHAR NOT NULL,
      ts TIMESTAMP NOT NULL,
      type VARCHAR NOT NULL,
      item_id VARCHAR,
      category_id VARCHAR,
      session_id VARCHAR,
      order_id VARCHAR,
      quantity INTEGER NOT NULL DEFAULT 1,
      price DECIMAL(18, 4),
      query VARCHAR,
      channel VARCHAR,
      properties VARCHAR,
      import_id BIGINT NOT NULL)
    """,
    """
    CREATE TABLE IF NOT EXISTS quarantine (
      import_id BIGINT NOT NULL,
      source VARCHAR NOT NULL,
      line BIGINT NOT NULL,
      field VARCHAR,
      code VARCHAR NOT NULL,
      expected VARCHAR,
      found VARCHAR,
      message VARCHAR NOT NULL,
      raw VARCHAR)
    """,
    """
    CREATE TABLE IF NOT EXISTS event_flags (
      event_id VARCHAR NOT NULL,
      code VARCHAR NOT NULL,
      import_id BIGINT NOT NULL)
    """,
    """
    CREATE TABLE IF NOT EXISTS user_flags (
      user_id VARCHAR NOT NULL,
      code VARCHAR NOT NULL,
      value DOUBLE,
      import_id BIGINT NOT NULL)
    """,
    """
    CREATE TABLE IF NOT EXISTS users (
      user_id VARCHAR NOT NULL,
      attributes VARCHAR)
    """,
    """
    CREATE TABLE IF NOT EXISTS items (
      item_id VARCHAR NOT NULL,
      category_id VARCHAR,
      price DECIMAL(18, 4),
      attributes VARCHAR)
    """
  };

  private Schema() {}

  static void apply(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : STATEMENTS) {
        statement.execute(sql);
      }
      try (var rs = statement.executeQuery("SELECT max(version) FROM schema_info")) {
        rs.next();
        int found = rs.getInt(1);
        if (rs.wasNull()) {
          statement.execute("INSERT INTO schema_info VALUES (" + VERSION + ")");
        } else if (found != VERSION) {
          throw new IllegalStateException(
              "workspace store has schema version " + found + ", this build reads " + VERSION);
        }
      }
    }
  }
}
