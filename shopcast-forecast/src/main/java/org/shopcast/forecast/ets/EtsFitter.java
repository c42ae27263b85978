package org.shopcast.forecast.ets;

import org.shopcast.forecast.decompose.Classical;
import org.shopcast.forecast.ets.EtsSpec.Trend;
import org.shopcast.forecast.internal.Minimizer;

/**
 * Maximum-likelihood fitting of one ETS model as R's {@code forecast::ets} does (Hyndman et al.
 * 2008, ch. 5): the concentrated likelihood {@code n log(SSE)} (plus {@code 2 sum log|mu_t|} for
 * multiplicative error) is minimised by Nelder-Mead over the smoothing parameters and the initial
 * level and slope, within R's "usual" bounds ({@code 1e-4 <= alpha <= 0.9999}, {@code beta <=
 * alpha}, {@code gamma <= 1 - alpha}, {@code 0.8 <= phi <= 0.98}). The initial seasonal states come
 * from R's heuristic (classical decomposition of the first periods) and are not re-optimised: a
 * simplification that keeps seasonal fits with {@code m = 24} fast.
 */
final class EtsFitter {
  private static final double LO = 1e-4;
  private static final double HI = 0.9999;
  private static final double PHI_LO = 0.8;
  private static final double PHI_HI = 0.98;
  private static final int MAX_EVAL = 2000;

  private EtsFitter() {}

  static EtsModel fit(double[] y, EtsSpec spec, int m) {
    int n = y.length;
    int period = spec.seasonal() ? m : 1;
    double[] seas0 = new double[period];
    double[] adj = y;
    if (spec.seasonal()) {
      double[] head = java.util.Arrays.copyOf(y, Math.min(n, 4 * m));
      seas0 = Classical.seasonalIndices(head, m, spec.season() == 'M');
      adj = new double[n];
      for (int t = 0; t < n; t++) {
        adj[t] = spec.season() == 'M' ? y[t] / seas0[t % m] : y[t] - seas0[t % m];
      }
    } else {
      java.util.Arrays.fill(seas0, spec.season() == 'M' ? 1 : 0);
    }
    // level and slope from a regression on the first values, as R's initstate()
    int k = Math.min(Math.max(10, 2 * period), n);
    double[] ls = regression(adj, k);
    boolean trend = spec.trend() != Trend.N;
    boolean damped = spec.trend() == Trend.Ad;
    double alpha0 = LO + 0.2 * (HI - LO) / period;
    double[] start = new double[6];
    double scale = Math.max(Math.abs(ls[0]), 1e-6);
    start[0] = alpha0;
    start[1] = trend ? 0.1 * alpha0 : 0;
    start[2] = spec.seasonal() ? 0.05 * (1 - alpha0) : 0;
    start[3] = damped ? 0.978 : 1;
    start[4] = trend ? ls[0] : meanOf(adj, Math.min(n, Math.max(period, 10)));
    start[5] = trend ? ls[1] : 0;
    boolean[] free = {true, trend, spec.seasonal(), damped, true, trend};
    double[] steps0 = {0.1, 0.01, 0.05, 0.02, 0.1 * scale, Math.max(Math.abs(ls[1]), 0.01 * scale)};
    int dim = 0;
    for (boolean b : free) {
      dim += b ? 1 : 0;
    }
    double[] x0 = new double[dim];
    double[] steps = new double[dim];
    for (int i = 0, j = 0; i < 6; i++) {
      if (free[i]) {
        x0[j] = start[i];
        steps[j++] = steps0[i];
      }
    }
    final double[] s0 = seas0;
    double[] best =
        Minimizer.minimize(
            p -> objective(y, spec, m, expand(p, free, start), s0), x0, steps, MAX_EVAL);
    double[] p = expand(best, free, start);
    EtsFilter f = new EtsFilter(spec, m, p[0], p[1], p[2], p[3]);
    double[] x = {p[4], p[5]};
    double[] seas = seas0.clone();
    double[] r = f.run(y, x, seas, null);
    if (r == null || !admissible(p, spec)) {
      return null;
    }
    int params = dim + 1 + (spec.seasonal() ? m - 1 : 0);
    double lik = n * Math.log(r[0]) + 2 * r[1];
    double logLik = -0.5 * lik;
    double sigma2 = r[0] / Math.max(n - params, 1);
    double[] seasOut = new double[period];
    for (int h = 0; h < period; h++) {
      seasOut[(n + h) % period] = seas[(n + h) % period];
    }
    return new EtsModel(
        spec, m, p[0], p[1], p[2], p[3], x[0], x[1], seasOut, n, sigma2, logLik, params);
  }

  private static double objective(double[] y, EtsSpec spec, int m, double[] p, double[] seas0) {
    if (!admissible(p, spec)) {
      return Double.POSITIVE_INFINITY;
    }
    EtsFilter f = new EtsFilter(spec, m, p[0], p[1], p[2], p[3]);
    double[] r = f.run(y, new double[] {p[4], p[5]}, seas0.clone(), null);
    if (r == null || !(r[0] > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return y.length * Math.log(r[0]) + 2 * r[1];
  }

  private static boolean admissible(double[] p, EtsSpec spec) {
    double a = p[0];
    if (a < LO || a > HI) {
      return false;
    }
    if (spec.trend() != Trend.N && (p[1] < LO || p[1] > a)) {
      return false;
    }
    if (spec.seasonal() && (p[2] < LO || p[2] > 1 - a)) {
      return false;
    }
    return spec.trend() != Trend.Ad || (p[3] >= PHI_LO && p[3] <= PHI_HI);
  }

  private static double[] expand(double[] x, boolean[] free, double[] start) {
    double[] p = start.clone();
    for (int i = 0, j = 0; i < free.length; i++) {
      if (free[i]) {
        p[i] = x[j++];
      }
    }
    return p;
  }

  private static double[] regression(double[] y, int k) {
    double mt = (k - 1) / 2.0;
    double my = meanOf(y, k);
    double sxy = 0;
    double sxx = 0;
    for (int t = 0; t < k; t++) {
      sxy += (t - mt) * (y[t] - my);
      sxx += (t - mt) * (t - mt);
    }
    double b = sxx == 0 ? 0 : sxy / sxx;
    // intercept at t = -1, i.e. the state before the first observation
    return new double[] {my - b * (mt + 1), b};
  }

  private static double meanOf(double[] y, int k) {
    double s = 0;
    for (int t = 0; t < k; t++) {
      s += y[t];
    }
    return s / k;
  }
}
