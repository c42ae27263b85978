package org.shopcast.forecast.regression;

import java.time.LocalDateTime;
import java.util.List;

/**
 * What a {@link LinearRegression} knows besides the series, for the history and the horizon
 * together ({@code n + horizon} rows, oldest first).
 *
 * @param times the start of every bucket (history then horizon), for the calendar terms; or null
 * @param dayOfWeek whether to add day-of-week dummies (needs {@code times})
 * @param month whether to add month dummies (needs {@code times})
 * @param names the names of the external regressors (e.g. {@code promo}, {@code holiday})
 * @param values one row per bucket, one column per name
 */
public record Covariates(
    List<LocalDateTime> times,
    boolean dayOfWeek,
    boolean month,
    List<String> names,
    List<double[]> values) {

  /** No calendar terms and no regressors. */
  public static final Covariates NONE = new Covariates(null, false, false, List.of(), List.of());

  /** Checks that the calendar terms have times and the values have one column per name. */
  public Covariates {
    if ((dayOfWeek || month) && times == null) {
      throw new IllegalArgumentException("calendar terms need the bucket times");
    }
    names = List.copyOf(names);
    values = values.stream().map(double[]::clone).toList();
    for (double[] row : values) {
      if (row.length != names.size()) {
        throw new IllegalArgumentException(
            "every regressor row needs " + names.size() + " values, got " + row.length);
      }
    }
    times = times == null ? null : List.copyOf(times);
  }

  /** The number of rows these covariates cover, or -1 when they have none. */
  int rows() {
    if (times != null) {
      return times.size();
    }
    return names.isEmpty() ? -1 : values.size();
  }
}
