package org.shopcast.data.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The event store of one workspace: a DuckDB file ({@code shopcast.duckdb}) holding events,
 * imports, the quarantine, flags and the user and item side tables. One process at a time may open
 * a workspace (DuckDB's file lock); a second gets a clear error naming the lock holder.
 *
 * <p>Callers read with SQL through {@link #connection()}; all writes go through the importer so
 * that every write is one transaction.
 */
public final class EventStore implements AutoCloseable {
  /** The database file name inside the workspace. */
  public static final String DATABASE_FILE = "shopcast.duckdb";

  private final Path workspace;
  private final Connection connection;

  private EventStore(Path workspace, Connection connection) {
    this.workspace = workspace;
    this.connection = connection;
  }

  /**
   * Opens (creating when absent) the store in {@code workspace}.
   *
   * @throws IllegalStateException when another process holds the workspace
   */
  public static EventStore open(Path workspace) {
    try {
      Files.createDirectories(workspace);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create workspace directory " + workspace, e);
    }
    Path file = workspace.resolve(DATABASE_FILE).toAbsolutePath();
    Properties properties = new Properties();
    properties.setProperty("memory_limit", System.getProperty("shopcast.memory", "1GB"));
    try {
      Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file, properties);
      Schema.apply(connection);
      return new EventStore(workspace, connection);
    } catch (SQLException e) {
      String message = String.valueOf(e.getMessage());
      if (message.contains("lock")) {
        throw new IllegalStateException(
            "workspace "
                + workspace
                + " is in use by another process ("
                + holder(workspace)
                + "): "
                + firstLine(message),
            e);
      }
      throw new IllegalStateException("cannot open store " + file + ": " + firstLine(message), e);
    }
  }

  /** The file a running {@code shopcast serve} writes into its workspace, naming itself. */
  public static final String SERVER_FILE = "server.json";

  private static String holder(Path workspace) {
    Path server = workspace.resolve(SERVER_FILE);
    try {
      if (Files.isRegularFile(server)) {
        return "held by `shopcast serve`: "
            + Files.readString(server).strip()
            + "; stop it or send events through its API";
      }
    } catch (IOException e) {
      return "is `shopcast serve` running on it? " + e.getMessage();
    }
    return "is `shopcast serve` running on it?";
  }

  private static String firstLine(String message) {
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }

  /** The workspace directory. */
  public Path workspace() {
    return workspace;
  }

  /** The open connection, for reading with SQL. Do not close it; close the store instead. */
  public Connection connection() {
    return connection;
  }

  /** Counts of events, users and items, the time range and the events by type. */
  public StoreStats stats() {
    return stats(connection);
  }

  /**
   * The same figures as {@link #stats()}, read through {@code connection} (e.g. a duplicate of the
   * store's connection used by another thread).
   */
  public static StoreStats stats(Connection connection) {
    try (Statement statement = connection.createStatement()) {
      long events;
      long users;
      long items;
      Instant minTs = null;
      Instant maxTs = null;
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT count(*), count(DISTINCT user_id), count(DISTINCT item_id),"
                  + " epoch_ms(min(ts)), epoch_ms(max(ts)) FROM events")) {
        rs.next();
        events = rs.getLong(1);
        users = rs.getLong(2);
        items = rs.getLong(3);
        long min = rs.getLong(4);
        if (!rs.wasNull()) {
          minTs = Instant.ofEpochMilli(min);
          maxTs = Instant.ofEpochMilli(rs.getLong(5));
        }
      }
      Map<String, Long> byType = new LinkedHashMap<>();
      try (ResultSet rs =
          statement.executeQuery(
              "SELECT type, count(*) FROM events GROUP BY type ORDER BY count(*) DESC, type")) {
        while (rs.next()) {
          byType.put(rs.getString(1), rs.getLong(2));
        }
      }
      return new StoreStats(events, users, items, minTs, maxTs, byType);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read store statistics: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new IllegalStateException("cannot close store in " + workspace, e);
    }
  }
}
