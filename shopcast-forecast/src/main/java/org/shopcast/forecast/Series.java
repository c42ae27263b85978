package org.shopcast.forecast;

import java.util.Arrays;
import org.shopcast.forecast.ForecastException.Problem;

/** Checks and prepares series before fitting; shared by every {@link Forecaster}. */
public final class Series {
  private Series() {}

  /**
   * Returns a copy of {@code y} with missing values (NaN) handled by {@code policy}.
   *
   * @throws ForecastException when values are missing and refused, all values are missing, or a
   *     value is infinite
   */
  public static double[] prepare(double[] y, MissingValues policy) {
    double[] out = y.clone();
    int first = -1;
    for (int i = 0; i < out.length; i++) {
      if (Double.isInfinite(out[i])) {
        throw new ForecastException(
            Problem.NotFinite, "value " + (i + 1) + ": expected a finite number, got " + out[i]);
      }
      if (Double.isNaN(out[i])) {
        if (policy == MissingValues.REFUSE) {
          throw new ForecastException(
              Problem.MissingValues,
              "value "
                  + (i + 1)
                  + ": expected a number, got a missing value (use interpolation to fill gaps)");
        }
      } else if (first < 0) {
        first = i;
      }
    }
    if (first < 0) {
      throw new ForecastException(
          Problem.MissingValues, "expected at least one value, got only missing values");
    }
    Arrays.fill(out, 0, first, out[first]);
    int last = first;
    for (int i = first + 1; i < out.length; i++) {
      if (!Double.isNaN(out[i])) {
        for (int j = last + 1; j < i; j++) {
          out[j] = out[last] + (out[i] - out[last]) * (j - last) / (i - last);
        }
        last = i;
      }
    }
    Arrays.fill(out, last + 1, out.length, out[last]);
    return out;
  }

  /** Checks the horizon and level arguments of {@link Forecaster#forecast}. */
  public static void checkArguments(int horizon, double level) {
    if (horizon < 1) {
      throw new IllegalArgumentException("horizon must be >= 1, got " + horizon);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("level must be in (0, 1), got " + level);
    }
  }

  /** Checks that {@code y} has at least {@code min} values, no NaN and no infinities. */
  public static void checkLength(double[] y, int min, String model) {
    if (y.length < min) {
      throw new ForecastException(
          Problem.TooShort,
          model + ": series too short: expected at least " + min + " values, got " + y.length);
    }
    for (int i = 0; i < y.length; i++) {
      if (!Double.isFinite(y[i])) {
        throw new ForecastException(
            Double.isNaN(y[i]) ? Problem.MissingValues : Problem.NotFinite,
            model + ": value " + (i + 1) + ": expected a finite number, got " + y[i]);
      }
    }
  }

  /** Refuses a series whose values are all equal. */
  public static void checkNotConstant(double[] y, String model) {
    if (isConstant(y)) {
      throw new ForecastException(
          Problem.Constant,
          model + ": expected a series that varies, got all values equal to " + y[0]);
    }
  }

  /** Refuses a series with a value &lt;= 0 (multiplicative models). */
  public static void checkPositive(double[] y, String model) {
    for (int i = 0; i < y.length; i++) {
      if (y[i] <= 0) {
        throw new ForecastException(
            Problem.NonPositive,
            model + ": value " + (i + 1) + ": expected a positive number, got " + y[i]);
      }
    }
  }

  /** Whether all values are equal. */
  public static boolean isConstant(double[] y) {
    for (double v : y) {
      if (v != y[0]) {
        return false;
      }
    }
    return true;
  }

  /** Whether every value is &gt; 0. */
  public static boolean isPositive(double[] y) {
    for (double v : y) {
      if (v <= 0) {
        return false;
      }
    }
    return true;
  }
}
