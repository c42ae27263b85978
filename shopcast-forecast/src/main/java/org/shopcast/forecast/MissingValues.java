package org.shopcast.forecast;

/** What to do with missing values (NaN) in a series. */
public enum MissingValues {
  /** Refuse the series with {@link ForecastException.Problem#MissingValues}. */
  REFUSE,
  /** Fill inner gaps by linear interpolation and edge gaps with the nearest value. */
  INTERPOLATE
}
