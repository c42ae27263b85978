package org.shopcast.forecast.theta;

import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Intervals;
import org.shopcast.forecast.Series;
import org.shopcast.forecast.decompose.Classical;
import org.shopcast.forecast.internal.Minimizer;

/**
 * The Theta method in the state-space form of Fiorucci, Pellegrini, Louzada, Petropoulos &amp;
 * Koehler (2016), "Models for optimising the theta method and their relationship to state space
 * models", IJF 32(4): {@code mu_t = l_{t-1} + (1 - 1/theta) [(1-alpha)^{t-1} A_n + (1 -
 * (1-alpha)^t) / alpha B_n]}, {@code l_t = alpha y_t + (1 - alpha) l_{t-1}}, with {@code A_n, B_n}
 * the intercept and slope of the least-squares line. With {@code theta = 2} this is the standard
 * Theta method of Assimakopoulos &amp; Nikolopoulos (2000) (SES with drift half the slope, Hyndman
 * &amp; Billah 2003); the optimised model (OTM) also estimates {@code theta >= 1}. As in the M4
 * benchmarks, a series that passes the M4 seasonality test is divided by its classical
 * multiplicative indices first. Intervals: {@code sd_h = sigma sqrt(1 + (h-1) alpha^2)}. Strong on
 * yearly/quarterly/monthly data with trends; a fair baseline for everything else.
 */
public final class Theta implements Forecaster {
  private static final double THETA_MAX = 20;
  private final int m;
  private final boolean optimised;

  private Theta(int m, boolean optimised) {
    if (m < 1) {
      throw new IllegalArgumentException("season period must be >= 1, got " + m);
    }
    this.m = m;
    this.optimised = optimised;
  }

  /** The standard Theta method ({@code theta = 2}). */
  public static Theta standard(int m) {
    return new Theta(m, false);
  }

  /** The optimised Theta model (OTM), theta estimated. */
  public static Theta optimised(int m) {
    return new Theta(m, true);
  }

  @Override
  public String name() {
    return optimised ? "otm" : "theta";
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    Series.checkArguments(horizon, level);
    Series.checkLength(y, 4, name());
    double[] idx = Classical.m4Indices(y, m);
    double[] x = Classical.adjust(y, idx);
    int n = x.length;
    double[] ab = line(x);
    double[] start = {x[0], 0.5, 2};
    double[] steps = {Math.max(Math.abs(x[0]) * 0.1, 1e-3), 0.1, 0.5};
    double[] p;
    if (optimised) {
      p = Minimizer.minimize(q -> sse(x, ab, q[0], q[1], q[2]), start, steps, 2000);
    } else {
      double[] q2 =
          Minimizer.minimize(
              q -> sse(x, ab, q[0], q[1], 2),
              new double[] {start[0], start[1]},
              new double[] {steps[0], steps[1]},
              2000);
      p = new double[] {q2[0], q2[1], 2};
    }
    double alpha = p[1];
    double theta = p[2];
    double l = p[0];
    double sse = 0;
    for (int t = 1; t <= n; t++) {
      double mu = mean(l, t, alpha, theta, ab);
      sse += (x[t - 1] - mu) * (x[t - 1] - mu);
      l = alpha * x[t - 1] + (1 - alpha) * l;
    }
    double sigma = Math.sqrt(sse / Math.max(n - (optimised ? 3 : 2), 1));
    double[] point = new double[horizon];
    double[] sd = new double[horizon];
    double decay = Math.pow(1 - alpha, n);
    for (int h = 1; h <= horizon; h++) {
      point[h - 1] =
          l
              + (1 - 1 / theta)
                  * (decay * ab[0] + ((h - 1) + (1 - decay * (1 - alpha)) / alpha) * ab[1]);
      sd[h - 1] = sigma * Math.sqrt(1 + (h - 1) * alpha * alpha);
    }
    Forecast f = Intervals.normal(name(), point, sd, level);
    return new Forecast(
        name(),
        Classical.reseason(f.point(), n, idx),
        Classical.reseason(f.lower(), n, idx),
        Classical.reseason(f.upper(), n, idx),
        level);
  }

  private static double sse(double[] x, double[] ab, double l0, double alpha, double theta) {
    if (alpha < 0.01 || alpha > 0.99 || theta < 1 || theta > THETA_MAX) {
      return Double.POSITIVE_INFINITY;
    }
    double l = l0;
    double s = 0;
    for (int t = 1; t <= x.length; t++) {
      double e = x[t - 1] - mean(l, t, alpha, theta, ab);
      s += e * e;
      l = alpha * x[t - 1] + (1 - alpha) * l;
    }
    return s;
  }

  private static double mean(double l, int t, double alpha, double theta, double[] ab) {
    double d = Math.pow(1 - alpha, t - 1);
    return l + (1 - 1 / theta) * (d * ab[0] + (1 - d * (1 - alpha)) / alpha * ab[1]);
  }

  /** Intercept (at t = 0) and slope of the least-squares line through {@code (t, x_t)}, t=1..n. */
  static double[] line(double[] x) {
    int n = x.length;
    double mt = (n + 1) / 2.0;
    double mx = 0;
    for (double v : x) {
      mx += v;
    }
    mx /= n;
    double sxy = 0;
    double sxx = 0;
    for (int t = 1; t <= n; t++) {
      sxy += (t - mt) * (x[t - 1] - mx);
      sxx += (t - mt) * (t - mt);
    }
    double b = sxy / sxx;
    return new double[] {mx - b * mt, b};
  }
}
