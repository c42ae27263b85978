package org.shopcast.forecast.arima;

/** Differencing polynomials {@code (1 - B)^d (1 - B^m)^D} and their inverse. */
final class Differencing {
  private Differencing() {}

  /** {@code x_t - x_{t-lag}}. */
  static double[] diff(double[] x, int lag) {
    double[] out = new double[x.length - lag];
    for (int t = lag; t < x.length; t++) {
      out[t - lag] = x[t] - x[t - lag];
    }
    return out;
  }

  /**
   * The coefficients {@code c_1..c_k} of {@code (1 - B)^d (1 - B^m)^D = 1 - sum c_k B^k}, index 0
   * unused.
   */
  static double[] polynomial(int d, int sd, int m) {
    double[] poly = {1};
    for (int i = 0; i < d; i++) {
      poly = multiply(poly, 1);
    }
    for (int i = 0; i < sd; i++) {
      poly = multiply(poly, m);
    }
    double[] c = new double[poly.length];
    for (int k = 1; k < poly.length; k++) {
      c[k] = -poly[k];
    }
    return c;
  }

  private static double[] multiply(double[] poly, int lag) {
    double[] out = new double[poly.length + lag];
    for (int i = 0; i < poly.length; i++) {
      out[i] += poly[i];
      out[i + lag] -= poly[i];
    }
    return out;
  }
}
