package org.shopcast.forecast.ets;

import org.shopcast.forecast.ets.EtsSpec.Trend;

/**
 * Maximum-likelihood fitting of one ETS model as R's {@code forecast::ets} 8.20 does (Hyndman et
 * al. 2008, ch. 5): the concentrated likelihood {@code n log(SSE)} (plus {@code 2 sum log|mu_t|}
 * for multiplicative error) is minimised by Nelder-Mead over the smoothing parameters, {@code phi}
 * and the whole initial state: level, slope and {@code m - 1} seasonal states (the last one makes
 * the seasonal states sum to 0, or to {@code m} when multiplicative). The parameters must lie in
 * both R's usual bounds and the admissible region ({@link EtsBounds}); multiplicative seasonal
 * states must stay non-negative.
 *
 * <p>Starting values are R's ({@code initparam} and {@code initstate}): {@code alpha = 1e-4 + 0.2
 * (0.9999 - 1e-4) / m}, {@code beta = 0.1 alpha}, {@code gamma = 0.05 (1 - alpha)}, {@code phi =
 * 0.978}; seasonal states from a classical decomposition of the whole series (R 8.20's {@code
 * decompose(y)}; R fits a Fourier regression instead below {@code 3m} values), level and slope from
 * a regression on the first {@code max(10, 2m)} seasonally adjusted values, all computed with R's
 * arithmetic to the last bit ({@link RStart}: the search path, and so the fit, depends on it). The
 * first simplex moves every coordinate by the same step, a tenth of the largest starting value (as
 * R's {@code nmmin}), with at most 2,000 evaluations.
 */
final class EtsFitter {
  private static final int MAX_EVAL = 2000;

  private EtsFitter() {}

  /** The model's free parameters and how they map to smoothing parameters and initial states. */
  private record Layout(EtsSpec spec, int m, boolean trend, boolean damped, boolean seasonal) {
    static Layout of(EtsSpec spec, int m) {
      return new Layout(
          spec,
          spec.seasonal() ? m : 1,
          spec.trend() != Trend.N,
          spec.trend() == Trend.Ad,
          spec.seasonal());
    }

    int size() {
      return 2 + (trend ? 2 : 0) + (seasonal ? 1 + m - 1 : 0) + (damped ? 1 : 0);
    }

    /** The starting vector {@code alpha, beta, gamma, phi, l, b, s_{m-1}, ..., s_1} (free only). */
    double[] pack(
        double alpha, double beta, double gamma, double phi, double l, double b, double[] seas) {
      double[] p = new double[size()];
      int j = 0;
      p[j++] = alpha;
      if (trend) {
        p[j++] = beta;
      }
      if (seasonal) {
        p[j++] = gamma;
      }
      if (damped) {
        p[j++] = phi;
      }
      p[j++] = l;
      if (trend) {
        p[j++] = b;
      }
      if (seasonal) {
        // R's order: s0 is the state one step before the first observation (phase m - 1)
        for (int phase = m - 1; phase >= 1; phase--) {
          p[j++] = seas[phase];
        }
      }
      return p;
    }

    /** Unpacks {@code p} into {@code {alpha, beta, gamma, phi}}, {@code x = {l, b}} and seas. */
    double[] unpack(double[] p, double[] x, double[] seas) {
      int j = 0;
      double alpha = p[j++];
      double beta = trend ? p[j++] : 0;
      double gamma = seasonal ? p[j++] : 0;
      double phi = damped ? p[j++] : 1;
      x[0] = p[j++];
      x[1] = trend ? p[j++] : 0;
      if (seasonal) {
        double sum = 0;
        for (int phase = m - 1; phase >= 1; phase--) {
          seas[phase] = p[j++];
          sum += seas[phase];
        }
        seas[0] = (spec.season() == 'M' ? m : 0) - sum;
      } else {
        seas[0] = spec.season() == 'M' ? 1 : 0;
      }
      return new double[] {alpha, beta, gamma, phi};
    }
  }

