package org.shopcast.analytics.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs analysis SQL on the store and returns plain rows (numbers, strings, lists). */
public final class Sql {
  private Sql() {}

  /**
   * The rows of {@code sql}, each a map from column label to value: integers as {@code Long},
   * decimals and floats as {@code Double}, lists as {@code List}, anything else as its text.
   */
  public static List<Map<String, Object>> rows(Connection connection, String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      int n = meta.getColumnCount();
      List<Map<String, Object>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int c = 1; c <= n; c++) {
          row.put(meta.getColumnLabel(c), value(rs.getObject(c)));
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("analysis query failed: " + e.getMessage(), e);
    }
  }

  /** Runs statements that change the store (e.g. create a derived table), in order. */
  public static void execute(Connection connection, String... statements) {
    try (Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("analysis statement failed: " + e.getMessage(), e);
    }
  }

  /** The single value of a one-row, one-column query (null when no row). */
  public static Object scalar(Connection connection, String sql) {
    List<Map<String, Object>> rows = rows(connection, sql);
    return rows.isEmpty() ? null : rows.get(0).values().iterator().next();
  }

  /**
   * SQL for the local wall-clock time in {@code zone} of the UTC timestamp column {@code ts} (the
   * column itself for UTC).
   */
  public static String local(String ts, ZoneId zone) {
    if (zoneName(zone).equals("UTC")) {
      return ts;
    }
    return "timezone(" + literal(zoneName(zone)) + ", " + ts + " AT TIME ZONE 'UTC')";
  }

  /** The zone's name as DuckDB (ICU) knows it: region ids as they are, offsets as GMT+hh:mm. */
  static String zoneName(ZoneId zone) {
    ZoneId normal = zone.normalized();
    if (normal.equals(java.time.ZoneOffset.UTC)) {
      return "UTC";
    }
    return normal instanceof java.time.ZoneOffset ? "GMT" + normal.getId() : zone.getId();
  }

  /** A SQL string literal. */
  public static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static Object value(Object v) throws SQLException {
    if (v == null || v instanceof String || v instanceof Long || v instanceof Boolean) {
      return v;
    }
    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return ((Number) v).longValue();
    }
    if (v instanceof BigInteger big) {
      return big.longValueExact();
    }
    if (v instanceof BigDecimal || v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Array array) {
      Object[] items = (Object[]) array.getArray();
      List<Object> list = new ArrayList<>(items.length);
      for (Object item : items) {
        list.add(value(item));
      }
      return list;
    }
    if (v instanceof Object[] items) {
      List<Object> list = new ArrayList<>(items.length);
      for (Object item : Arrays.asList(items)) {
        list.add(value(item));
      }
      return list;
    }
    return v.toString();
  }
}
