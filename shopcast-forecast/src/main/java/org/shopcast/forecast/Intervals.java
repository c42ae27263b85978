package org.shopcast.forecast;

import org.hipparchus.distribution.continuous.NormalDistribution;

/** Gaussian prediction intervals from point forecasts and forecast standard deviations. */
public final class Intervals {
  private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

  private Intervals() {}

  /** The standard normal quantile for a central interval of coverage {@code level}. */
  public static double z(double level) {
    return NORMAL.inverseCumulativeProbability(0.5 + level / 2);
  }

  /** A forecast with bounds {@code point ± z(level) * sd}. */
  public static Forecast normal(String model, double[] point, double[] sd, double level) {
    double z = z(level);
    double[] lo = new double[point.length];
    double[] hi = new double[point.length];
    for (int i = 0; i < point.length; i++) {
      lo[i] = point[i] - z * sd[i];
      hi[i] = point[i] + z * sd[i];
    }
    return new Forecast(model, point, lo, hi, level);
  }
}
