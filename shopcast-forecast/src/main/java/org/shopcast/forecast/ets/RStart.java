package org.shopcast.forecast.ets;

import java.math.BigInteger;

/**
 * The arithmetic of R's {@code forecast::ets} 8.20 starting state ({@code initstate}), reproduced
 * to the last bit: R's {@code decompose} (the centred moving average of {@code stats::filter},
 * summed in its C order), R's {@code mean} and {@code sum} (accumulated in the x87 80-bit {@code
 * long double} of R on x86-64, with {@code mean}'s second correcting pass) and {@code lsfit}
 * (LINPACK {@code dqrdc2}/{@code dqrsl} Householder QR with the fused multiply-adds and the
 * summation order of the OpenBLAS 0.3.21 SkylakeX {@code ddot}/{@code daxpy} kernels that Debian's
 * R calls on this machine).
 *
 * <p><i>Why bit for bit</i>: a seasonal ETS fit for {@code m = 24} has 28 free parameters and R's
 * Nelder-Mead stops at its limit of 2,000 evaluations on most M4 Hourly series, far from
 * convergence, so the returned fit depends on the search path, and the path on the last bits of the
 * start: on H388, moving the start by 1-2 units in the last place switches ETS(M,A,M) between
 * log-likelihood -5995.76 (R's fit) and -5959.72, and with it the AICc choice and the MASE (1.09
 * against 5.19). Long-double operations are emulated exactly: each result is computed exactly in
 * binary ({@link BigInteger} significands) and rounded to a 64-bit significand, ties to even.
 */
final class RStart {
  private RStart() {}

  /** An exact binary number {@code m * 2^e}; long doubles are those with |m| below 2^64. */
  private record Ext(BigInteger m, int e) {
    static final Ext ZERO = new Ext(BigInteger.ZERO, 0);

    static Ext of(double d) {
      if (d == 0) {
        return ZERO;
      }
      long bits = Double.doubleToRawLongBits(d);
      int biased = (int) ((bits >>> 52) & 0x7ff);
      long mant = bits & 0xfffffffffffffL;
      if (biased == 0) {
        biased = 1; // subnormal: no implicit bit
      } else {
        mant |= 1L << 52;
      }
      return new Ext(BigInteger.valueOf(d < 0 ? -mant : mant), biased - 1075);
    }

    Ext plus(Ext o) {
      if (m.signum() == 0) {
        return o;
      }
      if (o.m.signum() == 0) {
        return this;
      }
      int low = Math.min(e, o.e);
      return new Ext(m.shiftLeft(e - low).add(o.m.shiftLeft(o.e - low)), low);
    }

    Ext negate() {
      return new Ext(m.negate(), e);
    }

    /** The quotient by {@code n}, exact to 130 more bits plus a sticky bit. */
    Ext over(int n) {
      BigInteger[] qr = m.abs().shiftLeft(130).divideAndRemainder(BigInteger.valueOf(n));
      BigInteger q = qr[0].shiftLeft(1).or(qr[1].signum() == 0 ? BigInteger.ZERO : BigInteger.ONE);
      return new Ext(m.signum() < 0 ? q.negate() : q, e - 131);
    }

    /** Rounded to a {@code bits}-bit significand, ties to even. */
    Ext round(int bits) {
      BigInteger a = m.abs();
      int shift = a.bitLength() - bits;
      if (shift <= 0) {
        return this;
      }
      BigInteger q = a.shiftRight(shift);
      BigInteger rem = a.subtract(q.shiftLeft(shift));
      int c = rem.compareTo(BigInteger.ONE.shiftLeft(shift - 1));
      if (c > 0 || (c == 0 && q.testBit(0))) {
        q = q.add(BigInteger.ONE);
      }
      return new Ext(m.signum() < 0 ? q.negate() : q, e + shift);
    }

    Ext ld() {
      return round(64);
    }

    double toDouble() {
      Ext r = round(53);
      return Math.scalb((double) r.m.longValueExact(), r.e);
    }
  }

  /** R's {@code mean(x[from:to])}: long-double sum and division, then a correcting pass. */
  static double mean(double[] x, int from, int to) {
    int n = to - from;
    Ext s = Ext.ZERO;
    for (int i = from; i < to; i++) {
      s = s.plus(Ext.of(x[i])).ld();
    }
    s = s.over(n).ld();
    Ext t = Ext.ZERO;
    for (int i = from; i < to; i++) {
      t = t.plus(Ext.of(x[i]).plus(s.negate()).ld()).ld();
    }
    return s.plus(t.over(n).ld()).ld().toDouble();
  }

  /** R's {@code sum(x)}: a long-double accumulation. */
  static double sum(double[] x) {
    Ext s = Ext.ZERO;
    for (double v : x) {
      s = s.plus(Ext.of(v)).ld();
    }
    return s.toDouble();
  }

