package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.shopcast.data.store.EventStore;

/** Helpers for importer tests: a fixed clock, SQL on the store and independent SQL on files. */
final class ImportTesting {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  private ImportTesting() {}

  static ImportResult importFile(EventStore store, Path file, ImportOptions options) {
    ImportResult result = new Importer(store, CLOCK).importFile(file, options);
    assertThat(result.read())
        .as("read = accepted + rejected + duplicates")
        .isEqualTo(result.accepted() + result.rejected() + result.duplicates());
    return result;
  }

  /** A single text value from the store. */
  static String storeText(EventStore store, String sql) {
    return text(store.connection(), sql);
  }

  /** A single number from the store. */
  static long storeLong(EventStore store, String sql) {
    return Long.parseLong(text(store.connection(), sql));
  }

  /** A single number computed by a fresh in-memory DuckDB, independent of the importer. */
  static long independentLong(String sql) {
    return Long.parseLong(independentText(sql));
  }

  /** A single text value computed by a fresh in-memory DuckDB, independent of the importer. */
  static String independentText(String sql) {
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
      return text(connection, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String text(Connection connection, String sql) {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
