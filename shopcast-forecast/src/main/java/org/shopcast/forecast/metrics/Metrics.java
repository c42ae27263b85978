package org.shopcast.forecast.metrics;

/**
 * Accuracy of forecasts {@code f} against actuals {@code y} over the same steps. Definitions follow
 * Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and Practice</i> (3rd ed., ch. 5.8) and,
 * for sMAPE and MASE, the M4 competition's {@code Benchmarks and Evaluation.R}.
 */
public final class Metrics {
  private Metrics() {}

  /** Mean squared error. */
  public static double mse(double[] y, double[] f) {
    check(y, f);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += (y[i] - f[i]) * (y[i] - f[i]);
    }
    return s / y.length;
  }

  /** Root mean squared error. */
  public static double rmse(double[] y, double[] f) {
    return Math.sqrt(mse(y, f));
  }

  /** Mean absolute error. */
  public static double mae(double[] y, double[] f) {
    check(y, f);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += Math.abs(y[i] - f[i]);
    }
    return s / y.length;
  }

  /** Mean absolute percentage error, in percent: {@code 100 * mean(|y - f| / |y|)}. */
  public static double mape(double[] y, double[] f) {
    check(y, f);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      s += Math.abs(y[i] - f[i]) / Math.abs(y[i]);
    }
    return 100 * s / y.length;
  }

  /**
   * Symmetric MAPE as in M4, in percent: {@code mean(200 |y - f| / (|y| + |f|))}; a step with
   * {@code y = f = 0} counts as 0.
   */
  public static double smape(double[] y, double[] f) {
    check(y, f);
    double s = 0;
    for (int i = 0; i < y.length; i++) {
      double d = Math.abs(y[i]) + Math.abs(f[i]);
      s += d == 0 ? 0 : 200 * Math.abs(y[i] - f[i]) / d;
    }
    return s / y.length;
  }

  /**
   * Mean absolute scaled error (Hyndman &amp; Koehler 2006): MAE divided by the in-sample MAE of
   * the seasonal naive method with period {@code m} on {@code insample} ({@code m = 1}: naive).
   */
  public static double mase(double[] insample, double[] y, double[] f, int m) {
    return mae(y, f) / scale(insample, m);
  }

  /** The MASE denominator: {@code mean(|x_t - x_{t-m}|)} over {@code t > m}. */
  public static double scale(double[] insample, int m) {
    if (m < 1) {
      throw new IllegalArgumentException("season period m must be >= 1, got " + m);
    }
    if (insample.length <= m) {
      throw new IllegalArgumentException(
          "MASE needs more than m = " + m + " in-sample values, got " + insample.length);
    }
    double s = 0;
    for (int t = m; t < insample.length; t++) {
      s += Math.abs(insample[t] - insample[t - m]);
    }
    return s / (insample.length - m);
  }

  /** Coefficient of determination over the forecast steps: {@code 1 - SSE / SST}. */
  public static double r2(double[] y, double[] f) {
    check(y, f);
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= y.length;
    double sse = 0;
    double sst = 0;
    for (int i = 0; i < y.length; i++) {
      sse += (y[i] - f[i]) * (y[i] - f[i]);
      sst += (y[i] - mean) * (y[i] - mean);
    }
    return 1 - sse / sst;
  }

  /** The share of actuals inside {@code [lower, upper]} (interval coverage, 0..1). */
  public static double coverage(double[] y, double[] lower, double[] upper) {
    check(y, lower);
    check(y, upper);
    int in = 0;
    for (int i = 0; i < y.length; i++) {
      if (y[i] >= lower[i] && y[i] <= upper[i]) {
        in++;
      }
    }
    return (double) in / y.length;
  }

  /**
   * Overall weighted average of M4: {@code (sMAPE / sMAPE_Naive2 + MASE / MASE_Naive2) / 2}, each
   * metric averaged over the series of a set first.
   */
  public static double owa(double smape, double mase, double smapeNaive2, double maseNaive2) {
    return (smape / smapeNaive2 + mase / maseNaive2) / 2;
  }

  private static void check(double[] y, double[] f) {
    if (y.length != f.length || y.length == 0) {
      throw new IllegalArgumentException(
          "actuals and forecasts must have the same non-zero length, got "
              + y.length
              + " and "
              + f.length);
    }
  }
}
