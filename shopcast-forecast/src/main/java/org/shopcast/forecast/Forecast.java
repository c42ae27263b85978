package org.shopcast.forecast;

import java.util.Arrays;

/**
 * A forecast for the next {@code horizon} steps: point values and a central prediction interval.
 *
 * @param model the name of the model that produced it (for {@code auto}, the model chosen)
 * @param point the point forecasts, one per step ahead
 * @param lower the lower interval bounds
 * @param upper the upper interval bounds
 * @param level the interval's nominal coverage in (0, 1), e.g. 0.95
 */
public record Forecast(String model, double[] point, double[] lower, double[] upper, double level) {

  /** Validates that the three arrays have the same length and the level lies in (0, 1). */
  public Forecast {
    if (point.length != lower.length || point.length != upper.length) {
      throw new IllegalArgumentException(
          "point, lower and upper must have the same length, got "
              + point.length
              + ", "
              + lower.length
              + ", "
              + upper.length);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
    point = point.clone();
    lower = lower.clone();
    upper = upper.clone();
  }

  /** The number of steps ahead. */
  public int horizon() {
    return point.length;
  }

  @Override
  public double[] point() {
    return point.clone();
  }

  @Override
  public double[] lower() {
    return lower.clone();
  }

  @Override
  public double[] upper() {
    return upper.clone();
  }

  /** The same forecast under another model name. */
  public Forecast named(String name) {
    return new Forecast(name, point, lower, upper, level);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Forecast f
        && model.equals(f.model)
        && Arrays.equals(point, f.point)
        && Arrays.equals(lower, f.lower)
        && Arrays.equals(upper, f.upper)
        && level == f.level;
  }

  @Override
  public int hashCode() {
    return model.hashCode() * 31 + Arrays.hashCode(point);
  }

  @Override
  public String toString() {
    return model + Arrays.toString(point);
  }
}
