package org.shopcast.data.quality;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small JDBC helpers for the checks' read-only SQL. */
final class Queries {
  private Queries() {}

  /** The first row's columns as doubles, NaN for SQL NULL. */
  static double[] row(Connection connection, String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      double[] values = new double[columns];
      if (!rs.next()) {
        java.util.Arrays.fill(values, Double.NaN);
        return values;
      }
      for (int i = 0; i < columns; i++) {
        double v = rs.getDouble(i + 1);
        values[i] = rs.wasNull() ? Double.NaN : v;
      }
      return values;
    }
  }

  /** Every row's first column (as a string) mapped to its second (as a long), in result order. */
  static Map<String, Long> counts(Connection connection, String sql) throws SQLException {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
    }
    return counts;
  }

  /** Every row as strings. */
  static List<String[]> rows(Connection connection, String sql) throws SQLException {
    List<String[]> rows = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        String[] row = new String[columns];
        for (int i = 0; i < columns; i++) {
          row[i] = rs.getString(i + 1);
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** {@code part / whole}, or NaN when {@code whole} is zero or NaN. */
  static double share(double part, double whole) {
    return whole > 0 ? part / whole : Double.NaN;
  }

  /** A share as a percentage with two decimals. */
  static String percent(double share) {
    return String.format(java.util.Locale.ROOT, "%.2f%%", share * 100);
  }
}
