package org.shopcast.forecast.arima;

import org.shopcast.forecast.mstl.Mstl;

/**
 * Choosing the orders of differencing as R's {@code forecast::ndiffs} and {@code nsdiffs}: the KPSS
 * test of Kwiatkowski, Phillips, Schmidt &amp; Shin (1992) for level stationarity (Bartlett window
 * with {@code trunc(3 sqrt(n) / 13)} lags as R's {@code ndiffs}, 5% critical value 0.463) for
 * {@code d}, and the seasonal strength {@code F_S = max(0, 1 - var(R) / var(S + R))} of Wang, Smith
 * &amp; Hyndman (2006) with threshold 0.64 for {@code D} ({@code seasonal.test = "seas"}), from the
 * STL decomposition of R's {@code mstl} (see {@link Mstl}).
 */
public final class UnitRoot {
  /** The KPSS 5% critical value for the level-stationarity test. */
  public static final double KPSS_CRITICAL_5 = 0.463;

  private UnitRoot() {}

  /** The KPSS level-stationarity statistic. */
  public static double kpss(double[] y) {
    int n = y.length;
    double mean = 0;
    for (double v : y) {
      mean += v;
    }
    mean /= n;
    double[] e = new double[n];
    double s = 0;
    double eta = 0;
    for (int t = 0; t < n; t++) {
      e[t] = y[t] - mean;
      s += e[t];
      eta += s * s;
    }
    int lags = (int) Math.floor(3 * Math.sqrt(n) / 13);
    double s2 = 0;
    for (double v : e) {
      s2 += v * v;
    }
    s2 /= n;
    for (int l = 1; l <= lags; l++) {
      double c = 0;
      for (int t = l; t < n; t++) {
        c += e[t] * e[t - l];
      }
      s2 += 2.0 * (1 - l / (lags + 1.0)) * c / n;
    }
    return s2 <= 0 ? 0 : eta / ((double) n * n * s2);
  }

  /** The number of first differences (0..maxD) after which KPSS no longer rejects. */
  public static int ndiffs(double[] y, int maxD) {
    double[] x = y;
    for (int d = 0; d < maxD; d++) {
      if (x.length < 4 || org.shopcast.forecast.Series.isConstant(x) || kpss(x) < KPSS_CRITICAL_5) {
        return d;
      }
      x = Differencing.diff(x, 1);
    }
    return maxD;
  }

  /** The seasonal strength of {@code y} at period {@code m} (0 when too short). */
  public static double seasonalStrength(double[] y, int m) {
    if (m <= 1 || Mstl.usablePeriods(new int[] {m}, y.length).length == 0) {
      return 0;
    }
    Mstl.Decomposition dec = Mstl.decompose(y, new int[] {m});
    double[] r = dec.remainder();
    double[] s = dec.seasonal()[0];
    double[] sr = new double[r.length];
    for (int t = 0; t < r.length; t++) {
      sr[t] = s[t] + r[t];
    }
    double vs = variance(sr, sr.length);
    return vs == 0 ? 0 : Math.max(0, Math.min(1, 1 - variance(r, r.length) / vs));
  }

  /** The number of seasonal differences (0 or 1): 1 when the seasonal strength is >= 0.64. */
  public static int nsdiffs(double[] y, int m) {
    return seasonalStrength(y, m) >= 0.64 ? 1 : 0;
  }

  private static double variance(double[] x, int k) {
    double mean = 0;
    for (int i = 0; i < k; i++) {
      mean += x[i];
    }
    mean /= k;
    double s = 0;
    for (int i = 0; i < k; i++) {
      s += (x[i] - mean) * (x[i] - mean);
    }
    return s / (k - 1);
  }
}
