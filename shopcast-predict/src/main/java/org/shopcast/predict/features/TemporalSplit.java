package org.shopcast.predict.features;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The cutoffs of a temporal evaluation: the test cutoff is the last whole horizon before the end of
 * the data (the day after the last event), the validation cutoff one horizon earlier, and the
 * training cutoffs one horizon apart before that, so no label window of training or validation rows
 * reaches past the next split's cutoff.
 *
 * @param train training cutoffs, oldest first
 * @param validation the validation cutoff (early stopping)
 * @param test the holdout cutoff
 * @param horizonDays label window length in days
 */
public record TemporalSplit(
    List<Instant> train, Instant validation, Instant test, int horizonDays) {

  /** Validates the order of the cutoffs. */
  public TemporalSplit {
    train = List.copyOf(train);
    Objects.requireNonNull(validation, "validation");
    Objects.requireNonNull(test, "test");
    if (train.isEmpty()) {
      throw new IllegalArgumentException("train cutoffs must not be empty");
    }
    Duration horizon = Duration.ofDays(horizonDays);
    for (Instant t : train) {
      if (t.plus(horizon).isAfter(validation)) {
        throw new IllegalArgumentException(
            "train cutoff " + t + " + horizon must not pass validation cutoff " + validation);
      }
    }
    if (validation.plus(horizon).isAfter(test)) {
      throw new IllegalArgumentException(
          "validation cutoff " + validation + " + horizon must not pass test cutoff " + test);
    }
  }

  /**
   * Plans the split on the store's data.
   *
   * @param trainCutoffs how many training cutoffs (at least 1)
   * @throws IllegalArgumentException when the data spans too few horizons
   */
  public static TemporalSplit plan(Connection connection, int horizonDays, int trainCutoffs) {
    if (horizonDays < 1) {
      throw new IllegalArgumentException("horizonDays must be >= 1, got " + horizonDays);
    }
    if (trainCutoffs < 1) {
      throw new IllegalArgumentException("trainCutoffs must be >= 1, got " + trainCutoffs);
    }
    LocalDate first;
    LocalDate last;
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery(
                "SELECT CAST(min(ts) AS DATE)::VARCHAR, CAST(max(ts) AS DATE)::VARCHAR"
                    + " FROM events")) {
      rs.next();
      if (rs.getString(1) == null) {
        throw new IllegalArgumentException("the store holds no events to plan cutoffs on");
      }
      first = LocalDate.parse(rs.getString(1));
      last = LocalDate.parse(rs.getString(2));
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the store's time range: " + e.getMessage(), e);
    }
    LocalDate test = last.plusDays(1).minusDays(horizonDays);
    LocalDate validation = test.minusDays(horizonDays);
    List<Instant> train = new ArrayList<>();
    for (int k = trainCutoffs; k >= 1; k--) {
      LocalDate cutoff = validation.minusDays((long) k * horizonDays);
      if (cutoff.isAfter(first)) {
        train.add(cutoff.atStartOfDay().toInstant(ZoneOffset.UTC));
      }
    }
    if (train.isEmpty()) {
      throw new IllegalArgumentException(
          "the data ("
              + first
              + " .. "
              + last
              + ") spans too few "
              + horizonDays
              + "-day horizons for a train, validation and test cutoff; use a shorter horizon");
    }
    return new TemporalSplit(
        train,
        validation.atStartOfDay().toInstant(ZoneOffset.UTC),
        test.atStartOfDay().toInstant(ZoneOffset.UTC),
        horizonDays);
  }
}