  /**
   * R's starting vector ({@code initparam} and {@code initstate}) in the search's order: {@code
   * alpha, beta, gamma, phi} (the free ones), level, slope and the seasonal states of phases {@code
   * m - 1} down to 1, computed bit for bit as R does ({@link RStart}).
   */
  static double[] start(double[] y, EtsSpec spec, int m) {
    int n = y.length;
    Layout lay = Layout.of(spec, m);
    int period = lay.m();
    double[] seas0 = new double[period];
    double[] adj = y;
    if (spec.seasonal()) {
      boolean mult = spec.season() == 'M';
      double[] figure = RStart.figure(y, m, mult);
      // init.seas <- rev(seasonal[2:m]), floored at 0.01 and rescaled as R when multiplicative
      double[] init = new double[m - 1];
      for (int phase = m - 1; phase >= 1; phase--) {
        init[m - 1 - phase] = mult ? Math.max(figure[phase], 1e-2) : figure[phase];
      }
      if (mult && RStart.sum(init) > m) {
        double[] shifted = new double[m - 1];
        for (int j = 0; j < m - 1; j++) {
          shifted[j] = init[j] + 1e-2;
        }
        double total = RStart.sum(shifted);
        for (int j = 0; j < m - 1; j++) {
          init[j] = init[j] / total;
        }
      }
      for (int phase = m - 1; phase >= 1; phase--) {
        seas0[phase] = init[m - 1 - phase];
      }
      adj = new double[n];
      for (int t = 0; t < n; t++) {
        adj[t] = mult ? y[t] / Math.max(figure[t % m], 1e-2) : y[t] - figure[t % m];
      }
    } else {
      seas0[0] = spec.season() == 'M' ? 1 : 0;
    }
    // level and slope from the first max(10, 2m) adjusted values, as R's initstate()
    int k = Math.min(Math.max(10, 2 * period), adj.length);
    double l0;
    double b0 = 0;
    if (lay.trend()) {
      double[] ls = RStart.lsfit(adj, k);
      l0 = ls[0];
      b0 = ls[1];
      if (Math.abs(l0 + b0) < 1e-8) {
        l0 *= 1 + 1e-3;
        b0 *= 1 - 1e-3;
      }
    } else {
      l0 = RStart.mean(adj, 0, k);
    }
    double alpha0 = EtsBounds.LO + 0.2 * (EtsBounds.HI - EtsBounds.LO) / period;
    double beta0 = EtsBounds.LO + 0.1 * (alpha0 - EtsBounds.LO);
    double gamma0 = EtsBounds.LO + 0.05 * (1 - alpha0 - EtsBounds.LO);
    double phi0 = EtsBounds.PHI_LO + 0.99 * (EtsBounds.PHI_HI - EtsBounds.PHI_LO);
    return lay.pack(alpha0, beta0, gamma0, phi0, l0, b0, seas0);
  }

  static EtsModel fit(double[] y, EtsSpec spec, int m) {
    int n = y.length;
    Layout lay = Layout.of(spec, m);
    int period = lay.m();
    double[] x0 = start(y, spec, m);
    if (x0.length >= n - 1) {
      return null;
    }
    double[] best =
        NelderMead.minimize(p -> objective(y, lay, p), x0, Math.sqrt(Math.ulp(1.0)), MAX_EVAL);
    double[] x = new double[2];
    double[] seas = new double[period];
    double[] par = lay.unpack(best, x, seas);
    if (!Double.isFinite(objective(y, lay, best))) {
      return null;
    }
    EtsFilter f = new EtsFilter(spec, m, par[0], par[1], par[2], par[3]);
    double[] r = f.run(y, x, seas, null);
    if (r == null) {
      return null;
    }
    int params = x0.length + 1;
    double lik = n * Math.log(r[0]) + 2 * r[1];
    double logLik = -0.5 * lik;
    // as R: the residual variance over n minus the estimated parameters, the variance excluded
    double sigma2 = r[0] / Math.max(n - x0.length, 1);
    return new EtsModel(
        spec, m, par[0], par[1], par[2], par[3], x[0], x[1], seas, n, sigma2, logLik, params);
  }

  private static double objective(double[] y, Layout lay, double[] p) {
    double[] x = new double[2];
    double[] seas = new double[lay.m()];
    double[] par = lay.unpack(p, x, seas);
    EtsSpec spec = lay.spec();
    if (!EtsBounds.ok(spec, lay.m(), par[0], par[1], par[2], par[3])) {
      return Double.POSITIVE_INFINITY;
    }
    if (spec.season() == 'M') {
      for (double s : seas) {
        if (s < 0) {
          return Double.POSITIVE_INFINITY;
        }
      }
    }
    EtsFilter f = new EtsFilter(spec, lay.m(), par[0], par[1], par[2], par[3]);
    double[] r = f.run(y, x, seas, null);
    if (r == null || !(r[0] > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.max(y.length * Math.log(r[0]) + 2 * r[1], -1e10);
  }
}
