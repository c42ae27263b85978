package org.shopcast.forecast.ets;

import org.shopcast.forecast.ets.EtsSpec.Trend;

/**
 * The parameter space of R's {@code forecast::ets} with {@code bounds = "both"}: the "usual" bounds
 * ({@code 1e-4 <= alpha <= 0.9999}, {@code 1e-4 <= beta <= alpha}, {@code 1e-4 <= gamma <= 1 -
 * alpha}, {@code 0.8 <= phi <= 0.98}) and the admissible region of Hyndman, Akram &amp; Archibald
 * (2008), "The admissible parameter space for exponential smoothing models", <i>Annals of the
 * Institute of Statistical Mathematics</i> 60: for seasonal models the roots of the characteristic
 * polynomial of the discount matrix
 *
 * <pre>
 * z^(m+1) + (a + b - phi) z^m + (a + b - a phi) (z^(m-1) + ... + z^2)
 *         + (a + b - a phi + g - 1) z + phi (1 - a - g)
 * </pre>
 *
 * must lie within the unit circle (within {@code 1 + 1e-10}, as R). The roots are not computed: the
 * Schur-Cohn (Jury) step-down recursion decides in {@code O(m^2)} operations whether they all lie
 * inside a circle, so the test is cheap enough for every evaluation of the likelihood.
 */
final class EtsBounds {
  static final double LO = 1e-4;
  static final double HI = 0.9999;
  static final double PHI_LO = 0.8;
  static final double PHI_HI = 0.98;
  private static final double ROOT_TOL = 1e-10;

  private EtsBounds() {}

  /** Whether the parameters lie in both R's usual bounds and the admissible region. */
  static boolean ok(EtsSpec spec, int m, double alpha, double beta, double gamma, double phi) {
    return usual(spec, alpha, beta, gamma, phi)
        && admissible(spec, m, alpha, beta, gamma, spec.trend() == Trend.Ad ? phi : 1);
  }

  /** R's "usual" bounds. */
  static boolean usual(EtsSpec spec, double alpha, double beta, double gamma, double phi) {
    if (!(alpha >= LO && alpha <= HI)) {
      return false;
    }
    if (spec.trend() != Trend.N && !(beta >= LO && beta <= alpha)) {
      return false;
    }
    if (spec.seasonal() && !(gamma >= LO && gamma <= 1 - alpha)) {
      return false;
    }
    return spec.trend() != Trend.Ad || (phi >= PHI_LO && phi <= PHI_HI);
  }

  /**
   * The admissible region (Hyndman, Akram &amp; Archibald 2008, as R's {@code admissible()});
   * {@code phi} is 1 for undamped models, {@code beta} is ignored without trend.
   */
  static boolean admissible(
      EtsSpec spec, int m, double alpha, double beta, double gamma, double phi) {
    if (phi < 0 || phi > 1 + 1e-8) {
      return false;
    }
    boolean trend = spec.trend() != Trend.N;
    if (!spec.seasonal()) {
      if (alpha < 1 - 1 / phi || alpha > 1 + 1 / phi) {
        return false;
      }
      return !trend || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
    }
    double b = trend ? beta : 0;
    if (gamma < Math.max(1 - 1 / phi - alpha, 0) || gamma > 1 + 1 / phi - alpha) {
      return false;
    }
    if (alpha < 1 - 1 / phi - gamma * (1 - m + phi + phi * m) / (2 * phi * m)) {
      return false;
    }
    if (b < -(1 - phi) * (gamma / m + alpha)) {
      return false;
    }
    return rootsInside(characteristic(m, alpha, b, gamma, phi), 1 + ROOT_TOL);
  }

  /**
   * The coefficients of the seasonal characteristic polynomial, highest power first (leading 1,
   * degree {@code m + 1}).
   */
  static double[] characteristic(int m, double alpha, double beta, double gamma, double phi) {
    double[] c = new double[m + 2];
    c[0] = 1;
    c[1] = alpha + beta - phi;
    for (int i = 2; i < m; i++) {
      c[i] = alpha + beta - alpha * phi;
    }
    c[m] = alpha + beta - alpha * phi + gamma - 1;
    c[m + 1] = phi * (1 - alpha - gamma);
    return c;
  }

  /**
   * Whether every root of the monic polynomial {@code c} (highest power first) has modulus below
   * {@code radius}: the Schur-Cohn step-down recursion on {@code c(radius z)}, whose reflection
   * coefficients must all lie strictly inside (-1, 1).
   */
  static boolean rootsInside(double[] c, double radius) {
    int d = c.length - 1;
    double[] a = new double[d + 1];
    double scale = 1;
    for (int i = 0; i <= d; i++) {
      a[i] = c[i] / scale;
      scale *= radius;
    }
    for (int deg = d; deg >= 1; deg--) {
      double k = a[deg] / a[0];
      if (!(Math.abs(k) < 1)) {
        return false;
      }
      double[] next = new double[deg];
      for (int i = 0; i < deg; i++) {
        next[i] = (a[i] - k * a[deg - i]) / (1 - k * k);
      }
      a = next;
    }
    return true;
  }
}
