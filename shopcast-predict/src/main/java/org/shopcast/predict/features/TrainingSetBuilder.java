package org.shopcast.predict.features;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Builds point-in-time training sets from the event store in one DuckDB query: for each cutoff T,
 * the features of every user with an event before T are aggregated from the events with {@code ts <
 * T} only (recency, tenure, orders, purchase days, monetary totals and windows, average order
 * value, active days, sessions, per-type counts in the last 1/7/30 days, days since the last cart,
 * cart adds of the last 30 days not followed by a purchase of the item), and the labels from {@code
 * T <= ts < T + H} (bought, spend, any activity). Several cutoffs stack into one set.
 */
public final class TrainingSetBuilder {
  private static final int LABEL_COLUMNS = 5;

  private TrainingSetBuilder() {}

  /**
   * Builds the rows for {@code cutoffs} with a label window of {@code horizonDays} days.
   *
   * @throws IllegalArgumentException when no cutoff is given or the horizon is below 1
   */
  public static TrainingSet build(Connection connection, List<Instant> cutoffs, int horizonDays) {
    return build(connection, cutoffs, horizonDays, null);
  }

  /**
   * Builds the rows of the users in {@code only} (null: every user), e.g. to score a few users on
   * request; each row equals that user's row of the unrestricted set.
   *
   * @throws IllegalArgumentException when no cutoff is given or the horizon is below 1
   */
  public static TrainingSet build(
      Connection connection, List<Instant> cutoffs, int horizonDays, Collection<String> only) {
    if (cutoffs.isEmpty()) {
      throw new IllegalArgumentException("cutoffs must not be empty");
    }
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be >= 1, got " + horizonDays);
    }
    String sql = FeatureSql.query(cutoffs, horizonDays, only);
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int c = LABEL_COLUMNS + 1; c <= meta.getColumnCount(); c++) {
        names.add(meta.getColumnLabel(c));
      }
      List<String> users = new ArrayList<>();
      List<Instant> rowCutoffs = new ArrayList<>();
      List<double[]> features = new ArrayList<>();
      List<boolean[]> flags = new ArrayList<>();
      List<Double> spend = new ArrayList<>();
      while (rs.next()) {
        Timestamp cutoff = rs.getTimestamp(1);
        rowCutoffs.add(cutoff.toLocalDateTime().toInstant(ZoneOffset.UTC));
        users.add(rs.getString(2));
        flags.add(new boolean[] {rs.getBoolean(3), rs.getBoolean(5)});
        spend.add(rs.getDouble(4));
        double[] row = new double[names.size()];
        for (int c = 0; c < row.length; c++) {
          row[c] = rs.getDouble(LABEL_COLUMNS + 1 + c);
        }
        features.add(row);
      }
      int n = users.size();
      boolean[] bought = new boolean[n];
      boolean[] active = new boolean[n];
      double[] spent = new double[n];
      for (int i = 0; i < n; i++) {
        bought[i] = flags.get(i)[0];
        active[i] = flags.get(i)[1];
        spent[i] = spend.get(i);
      }
      return new TrainingSet(
          names,
          users.toArray(new String[0]),
          rowCutoffs.toArray(new Instant[0]),
          features.toArray(new double[0][]),
          bought,
          spent,
          active,
          horizonDays);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot build the training set: " + e.getMessage(), e);
    }
  }
}
