package org.shopcast.recommend.workspace;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The precomputed lists of one model held in memory for serving: a lookup is a hash probe plus
 * building the n returned records. Item ids, sources and reasons are shared (interned at load), the
 * lists sit in flat arrays, so millions of entries stay compact. Immutable and thread-safe; load a
 * new one after {@link RecsTrainer} ran and swap the reference.
 */
public final class RecsIndex {
  private final RecsInfo info;
  private final Lists users;
  private final Lists similar;
  private final int coldStart;

  private RecsIndex(RecsInfo info, Lists users, Lists similar, int coldStart) {
    this.info = info;
    this.users = users;
    this.similar = similar;
    this.coldStart = coldStart;
  }

  /** The stored models, latest trained first (empty when no lists were ever trained). */
  public static List<RecsInfo> stored(Connection connection) {
    try {
      return RecsTables.list(connection);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored lists: " + e.getMessage(), e);
    }
  }

  /**
   * Loads the lists of {@code model} ({@code null}: the latest trained); empty when there are none.
   */
  public static Optional<RecsIndex> load(Connection connection, String model) {
    try {
      Optional<RecsInfo> info = RecsTables.find(connection, model);
      if (info.isEmpty()) {
        return Optional.empty();
      }
      Map<String, String> interned = new HashMap<>();
      Lists users = Lists.read(connection, RecsTables.USER_LISTS, "user_id", info.get(), interned);
      Lists similar =
          Lists.read(connection, RecsTables.ITEM_LISTS, "item_id", info.get(), interned);
      Integer cold = users.row.get(null);
      return Optional.of(new RecsIndex(info.get(), users, similar, cold == null ? -1 : cold));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot load the stored lists: " + e.getMessage(), e);
    }
  }

  /**
   * One user's stored list read straight from the tables without loading an index (for one-off
   * calls such as the CLI); {@code userId} null reads the cold-start list. Empty when the user has
   * no list.
   */
  public static Optional<List<Explained>> queryUser(
      Connection connection, RecsInfo info, String userId, int n) {
    return query(connection, info, RecsTables.USER_LISTS, "user_id", "item_id", userId, n);
  }

  /** As {@link #queryUser} for the items similar to {@code itemId}. */
  public static Optional<List<Explained>> querySimilar(
      Connection connection, RecsInfo info, String itemId, int n) {
    return query(connection, info, RecsTables.ITEM_LISTS, "item_id", "similar_item_id", itemId, n);
  }

  private static Optional<List<Explained>> query(
      Connection connection,
      RecsInfo info,
      String table,
      String key,
      String other,
      String value,
      int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    String sql =
        "SELECT "
            + other
            + ", score, source, reason FROM "
            + table
            + " WHERE model = ? AND version = ? AND "
            + (value == null ? key + " IS NULL" : key + " = ?")
            + " ORDER BY rank";
    List<Explained> out = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(sql)) {
      s.setString(1, info.model());
      s.setLong(2, info.version());
      if (value != null) {
        s.setString(3, value);
      }
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Explained(rs.getString(1), rs.getDouble(2), rs.getString(3), rs.getString(4)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the stored lists: " + e.getMessage(), e);
    }
    return out.isEmpty() ? Optional.empty() : Optional.of(out.subList(0, Math.min(n, out.size())));
  }

  /** Provenance of the loaded lists. */
  public RecsInfo info() {
    return info;
  }

  /** Number of users with a list. */
  public int userCount() {
    return users.row.size() - (coldStart >= 0 ? 1 : 0);
  }

  /** Number of items with a similar-items list. */
  public int itemCount() {
    return similar.row.size();
  }

  /** Whether {@code userId} has a list. */
  public boolean knowsUser(String userId) {
    return userId != null && users.row.containsKey(userId);
  }

  /** The first {@code n} items of the user's list; empty when the user had no events. */
  public Optional<List<Explained>> forUser(String userId, int n) {
    Integer row = userId == null ? null : users.row.get(userId);
    return row == null ? Optional.empty() : Optional.of(users.list(row, n));
  }

  /** The first {@code n} items of the cold-start list (for users without events). */
  public List<Explained> coldStart(int n) {
    return coldStart < 0 ? List.of() : users.list(coldStart, n);
  }

  /** The first {@code n} items similar to {@code itemId}; empty when the item had no events. */
  public Optional<List<Explained>> similarTo(String itemId, int n) {
    Integer row = itemId == null ? null : similar.row.get(itemId);
    return row == null ? Optional.empty() : Optional.of(similar.list(row, n));
  }

  /** Lists keyed by user or item, flat: list r holds entries {@code start[r]..start[r+1]-1}. */
  private static final class Lists {
    final Map<String, Integer> row = new HashMap<>();
    int[] start = new int[16];
    String[] item = new String[64];
    double[] score = new double[64];
    String[] source = new String[64];
    String[] reason = new String[64];
    int rows;
    int size;

    static Lists read(
        Connection connection, String table, String key, RecsInfo info, Map<String, String> intern)
        throws SQLException {
      Lists lists = new Lists();
      String other = "user_id".equals(key) ? "item_id" : "similar_item_id";
      try (PreparedStatement s =
          connection.prepareStatement(
              "SELECT "
                  + key
                  + ", "
                  + other
                  + ", score, source, reason FROM "
                  + table
                  + " WHERE model = ? AND version = ? ORDER BY "
                  + key
                  + " NULLS FIRST, rank")) {
        s.setString(1, info.model());
        s.setLong(2, info.version());
        s.setFetchSize(10_000);
        try (ResultSet rs = s.executeQuery()) {
          String current = null;
          boolean first = true;
          while (rs.next()) {
            String k = rs.getString(1);
            if (first || !java.util.Objects.equals(k, current)) {
              lists.open(k);
              current = k;
              first = false;
            }
            lists.add(
                intern.computeIfAbsent(rs.getString(2), x -> x),
                rs.getDouble(3),
                intern.computeIfAbsent(rs.getString(4), x -> x),
                intern.computeIfAbsent(rs.getString(5), x -> x));
          }
        }
      }
      lists.start = Arrays.copyOf(lists.start, lists.rows + 1);
      lists.start[lists.rows] = lists.size;
      return lists;
    }

    private void open(String key) {
      if (rows + 1 >= start.length) {
        start = Arrays.copyOf(start, start.length * 2);
      }
      row.put(key, rows);
      start[rows++] = size;
    }

    private void add(String id, double value, String src, String why) {
      if (size == item.length) {
        int grown = item.length * 2;
        item = Arrays.copyOf(item, grown);
        score = Arrays.copyOf(score, grown);
        source = Arrays.copyOf(source, grown);
        reason = Arrays.copyOf(reason, grown);
      }
      item[size] = id;
      score[size] = value;
      source[size] = src;
      reason[size++] = why;
    }

    List<Explained> list(int r, int n) {
      if (n < 0) {
        throw new IllegalArgumentException("n must be >= 0, got " + n);
      }
      int from = start[r];
      int to = Math.min(start[r + 1], from + n);
      List<Explained> out = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        out.add(new Explained(item[i], score[i], source[i], reason[i]));
      }
      return out;
    }
  }
}
