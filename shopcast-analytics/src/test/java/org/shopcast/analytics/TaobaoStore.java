package org.shopcast.analytics;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** A store holding both Taobao fixtures, and plain-SQL helpers for the tests. */
public final class TaobaoStore {
  private TaobaoStore() {}

  /** Opens a store in {@code dir} and imports the 43-user histories and the 20k extract. */
  public static EventStore open(Path dir) {
    return open(
        dir, "taobao/UserBehavior_head_43users.csv", "taobao/UserBehavior_tutorial_first20k.csv");
  }

  /** Opens a store in {@code dir} and imports the named Taobao fixtures. */
  public static EventStore open(Path dir, String... fixtures) {
    EventStore store = EventStore.open(dir);
    Importer importer = new Importer(store, Clock.systemUTC());
    for (String name : fixtures) {
      importer.importFile(Fixtures.path(name), ImportOptions.of(Format.TAOBAO));
    }
    return store;
  }

  /** The rows of a test query, each as an array of its column values. */
  public static List<Object[]> query(Connection connection, String sql) throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        Object[] row = new Object[n];
        for (int c = 0; c < n; c++) {
          row[c] = rs.getObject(c + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
