package org.shopcast.predict.btyd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Objects;

/**
 * Builds BTYD customer summaries from the purchases in an event store ({@code events} rows of type
 * {@code PURCHASE}); revenue is {@code quantity * price} (0 when the price is missing). Only
 * purchases on or before the cutoff day are read, so a summary for a cutoff never sees later
 * events.
 */
public final class StoreSummaries {
  private StoreSummaries() {}

  /**
   * The summary of the calibration period ending on {@code cutoff} (inclusive, UTC days).
   *
   * @param connection an open store connection
   * @param cutoff the last calibration day; null for the day of the last purchase in the store
   * @param unit unit of recency and age
   * @throws IllegalArgumentException when the store holds no purchases on or before the cutoff
   */
  public static CustomerSummary fromStore(
      Connection connection, LocalDate cutoff, SummaryUnit unit) {
    Objects.requireNonNull(unit, "unit");
    try {
      LocalDate last = cutoff == null ? lastPurchaseDay(connection) : cutoff;
      SummaryBuilder builder = new SummaryBuilder();
      String sql =
          "SELECT user_id, CAST(ts AS DATE) AS day,"
              + " sum(quantity * coalesce(CAST(price AS DOUBLE), 0)) AS amount"
              + " FROM events WHERE type = 'PURCHASE' AND ts < CAST(? AS DATE) + INTERVAL 1 DAY"
              + " GROUP BY user_id, day";
      try (PreparedStatement statement = connection.prepareStatement(sql)) {
        statement.setString(1, last.toString());
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            builder.add(
                rs.getString(1), LocalDate.parse(rs.getString(2)), Math.max(0, rs.getDouble(3)));
          }
        }
      }
      CustomerSummary summary = builder.build("store purchases to " + last, last, unit);
      if (summary.size() == 0) {
        throw new IllegalArgumentException(
            "the store has no purchases on or before " + last + " to build a summary from");
      }
      return summary;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read purchases from the store: " + e.getMessage(), e);
    }
  }

  private static LocalDate lastPurchaseDay(Connection connection) throws SQLException {
    try (PreparedStatement statement =
            connection.prepareStatement(
                "SELECT CAST(max(ts) AS DATE) FROM events WHERE type = 'PURCHASE'");
        ResultSet rs = statement.executeQuery()) {
      rs.next();
      String day = rs.getString(1);
      if (day == null) {
        throw new IllegalArgumentException("the store holds no PURCHASE events");
      }
      return LocalDate.parse(day);
    }
  }
}
