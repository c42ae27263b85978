package org.shopcast.bench.recommend;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * The prepared benchmark rows held as primitive arrays: one row per event, ordered by user then
 * time, with dense user, session (30-minute gap) and item indices and the behaviour code (0 view, 1
 * favourite, 2 cart, 3 purchase). Written by {@link RecsTrainBenchmark#prepare} and read by the
 * Java child and the Python peer alike.
 */
final class RecsRows {
  static final EventType[] TYPES = {
    EventType.VIEW, EventType.FAVORITE, EventType.CART_ADD, EventType.PURCHASE
  };

  final int[] user;
  final int[] session;
  final int[] item;
  final byte[] type;
  final long[] time;
  final int items;

  private RecsRows(int[] user, int[] session, int[] item, byte[] type, long[] time, int items) {
    this.user = user;
    this.session = session;
    this.item = item;
    this.type = type;
    this.time = time;
    this.items = items;
  }

  int size() {
    return user.length;
  }

  /** Reads the prepared CSV (header user,session,item,type,ts) with DuckDB. */
  static RecsRows read(Path csv) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      int n;
      int items;
      String from = "read_csv('" + csv.toString().replace("'", "''") + "', header = true)";
      try (ResultSet rs = s.executeQuery("SELECT count(*), max(item) + 1 FROM " + from)) {
        rs.next();
        n = rs.getInt(1);
        items = rs.getInt(2);
      }
      int[] user = new int[n];
      int[] session = new int[n];
      int[] item = new int[n];
      byte[] type = new byte[n];
      long[] time = new long[n];
      s.setFetchSize(100_000);
      try (ResultSet rs = s.executeQuery("SELECT user, session, item, type, ts FROM " + from)) {
        int i = 0;
        while (rs.next()) {
          user[i] = rs.getInt(1);
          session[i] = rs.getInt(2);
          item[i] = rs.getInt(3);
          type[i] = rs.getByte(4);
          time[i++] = rs.getLong(5) * 1000;
        }
      }
      return new RecsRows(user, session, item, type, time, items);
    }
  }

  /** The events grouped by session ({@code bySession}) or by user, items indexed 0..items-1. */
  SessionDataset dataset(boolean bySession) {
    ItemIndex index = new ItemIndex();
    for (int i = 0; i < items; i++) {
      index.add(Integer.toString(i));
    }
    int[] key = bySession ? session : user;
    List<Session> out = new ArrayList<>();
    int start = 0;
    // rows are ordered by user then time, so a user's (and a session's) rows are contiguous
    for (int i = 1; i <= size(); i++) {
      if (i == size() || key[i] != key[start]) {
        EventType[] types = new EventType[i - start];
        for (int k = start; k < i; k++) {
          types[k - start] = TYPES[type[k]];
        }
        out.add(
            new Session(
                Integer.toString(key[start]),
                Integer.toString(user[start]),
                Arrays.copyOfRange(item, start, i),
                Arrays.copyOfRange(time, start, i),
                types));
        start = i;
      }
    }
    return SessionDataset.of(index, out);
  }
}
