package org.shopcast.forecast.decompose;

/**
 * Classical decomposition by centred moving averages, as R's {@code stats::decompose}, and the
 * seasonality test of the M4 competition's benchmarks (Makridakis, Spiliotis &amp; Assimakopoulos
 * 2020, {@code Benchmarks and Evaluation.R}): a 90% test on the autocorrelation at lag {@code m}.
 * The M4 benchmarks (Naive2, Theta, SES...) divide the series by the multiplicative seasonal
 * indices when the test is significant and multiply the forecasts back.
 */
public final class Classical {
  private static final double TCRIT_90 = 1.645;

  private Classical() {}

  /**
   * The centred moving average of order {@code m} ({@code 2 x m} when m is even); NaN where the
   * window does not fit.
   */
  public static double[] trend(double[] y, int m) {
    int n = y.length;
    double[] t = new double[n];
    java.util.Arrays.fill(t, Double.NaN);
    int half = m / 2;
    for (int i = half; i + half < n; i++) {
      double s = 0;
      if (m % 2 == 0) {
        s += 0.5 * y[i - half] + 0.5 * y[i + half];
        for (int j = i - half + 1; j < i + half; j++) {
          s += y[j];
        }
      } else {
        for (int j = i - half; j <= i + half; j++) {
          s += y[j];
        }
      }
      t[i] = s / m;
    }
    return t;
  }

  /**
   * The {@code m} seasonal indices (phase 0 = the first observation), as {@code decompose}:
   * multiplicative indices average 1, additive ones average 0.
   */
  public static double[] seasonalIndices(double[] y, int m, boolean multiplicative) {
    if (y.length < 2 * m) {
      throw new IllegalArgumentException(
          "decomposition needs at least 2 periods (" + 2 * m + " values), got " + y.length);
    }
    double[] t = trend(y, m);
    double[] sum = new double[m];
    int[] count = new int[m];
    for (int i = 0; i < y.length; i++) {
      if (!Double.isNaN(t[i])) {
        sum[i % m] += multiplicative ? y[i] / t[i] : y[i] - t[i];
        count[i % m]++;
      }
    }
    double mean = 0;
    for (int k = 0; k < m; k++) {
      sum[k] /= count[k];
      mean += sum[k];
    }
    mean /= m;
    for (int k = 0; k < m; k++) {
      sum[k] = multiplicative ? sum[k] / mean : sum[k] - mean;
    }
    return sum;
  }

  /** The sample autocorrelations at lags 1..maxLag (as R's {@code acf}). */
  public static double[] acf(double[] y, int maxLag) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double c0 = 0;
    for (double v : y) {
      c0 += (v - mean) * (v - mean);
    }
    double[] r = new double[maxLag];
    for (int k = 1; k <= maxLag && k < n; k++) {
      double c = 0;
      for (int t = k; t < n; t++) {
        c += (y[t] - mean) * (y[t - k] - mean);
      }
      r[k - 1] = c0 == 0 ? 0 : c / c0;
    }
    return r;
  }

  /**
   * The M4 seasonality test: true when {@code m > 1}, the series holds at least 3 periods and
   * {@code |r_m| > 1.645 / sqrt(n) * sqrt(1 + 2 * sum_{k<m} r_k^2)}.
   */
  public static boolean isSeasonal(double[] y, int m) {
    if (m <= 1 || y.length < 3 * m) {
      return false;
    }
    double[] r = acf(y, m);
    double s = 1;
    for (int k = 0; k < m - 1; k++) {
      s += 2 * r[k] * r[k];
    }
    double limit = TCRIT_90 / Math.sqrt(y.length) * Math.sqrt(s);
    return Math.abs(r[m - 1]) > limit;
  }

  /**
   * The M4 benchmarks' seasonal adjustment: the multiplicative indices per observation phase when
   * {@link #isSeasonal} holds (and all values are positive), else null.
   */
  public static double[] m4Indices(double[] y, int m) {
    if (!isSeasonal(y, m)) {
      return null;
    }
    for (double v : y) {
      if (v <= 0) {
        return null;
      }
    }
    return seasonalIndices(y, m, true);
  }

  /** {@code y} divided by the indices ({@code y} itself when {@code indices} is null). */
  public static double[] adjust(double[] y, double[] indices) {
    if (indices == null) {
      return y.clone();
    }
    double[] out = new double[y.length];
    for (int i = 0; i < y.length; i++) {
      out[i] = y[i] / indices[i % indices.length];
    }
    return out;
  }

  /** Multiplies forecasts for steps {@code n+1..} back by the indices (in place) and returns it. */
  public static double[] reseason(double[] f, int n, double[] indices) {
    if (indices != null) {
      for (int h = 0; h < f.length; h++) {
        f[h] *= indices[(n + h) % indices.length];
      }
    }
    return f;
  }
}
