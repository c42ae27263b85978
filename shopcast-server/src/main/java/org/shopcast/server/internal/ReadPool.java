package org.shopcast.server.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.duckdb.DuckDBConnection;

/**
 * Connections for readers, duplicated from the store's connection (same database, own
 * transactions), so reads never wait for the writer and see only committed data.
 */
public final class ReadPool implements AutoCloseable {
  private final BlockingQueue<Connection> idle;
  private final List<Connection> all = new ArrayList<>();

  /** A pool of {@code size} duplicates of {@code connection}. */
  public ReadPool(Connection connection, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be >= 1, got " + size);
    }
    idle = new ArrayBlockingQueue<>(size);
    try {
      DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
      for (int i = 0; i < size; i++) {
        Connection copy = duck.duplicate();
        all.add(copy);
        idle.add(copy);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot open read connections: " + e.getMessage(), e);
    }
  }

  /** Work done with a borrowed connection. */
  public interface Work<T> {
    /** Reads with {@code connection}. */
    T apply(Connection connection) throws SQLException;
  }

  /** Runs {@code work} with a connection; 503 when none frees up within 5 seconds. */
  public <T> T read(Work<T> work) {
    Connection connection;
    try {
      connection = idle.poll(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw HttpProblem.of(503, "Unavailable", "server is shutting down");
    }
    if (connection == null) {
      throw HttpProblem.of(503, "Busy", "no read connection free within 5 s; retry");
    }
    try {
      return work.apply(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("read failed: " + e.getMessage(), e);
    } finally {
      idle.add(connection);
    }
  }

  @Override
  public void close() {
    for (Connection connection : all) {
      try {
        connection.close();
      } catch (SQLException e) {
        // closing a read connection at shutdown: nothing more to do
        continue;
      }
    }
  }
}
