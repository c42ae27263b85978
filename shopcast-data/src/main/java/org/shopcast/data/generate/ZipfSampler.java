package org.shopcast.data.generate;

import java.util.SplittableRandom;

/**
 * Draws ranks 1..n with probability proportional to rank^-exponent in constant time and memory, by
 * rejection-inversion: W. Hörmann and G. Derflinger (1996), "Rejection-inversion to generate
 * variates from monotone discrete distributions", ACM TOMACS 6(3), 169-184 (the same algorithm as
 * Apache Commons RNG's {@code RejectionInversionZipfSampler}). Use it for Zipf-like popularity over
 * catalogues too large for a cumulative table.
 */
final class ZipfSampler {
  private final long n;
  private final double exponent;
  private final double hIntegralX1;
  private final double hIntegralN;
  private final double s;

  ZipfSampler(long n, double exponent) {
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1, got " + n);
    }
    if (!(exponent >= 0)) {
      throw new IllegalArgumentException("exponent must be >= 0, got " + exponent);
    }
    this.n = n;
    this.exponent = exponent;
    this.hIntegralX1 = hIntegral(1.5) - 1;
    this.hIntegralN = hIntegral(n + 0.5);
    this.s = 2 - hIntegralInverse(hIntegral(2.5) - h(2));
  }

  /** A rank in [1, n]. */
  long sample(SplittableRandom random) {
    while (true) {
      double u = hIntegralN + random.nextDouble() * (hIntegralX1 - hIntegralN);
      double x = hIntegralInverse(u);
      long k = (long) (x + 0.5);
      if (k < 1) {
        k = 1;
      } else if (k > n) {
        k = n;
      }
      if (k - x <= s || u >= hIntegral(k + 0.5) - h(k)) {
        return k;
      }
    }
  }

  private double hIntegral(double x) {
    double logX = Math.log(x);
    return expm1OverX((1 - exponent) * logX) * logX;
  }

  private double h(double x) {
    return Math.exp(-exponent * Math.log(x));
  }

  private double hIntegralInverse(double x) {
    double t = x * (1 - exponent);
    if (t < -1) {
      t = -1;
    }
    return Math.exp(log1pOverX(t) * x);
  }

  private static double log1pOverX(double x) {
    if (Math.abs(x) > 1e-8) {
      return Math.log1p(x) / x;
    }
    return 1 - x * (0.5 - x * (1.0 / 3 - x * 0.25));
  }

  private static double expm1OverX(double x) {
    if (Math.abs(x) > 1e-8) {
      return Math.expm1(x) / x;
    }
    return 1 + x * 0.5 * (1 + x * (1.0 / 3) * (1 + x * 0.25));
  }
}
