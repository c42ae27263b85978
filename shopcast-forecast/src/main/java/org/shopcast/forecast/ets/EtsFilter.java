package org.shopcast.forecast.ets;

import org.shopcast.forecast.ets.EtsSpec.Trend;

/**
 * The ETS recursions in error-correction form (Hyndman et al. 2008, Table 2.1), one step at a time.
 * The state is level, slope and the last {@code m} seasonal values indexed by phase.
 */
final class EtsFilter {
  final EtsSpec spec;
  final int m;
  final double alpha;
  final double beta;
  final double gamma;
  final double phi;

  EtsFilter(EtsSpec spec, int m, double alpha, double beta, double gamma, double phi) {
    this.spec = spec;
    this.m = m;
    this.alpha = alpha;
    this.beta = beta;
    this.gamma = gamma;
    this.phi = spec.trend() == Trend.Ad ? phi : 1;
  }

  /** The damped slope contribution {@code phi * b} (0 without trend). */
  double phib(double b) {
    return spec.trend() == Trend.N ? 0 : phi * b;
  }

  /** The one-step mean from level {@code l}, slope {@code b} and seasonal {@code s}. */
  double mean(double l, double b, double s) {
    double t = l + phib(b);
    return switch (spec.season()) {
      case 'A' -> t + s;
      case 'M' -> t * s;
      default -> t;
    };
  }

  /**
   * Advances the state {@code x = {l, b}} and {@code seas[phase]} with the error {@code e}
   * (absolute for additive error, relative for multiplicative) and returns nothing.
   */
  void update(double[] x, double[] seas, int phase, double e) {
    double l = x[0];
    double b = x[1];
    double s = spec.seasonal() ? seas[phase] : 0;
    double t = l + phib(b);
    double mu = mean(l, b, s);
    double nl;
    double nb;
    double ns = s;
    if (spec.error() == 'A') {
      switch (spec.season()) {
        case 'M' -> {
          nl = t + alpha * e / s;
          nb = phib(b) + beta * e / s;
          ns = s + gamma * e / t;
        }
        case 'A' -> {
          nl = t + alpha * e;
          nb = phib(b) + beta * e;
          ns = s + gamma * e;
        }
        default -> {
          nl = t + alpha * e;
          nb = phib(b) + beta * e;
        }
      }
    } else {
      switch (spec.season()) {
        case 'M' -> {
          nl = t * (1 + alpha * e);
          nb = phib(b) + beta * t * e;
          ns = s * (1 + gamma * e);
        }
        case 'A' -> {
          nl = t + alpha * mu * e;
          nb = phib(b) + beta * mu * e;
          ns = s + gamma * mu * e;
        }
        default -> {
          nl = t * (1 + alpha * e);
          nb = phib(b) + beta * t * e;
        }
      }
    }
    x[0] = nl;
    x[1] = spec.trend() == Trend.N ? 0 : nb;
    if (spec.seasonal()) {
      seas[phase] = ns;
    }
  }

  /**
   * Runs the filter over {@code y} from the initial state; returns {@code {sse, sumLogMu}} (sum of
   * squared errors and, for multiplicative error, the sum of log |mu|), or null when the recursion
   * breaks down (a non-finite mean). The final state is left in {@code x} and {@code seas};
   * residuals go to {@code resid} when given.
   */
  double[] run(double[] y, double[] x, double[] seas, double[] resid) {
    double sse = 0;
    double sumLog = 0;
    for (int t = 0; t < y.length; t++) {
      int phase = t % m;
      double s = spec.seasonal() ? seas[phase] : 0;
      double mu = mean(x[0], x[1], s);
      // as R's etscalc: a non-positive mean of a multiplicative model is not refused (the
      // likelihood uses log |mu|); the search moves away from such paths on its own
      if (!Double.isFinite(mu)) {
        return null;
      }
      double e = spec.error() == 'A' ? y[t] - mu : (y[t] - mu) / mu;
      sse += e * e;
      if (spec.error() == 'M') {
        sumLog += Math.log(Math.abs(mu));
      }
      if (resid != null) {
        resid[t] = e;
      }
      update(x, seas, phase, e);
    }
    return new double[] {sse, sumLog};
  }
}
