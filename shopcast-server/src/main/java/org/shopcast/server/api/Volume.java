package org.shopcast.server.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Event counts by day and type over the last days of the store (counted back from its latest event,
 * so historical data shows too).
 *
 * @param days the days, oldest first, as ISO dates
 * @param rows one entry per day and type with events
 */
public record Volume(List<String> days, List<Row> rows) {
  /**
   * One count.
   *
   * @param day ISO date (UTC)
   * @param type event type
   * @param events events of that type that day
   */
  public record Row(String day, String type, long events) {}

  static Volume load(Connection connection, int days) throws SQLException {
    List<Row> rows = new ArrayList<>();
    List<String> dayList = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "WITH m AS (SELECT max(ts)::DATE AS last FROM events) SELECT"
                    + " strftime(ts::DATE, '%Y-%m-%d'), type, count(*) FROM events, m WHERE"
                    + " ts::DATE > m.last - INTERVAL "
                    + days
                    + " DAY GROUP BY 1, 2 ORDER BY 1, 2")) {
      while (rs.next()) {
        Row row = new Row(rs.getString(1), rs.getString(2), rs.getLong(3));
        rows.add(row);
        if (dayList.isEmpty() || !dayList.get(dayList.size() - 1).equals(row.day())) {
          dayList.add(row.day());
        }
      }
    }
    return new Volume(List.copyOf(dayList), List.copyOf(rows));
  }
}
