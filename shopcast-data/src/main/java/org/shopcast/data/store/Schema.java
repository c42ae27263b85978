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
 *
 * <p>Version 2 stores event ids as {@code UHUGEINT} ({@link EventKeys}); a version 1 store (ids as
 * 32-character MD5 hex text, or the source's id text) is migrated when opened: a hex id becomes the
 * same number {@code md5_number} gives for the same content, any other text its {@code md5_number},
 * so re-importing a file imported before the change still adds nothing.
 */
final class Schema {
  /** Bumped when the table layout changes incompatibly. */
  static final int VERSION = 2;

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
      event_id UHUGEINT NOT NULL,
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
      event_id UHUGEINT NOT NULL,
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

  /**
   * Version 1 to 2: event ids from text to {@code UHUGEINT}. A derived id (32 lowercase hex
   * characters: the MD5 digest) becomes the digest read little-endian, as {@code md5_number} reads
   * it; a source's id text becomes its {@code md5_number}. One transaction.
   */
  private static void migrateFrom1(Statement statement) throws SQLException {
    String using =
        " SET DATA TYPE UHUGEINT USING CASE WHEN regexp_full_match(event_id, '[0-9a-f]{32}') THEN"
            + " ('0x' || array_to_string(list_reverse(regexp_extract_all(event_id, '..')), ''))"
            + "::UHUGEINT ELSE md5_number(event_id) END";
    boolean auto = statement.getConnection().getAutoCommit();
    statement.getConnection().setAutoCommit(false);
    try {
      statement.execute("ALTER TABLE events ALTER event_id" + using);
      statement.execute("ALTER TABLE event_flags ALTER event_id" + using);
      statement.execute("UPDATE schema_info SET version = " + VERSION);
      statement.getConnection().commit();
    } catch (SQLException e) {
      statement.getConnection().rollback();
      throw e;
    } finally {
      statement.getConnection().setAutoCommit(auto);
    }
  }

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
        } else if (found == 1) {
          migrateFrom1(statement);
        } else if (found != VERSION) {
          throw new IllegalStateException(
              "workspace store has schema version " + found + ", this build reads " + VERSION);
        }
      }
    }
  }
}
