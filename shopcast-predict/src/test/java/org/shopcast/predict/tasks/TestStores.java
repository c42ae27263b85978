package org.shopcast.predict.tasks;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** Test stores: the CDNOW 2,357-customer sample loaded with one SQL statement, and raw inserts. */
public final class TestStores {
  private TestStores() {}

  /** Opens a store in {@code dir} holding the CDNOW sample (purchases with amounts). */
  public static EventStore cdnowSample(Path dir) throws SQLException {
    EventStore store = EventStore.open(dir);
    Path file = Fixtures.path("cdnow/CDNOW_sample.txt");
    try (Statement statement = store.connection().createStatement()) {
      statement.execute(
          "INSERT INTO events (event_id, user_id, ts, type, quantity, price, import_id)"
              + " SELECT md5_number('cdnow-' || row_number() OVER ()),"
              + " CAST(CAST(f[1] AS INT) AS VARCHAR),"
              + " CAST(strptime(f[-3], '%Y%m%d') AS TIMESTAMP), 'PURCHASE', 1,"
              + " CAST(f[-1] AS DECIMAL(18, 4)), 0 FROM (SELECT string_split_regex(trim(line),"
              + " '\\s+') AS f FROM read_csv('"
              + file
              + "', columns = {'line': 'VARCHAR'}, header = false, delim = '|'))");
    }
    return store;
  }

  /** Inserts one event (quantity 1). */
  public static void event(
      EventStore store, String id, String user, String ts, String type, double price)
      throws SQLException {
    try (Statement statement = store.connection().createStatement()) {
      statement.execute(
          "INSERT INTO events (event_id, user_id, ts, type, quantity, price, import_id) VALUES"
              + " (md5_number('"
              + id
              + "'), '"
              + user
              + "', TIMESTAMP '"
              + ts
              + "', '"
              + type
              + "', 1, "
              + price
              + ", 0)");
    }
  }
}
