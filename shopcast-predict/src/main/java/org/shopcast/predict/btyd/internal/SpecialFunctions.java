package org.shopcast.predict.btyd.internal;

import org.hipparchus.special.Gamma;

/**
 * Special functions in the forms the BTYD likelihoods need: the Gauss hypergeometric series,
 * log-sum-exp and log-beta.
 */
public final class SpecialFunctions {
  private static final int MAX_TERMS = 2_000_000;
  private static final double SERIES_EPSILON = 1e-16;

  private SpecialFunctions() {}

  /**
   * The Gauss hypergeometric function 2F1(a, b; c; z) for 0 &lt;= z &lt; 1 by its power series
   * (Abramowitz &amp; Stegun 15.1.1). The series converges for every z below 1, geometrically at
   * rate z; with positive a, b, c all terms are positive and the sum suffers no cancellation. A
   * negative c (BG/NBD's a + b + x - 1 when a fit gives a + b &lt; 1) is allowed unless it is an
   * integer: then the function is undefined.
   *
   * @throws IllegalArgumentException when z lies outside [0, 1) or c is 0 or a negative integer
   * @throws ArithmeticException when the series has not converged after two million terms
   */
  public static double hyp2f1(double a, double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      throw new IllegalArgumentException("z must be in [0, 1), got " + z);
    }
    if (!(c > 0) && !(c < 0 && c != Math.rint(c))) {
      throw new IllegalArgumentException("c must not be 0 or a negative integer, got " + c);
    }
    double term = 1;
    double sum = 1;
    for (int k = 0; k < MAX_TERMS; k++) {
      term *= (a + k) * (b + k) / ((c + k) * (k + 1)) * z;
      sum += term;
      if (Math.abs(term) <= SERIES_EPSILON * Math.abs(sum)) {
        return sum;
      }
    }
    throw new ArithmeticException(
        "2F1(" + a + ", " + b + "; " + c + "; " + z + ") did not converge in " + MAX_TERMS);
  }

  /** log(exp(x) + exp(y)) without overflow; either argument may be -infinity. */
  public static double logAddExp(double x, double y) {
    double max = Math.max(x, y);
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log1p(Math.exp(Math.min(x, y) - max));
  }

  /**
   * log(exp(x) - exp(y)) for x &gt;= y without overflow; -infinity when x == y.
   *
   * @throws IllegalArgumentException when y &gt; x (the difference would be negative)
   */
  public static double logSubExp(double x, double y) {
    if (y > x) {
      throw new IllegalArgumentException("logSubExp needs x >= y, got x=" + x + ", y=" + y);
    }
    if (y == Double.NEGATIVE_INFINITY) {
      return x;
    }
    return x + Math.log1p(-Math.exp(y - x));
  }

  /** The natural log of the gamma function. */
  public static double logGamma(double x) {
    return Gamma.logGamma(x);
  }

  /** The natural log of the beta function B(a, b). */
  public static double logBeta(double a, double b) {
    return Gamma.logGamma(a) + Gamma.logGamma(b) - Gamma.logGamma(a + b);
  }
}
