package org.shopcast.forecast.baseline;

import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Intervals;
import org.shopcast.forecast.Series;
import org.shopcast.forecast.decompose.Classical;

/**
 * The simple benchmark methods of Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and
 * Practice</i> (3rd ed., sections 5.2 and 5.5, whose interval formulas are used here, with the
 * residual standard deviation {@code sigma}), plus Naive2 of the M4 competition: naive on the
 * series divided by its classical multiplicative seasonal indices when the M4 seasonality test is
 * significant. Use them as yardsticks: a model that cannot beat them is not worth its cost.
 */
public final class Baseline implements Forecaster {

  /** The method. */
  public enum Kind {
    /** Last value; {@code sd_h = sigma sqrt(h)}. */
    NAIVE,
    /** Value one season ago; {@code sd_h = sigma sqrt(floor((h-1)/m) + 1)}. */
    SNAIVE,
    /** Last value plus the average change; {@code sd_h = sigma sqrt(h (1 + h/(n-1)))}. */
    DRIFT,
    /** Mean of the last {@code window} values; {@code sd_h = sigma sqrt(1 + 1/window)}. */
    MOVING_AVERAGE,
    /** Mean of all values; {@code sd_h = sigma sqrt(1 + 1/n)}. */
    HISTORIC_AVERAGE,
    /** M4 Naive2: naive on the seasonally adjusted series, reseasonalised. */
    NAIVE2
  }

  private final Kind kind;
  private final int m;
  private final int window;

  private Baseline(Kind kind, int m, int window) {
    if (m < 1) {
      throw new IllegalArgumentException("season period must be >= 1, got " + m);
    }
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    this.kind = kind;
    this.m = m;
    this.window = window;
  }

  /** The naive method. */
  public static Baseline naive() {
    return new Baseline(Kind.NAIVE, 1, 1);
  }

  /** The seasonal naive method with period {@code m}. */
  public static Baseline seasonalNaive(int m) {
    return new Baseline(Kind.SNAIVE, m, 1);
  }

  /** The drift method. */
  public static Baseline drift() {
    return new Baseline(Kind.DRIFT, 1, 1);
  }

  /** The mean of the last {@code window} values. */
  public static Baseline movingAverage(int window) {
    return new Baseline(Kind.MOVING_AVERAGE, 1, window);
  }

  /** The mean of the whole history. */
  public static Baseline historicAverage() {
    return new Baseline(Kind.HISTORIC_AVERAGE, 1, 1);
  }

  /** M4 Naive2 with season period {@code m} (1 = no adjustment). */
  public static Baseline naive2(int m) {
    return new Baseline(Kind.NAIVE2, m, 1);
  }

  @Override
  public String name() {
    return switch (kind) {
      case NAIVE -> "naive";
      case SNAIVE -> "snaive";
      case DRIFT -> "drift";
      case MOVING_AVERAGE -> "ma";
      case HISTORIC_AVERAGE -> "mean";
      case NAIVE2 -> "naive2";
    };
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    Series.checkArguments(horizon, level);
    int n = y.length;
    double[] point = new double[horizon];
    double[] sd = new double[horizon];
    switch (kind) {
      case NAIVE -> {
        Series.checkLength(y, 2, name());
        double sigma = Math.sqrt(sumSquaredDiffs(y, 1, 0) / (n - 1));
        for (int h = 0; h < horizon; h++) {
          point[h] = y[n - 1];
          sd[h] = sigma * Math.sqrt(h + 1.0);
        }
      }
      case SNAIVE -> {
        Series.checkLength(y, m + 1, name());
        double sigma = Math.sqrt(sumSquaredDiffs(y, m, 0) / (n - m));
        for (int h = 0; h < horizon; h++) {
          point[h] = y[n - m + h % m];
          sd[h] = sigma * Math.sqrt(h / m + 1.0);
        }
      }
      case DRIFT -> {
        Series.checkLength(y, 3, name());
        double b = (y[n - 1] - y[0]) / (n - 1);
        double sigma = Math.sqrt(sumSquaredDiffs(y, 1, b) / (n - 2));
        for (int h = 0; h < horizon; h++) {
          int k = h + 1;
          point[h] = y[n - 1] + k * b;
          sd[h] = sigma * Math.sqrt(k * (1 + (double) k / (n - 1)));
        }
      }
      case MOVING_AVERAGE -> movingAverage(y, point, sd);
      case HISTORIC_AVERAGE -> {
        Series.checkLength(y, 2, name());
        double mean = mean(y, 0, n);
        double ss = 0;
        for (double v : y) {
          ss += (v - mean) * (v - mean);
        }
        double sigma = Math.sqrt(ss / (n - 1));
        java.util.Arrays.fill(point, mean);
        java.util.Arrays.fill(sd, sigma * Math.sqrt(1 + 1.0 / n));
      }
      case NAIVE2 -> {
        return naive2(y, horizon, level);
      }
    }
    return Intervals.normal(name(), point, sd, level);
  }

  private void movingAverage(double[] y, double[] point, double[] sd) {
    int n = y.length;
    Series.checkLength(y, window + 1, name());
    double ss = 0;
    for (int t = window; t < n; t++) {
      double e = y[t] - mean(y, t - window, t);
      ss += e * e;
    }
    double sigma = Math.sqrt(ss / (n - window));
    java.util.Arrays.fill(point, mean(y, n - window, n));
    java.util.Arrays.fill(sd, sigma * Math.sqrt(1 + 1.0 / window));
  }

  private Forecast naive2(double[] y, int horizon, double level) {
    Series.checkLength(y, 2, name());
    double[] idx = Classical.m4Indices(y, m);
    double[] adj = Classical.adjust(y, idx);
    Forecast f = naive().forecast(adj, horizon, level);
    int n = y.length;
    return new Forecast(
        name(),
        Classical.reseason(f.point(), n, idx),
        Classical.reseason(f.lower(), n, idx),
        Classical.reseason(f.upper(), n, idx),
        level);
  }

  private static double sumSquaredDiffs(double[] y, int lag, double drift) {
    double s = 0;
    for (int t = lag; t < y.length; t++) {
      double e = y[t] - y[t - lag] - drift;
      s += e * e;
    }
    return s;
  }

  private static double mean(double[] y, int from, int to) {
    double s = 0;
    for (int i = from; i < to; i++) {
      s += y[i];
    }
    return s / (to - from);
  }
}