  /**
   * R's {@code decompose(y)$figure}: the seasonal figure per phase (phase 0 = the first value),
   * averaging 1 (multiplicative) or 0 (additive).
   */
  static double[] figure(double[] x, int f, boolean mult) {
    int l = x.length;
    int nf = f % 2 == 0 ? f + 1 : f;
    double[] filter = new double[nf];
    for (int j = 0; j < nf; j++) {
      filter[j] = (f % 2 == 0 && (j == 0 || j == nf - 1) ? 0.5 : 1.0) / f;
    }
    int shift = nf / 2;
    double[] trend = new double[l];
    for (int i = 0; i < l; i++) {
      if (i + shift - (nf - 1) < 0 || i + shift >= l) {
        trend[i] = Double.NaN;
        continue;
      }
      // stats::filter's cfilter: z += filter[j] * x[i + shift - j], j ascending
      double z = 0;
      for (int j = 0; j < nf; j++) {
        z += filter[j] * x[i + shift - j];
      }
      trend[i] = z;
    }
    double[] figure = new double[f];
    double[] ratios = new double[l / f + 1];
    for (int phase = 0; phase < f; phase++) {
      int k = 0;
      for (int t = phase; t < l; t += f) {
        if (!Double.isNaN(trend[t])) {
          ratios[k++] = mult ? x[t] / trend[t] : x[t] - trend[t];
        }
      }
      figure[phase] = mean(ratios, 0, k);
    }
    double mf = mean(figure, 0, f);
    for (int phase = 0; phase < f; phase++) {
      figure[phase] = mult ? figure[phase] / mf : figure[phase] - mf;
    }
    return figure;
  }

  /**
   * R's {@code lsfit(1:k, y[1:k])$coefficients}: intercept (the state one step before the first
   * value) and slope.
   */
  static double[] lsfit(double[] y, int k) {
    double[][] x = new double[2][k];
    for (int i = 0; i < k; i++) {
      x[0][i] = 1;
      x[1][i] = i + 1;
    }
    // dqrdc2 (no column is negligible here: the columns are 1 and 1..k)
    double[] qraux = {nrm2(x[0], 0, k), nrm2(x[1], 0, k)};
    for (int l = 0; l < 2 && l < k - 1; l++) {
      double nrmxl = nrm2(x[l], l, k - l);
      if (nrmxl == 0) {
        continue;
      }
      if (x[l][l] != 0) {
        nrmxl = Math.copySign(nrmxl, x[l][l]);
      }
      double scale = 1.0 / nrmxl;
      for (int i = l; i < k; i++) {
        x[l][i] = scale * x[l][i];
      }
      x[l][l] = 1.0 + x[l][l];
      for (int j = l + 1; j < 2; j++) {
        double t = -dot(x[l], x[j], l, k - l) / x[l][l];
        axpy(t, x[l], x[j], l, k);
        if (qraux[j] != 0) {
          double r = Math.abs(x[j][l]) / qraux[j];
          double tt = Math.max(1.0 - r * r, 0);
          qraux[j] = Math.abs(tt) < 1e-6 ? nrm2(x[j], l + 1, k - l - 1) : qraux[j] * Math.sqrt(tt);
        }
      }
      qraux[l] = x[l][l];
      x[l][l] = -nrmxl;
    }
    // dqrsl, job 1110: Q'y, then back substitution
    double[] qty = y.clone();
    for (int j = 0; j < Math.min(2, k - 1); j++) {
      if (qraux[j] != 0) {
        double temp = x[j][j];
        x[j][j] = qraux[j];
        double t = -dot(x[j], qty, j, k - j) / x[j][j];
        axpy(t, x[j], qty, j, k);
        x[j][j] = temp;
      }
    }
    double[] b = {qty[0], qty[1]};
    b[1] = b[1] / x[1][1];
    b[0] = Math.fma(-b[1], x[1][0], b[0]);
    b[0] = b[0] / x[0][0];
    return b;
  }

  /** The Euclidean norm from a plain sum of squares (reproduces R's {@code lsfit} results here). */
  private static double nrm2(double[] x, int from, int n) {
    double s = 0;
    for (int i = from; i < from + n; i++) {
      s += x[i] * x[i];
    }
    return Math.sqrt(s);
  }

  /** {@code y[i] += a x[i]} for i from {@code from}, fused as OpenBLAS' kernels. */
  private static void axpy(double a, double[] x, double[] y, int from, int to) {
    for (int i = from; i < to; i++) {
      y[i] = Math.fma(a, x[i], y[i]);
    }
  }

  /**
   * OpenBLAS 0.3.21's SkylakeX {@code ddot} on {@code x[from..from+n)} and {@code y[...]}: blocks
   * of 32 in four 8-lane fused accumulators folded to 4 lanes, blocks of 16 in the four 4-lane
   * ones, the accumulators and then the lanes summed, and a fused scalar tail beyond {@code n &
   * -16}.
   */
  private static double dot(double[] x, double[] y, int from, int n) {
    int n1 = n & -16;
    double dot = 0;
    if (n1 > 0) {
      double[][] acc = new double[4][4];
      int i = 0;
      int n32 = n1 & ~31;
      if (n32 > 0) {
        double[][] wide = new double[4][8];
        for (; i < n32; i += 32) {
          for (int v = 0; v < 4; v++) {
            for (int lane = 0; lane < 8; lane++) {
              int at = from + i + 8 * v + lane;
              wide[v][lane] = Math.fma(x[at], y[at], wide[v][lane]);
            }
          }
        }
        for (int v = 0; v < 4; v++) {
          for (int q = 0; q < 4; q++) {
            acc[v][q] = wide[v][q] + wide[v][q + 4];
          }
        }
      }
      for (; i < n1; i += 16) {
        for (int v = 0; v < 4; v++) {
          for (int q = 0; q < 4; q++) {
            int at = from + i + 4 * v + q;
            acc[v][q] = Math.fma(x[at], y[at], acc[v][q]);
          }
        }
      }
      double[] a = new double[4];
      for (int q = 0; q < 4; q++) {
        a[q] = acc[0][q] + acc[1][q] + acc[2][q] + acc[3][q];
      }
      dot = (a[0] + a[2]) + (a[1] + a[3]);
    }
    for (int i = n1; i < n; i++) {
      dot = Math.fma(y[from + i], x[from + i], dot);
    }
    return dot;
  }
}
