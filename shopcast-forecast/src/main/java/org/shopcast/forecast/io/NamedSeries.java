package org.shopcast.forecast.io;

/**
 * A series with its id, oldest value first; missing values are NaN.
 *
 * @param id the series id as in the file
 * @param values the observations
 */
public record NamedSeries(String id, double[] values) {
  /** Copies the values. */
  public NamedSeries {
    values = values.clone();
  }

  @Override
  public double[] values() {
    return values.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NamedSeries s
        && id.equals(s.id)
        && java.util.Arrays.equals(values, s.values);
  }

  @Override
  public int hashCode() {
    return id.hashCode();
  }

  @Override
  public String toString() {
    return id + "(" + values.length + " values)";
  }
}
