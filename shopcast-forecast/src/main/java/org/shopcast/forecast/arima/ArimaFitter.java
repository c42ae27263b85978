package org.shopcast.forecast.arima;

import org.hipparchus.analysis.MultivariateMatrixFunction;
import org.hipparchus.analysis.MultivariateVectorFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;

/**
 * Fits a seasonal ARIMA model as R's {@code stats::arima}: by conditional sum of squares ({@code
 * method = "CSS"}, Box &amp; Jenkins) or by CSS followed by exact maximum likelihood ({@code
 * "CSS-ML"}, the default). The series is differenced and the ARMA part with its mean (or drift) is
 * fitted to the differenced series {@code w}.
 *
 * <p>CSS: the first {@code p + mP} values of {@code w} condition the recursion, earlier errors are
 * 0, and the sum of squared one-step errors is minimised over the raw coefficients by
 * Levenberg-Marquardt (Hipparchus) with the analytic Jacobian, computed by the same recursion
 * differentiated: {@code de_t/db = direct_t(b) - sum_k theta*_k de_{t-k}/db} where {@code theta*}
 * is the expanded MA polynomial. Starting values are zero and the mean of {@code w}, as in R.
 *
 * <p>ML: from the CSS estimates (refused, as R does, when their AR part is not stationary), the
 * exact likelihood of {@link ArmaKalman} with {@code sigma^2} concentrated out is maximised by
 * Levenberg-Marquardt on the scaled innovations {@code v_t / sqrt(F_t) * (prod F_t)^(1/2n)}, whose
 * sum of squares is {@code exp(-2 logLik / n)} up to a constant; AR blocks are parameterised by
 * partial autocorrelations {@code tanh(u)} (Jones 1980; R's {@code transform.pars}) so every step
 * stays stationary; the Jacobian is by forward differences.
 */
final class ArimaFitter {
  /** Estimation method. */
  enum Method {
    /** Conditional sum of squares. */
    CSS,
    /** CSS for starting values, then exact maximum likelihood. */
    ML
  }

  private ArimaFitter() {}

  /** Differences {@code y} by the order's {@code d} and {@code D}. */
  static double[] difference(double[] y, ArimaOrder o) {
    double[] w = y;
    for (int i = 0; i < o.d(); i++) {
      w = Differencing.diff(w, 1);
    }
    for (int i = 0; i < o.sd(); i++) {
      w = Differencing.diff(w, o.m());
    }
    return w;
  }

  /** The fit, or null when it fails (too short, non-stationary CSS start for ML, no finite fit). */
  static ArimaModel fit(double[] y, ArimaOrder o, Method method) {
    return fit(y, o, method, new double[0][]);
  }

  /**
   * The fit of a regression on {@code xreg} (columns over the history, as long as {@code y}) with
   * ARIMA errors, as R's {@code arima(x, xreg = ...)}: {@code y} and every column are differenced
   * alike and the coefficients {@code beta} are estimated jointly with the ARMA part, starting from
   * least squares on the differenced data. The parameters are {@code (phi, theta, Phi, Theta[, mu],
   * beta)}.
   */
  static ArimaModel fit(double[] y, ArimaOrder o, Method method, double[][] xreg) {
    double[] w = difference(y, o);
    double[][] xw = new double[xreg.length][];
    for (int j = 0; j < xreg.length; j++) {
      xw[j] = difference(xreg[j], o);
    }
    int ncond = o.p() + o.m() * o.sp();
    int used = w.length - ncond;
    if (used < o.coefficients() + xreg.length + 3) {
      return null;
    }
    double[] par = cssFit(w, xw, o, ncond);
    if (par == null) {
      return null;
    }
    if (method == Method.CSS) {
      double ssq = css(w, xw, o, par, ncond, null, null);
      if (!Double.isFinite(ssq) || ssq <= 0) {
        return null;
      }
      double sigma2 = ssq / used;
      int n = w.length;
      double logLik = -0.5 * n * (Math.log(2 * Math.PI * sigma2) + 1);
      return new ArimaModel(o, par, sigma2, logLik, y.clone(), w, Method.CSS, xreg, xw);
    }
    return mlFit(y, w, xreg, xw, o, par);
  }

  /** {@code w - sum_j beta_j xw_j} for the coefficients after the ARMA part and the constant. */
  static double[] adjust(double[] w, double[][] xw, ArimaOrder o, double[] par) {
    if (xw.length == 0) {
      return w;
    }
    double[] out = w.clone();
    int from = o.coefficients();
    for (int j = 0; j < xw.length; j++) {
      double b = par[from + j];
      for (int t = 0; t < out.length; t++) {
        out[t] -= b * xw[j][t];
      }
    }
    return out;
  }

  private static ArimaModel mlFit(
      double[] y, double[] w, double[][] xreg, double[][] xw, ArimaOrder o, double[] cssPar) {
    if (!ArimaModel.stationary(cssPar, 0, o.p())
        || !ArimaModel.stationary(cssPar, sarOffset(o), o.sp())) {
      return null;
    }
    double[] start = cssPar.clone();
    maInvert(start, o.p(), o.q());
    maInvert(start, o.p() + o.q() + o.sp(), o.sq());
    double[] u = toTransformed(o, start);
    int n = w.length;
    int k = u.length;
    double[] scale = new double[k];
    java.util.Arrays.fill(scale, 1e-2);
    if (o.constant()) {
      scale[o.coefficients() - 1] = Math.max(1e-3, sd(w) * 1e-2);
    }
    for (int j = 0; j < xw.length; j++) {
      double sx = sd(xw[j]);
      scale[o.coefficients() + j] = sx > 0 ? Math.max(1e-6, sd(w) / sx * 1e-2) : 1e-2;
    }
    // LM asks for the value, then the Jacobian at the same point: reuse that value
    double[][] last = new double[2][];
    MultivariateVectorFunction value =
        x -> {
          last[0] = x.clone();
          last[1] = scaledInnovations(w, xw, o, x);
          return last[1].clone();
        };
    MultivariateMatrixFunction jacobian =
        point -> {
          double[] x = point.clone();
          double[] f0 =
              java.util.Arrays.equals(last[0], x) ? last[1] : scaledInnovations(w, xw, o, x);
          double[][] jac = new double[n][k];
          for (int j = 0; j < k; j++) {
            double h = 1e-6 * Math.max(Math.abs(x[j]), scale[j]);
            double old = x[j];
            x[j] = old + h;
            double[] f1 = scaledInnovations(w, xw, o, x);
            x[j] = old;
            for (int t = 0; t < n; t++) {
              jac[t][j] = (f1[t] - f0[t]) / h;
            }
          }
          return jac;
        };
    double[] best = leastSquares(value, jacobian, u, n, 100, 1e-8);
    double[] par = fromTransformed(o, best);
    maInvert(par, o.p(), o.q());
    maInvert(par, o.p() + o.q() + o.sp(), o.sq());
    double[] std = new double[n];
    double[] res =
        new ArmaKalman(ArimaModel.fullAr(o, par), ArimaModel.fullMa(o, par))
            .filter(adjust(w, xw, o, par), mean(o, par), std, null);
    if (res == null || !(res[0] > 0) || !Double.isFinite(res[0])) {
      return null;
    }
    double sigma2 = res[0] / n;
    double logLik = -0.5 * (n * Math.log(2 * Math.PI * sigma2) + n + res[1]);
    return new ArimaModel(o, par, sigma2, logLik, y.clone(), w, Method.ML, xreg, xw);
  }

  /** The mean (or drift) parameter, 0 without a constant. */
  static double mean(ArimaOrder o, double[] par) {
    return o.constant() ? par[o.coefficients() - 1] : 0;
  }

  /**
   * R's {@code maInvert}: replaces the roots inside the unit circle of the MA block {@code 1 +
   * par[from] B + .. + par[from+k-1] B^k} by their inverses (the same autocovariances), in place.
   */
  static void maInvert(double[] par, int from, int k) {
    int last = -1;
    for (int i = 0; i < k; i++) {
      if (par[from + i] != 0) {
        last = i;
      }
    }
    if (last < 0) {
      return;
    }
    double[] c = new double[last + 2];
    c[0] = 1;
    System.arraycopy(par, from, c, 1, last + 1);
    org.hipparchus.complex.Complex[] roots;
    if (last == 0) {
      roots = new org.hipparchus.complex.Complex[] {new org.hipparchus.complex.Complex(-1 / c[1])};
    } else {
      try {
        roots = new org.hipparchus.analysis.solvers.LaguerreSolver().solveAllComplex(c, 10000, 0);
      } catch (RuntimeException e) {
        return;
      }
    }
    boolean any = false;
    for (int i = 0; i < roots.length; i++) {
      if (roots[i].norm() < 1) {
        roots[i] = roots[i].reciprocal();
        any = true;
      }
    }
    if (!any) {
      return;
    }
    // prod (1 - z / r_i) = 1 + sum theta_j z^j
    org.hipparchus.complex.Complex[] x = {org.hipparchus.complex.Complex.ONE};
    for (org.hipparchus.complex.Complex r : roots) {
      org.hipparchus.complex.Complex[] nx = new org.hipparchus.complex.Complex[x.length + 1];
      for (int j = 0; j < nx.length; j++) {
        org.hipparchus.complex.Complex v =
            j < x.length ? x[j] : org.hipparchus.complex.Complex.ZERO;
        if (j > 0) {
          v = v.subtract(x[j - 1].divide(r));
        }
        nx[j] = v;
      }
      x = nx;
    }
    for (int j = 1; j < x.length; j++) {
      par[from + j - 1] = x[j].getReal();
    }
  }

  private static double sd(double[] w) {
    double mean = 0;
    for (double v : w) {
      mean += v;
    }
    mean /= w.length;
    double s = 0;
    for (double v : w) {
      s += (v - mean) * (v - mean);
    }
    return Math.sqrt(s / Math.max(1, w.length - 1));
  }

  /** Scaled Kalman innovations whose sum of squares is {@code exp(-2 logLik / n)} up to scale. */
  private static double[] scaledInnovations(double[] w, double[][] xw, ArimaOrder o, double[] u) {
    double[] par = fromTransformed(o, u);
    int n = w.length;
    double[] std = new double[n];
    double[] res =
        new ArmaKalman(ArimaModel.fullAr(o, par), ArimaModel.fullMa(o, par))
            .filter(adjust(w, xw, o, par), mean(o, par), std, null);
    if (res == null || !Double.isFinite(res[0]) || !Double.isFinite(res[1])) {
      java.util.Arrays.fill(std, 1e100);
      return std;
    }
    double g = Math.exp(0.5 * res[1] / n);
    for (int t = 0; t < n; t++) {
      std[t] *= g;
    }
    return std;
  }

  private static int sarOffset(ArimaOrder o) {
    return o.p() + o.q();
  }

  private static double[] toTransformed(ArimaOrder o, double[] par) {
    double[] u = par.clone();
    coefToPacf(par, u, 0, o.p());
    coefToPacf(par, u, sarOffset(o), o.sp());
    return u;
  }

  private static double[] fromTransformed(ArimaOrder o, double[] u) {
    double[] par = u.clone();
    double[] phi = pacfToCoef(u, 0, o.p(), 1);
    System.arraycopy(phi, 0, par, 0, o.p());
    double[] sphi = pacfToCoef(u, sarOffset(o), o.sp(), 1);
    System.arraycopy(sphi, 0, par, sarOffset(o), o.sp());
    return par;
  }

  /** CSS estimates {@code (phi, theta, Phi, Theta, mu)}, or null when no finite fit is found. */
  static double[] cssFit(double[] w, double[][] xw, ArimaOrder o, int ncond) {
    int k = o.coefficients() + xw.length;
    double[] start = new double[k];
    if (o.constant() || xw.length > 0) {
      double[] b = ols(w, xw, o.constant());
      System.arraycopy(b, 0, start, k - b.length, b.length);
    }
    if (k == 0) {
      return start;
    }
    int rows = w.length - ncond;
    MultivariateVectorFunction value =
        x -> {
          double[] e = new double[w.length];
          double[] r = new double[rows];
          if (Double.isFinite(css(w, xw, o, x, ncond, e, null))) {
            System.arraycopy(e, ncond, r, 0, rows);
          } else {
            java.util.Arrays.fill(r, 1e100);
          }
          return r;
        };
    MultivariateMatrixFunction jacobian =
        x -> {
          double[][] jac = new double[rows][k];
          if (!Double.isFinite(css(w, xw, o, x, ncond, null, jac))) {
            for (double[] row : jac) {
              java.util.Arrays.fill(row, 0);
            }
          }
          return jac;
        };
    double[] best = leastSquares(value, jacobian, start, rows, 200, 1e-8);
    return Double.isFinite(css(w, xw, o, best, ncond, null, null)) ? best : null;
  }

  /** Least squares of {@code w} on an intercept (when asked) and the columns {@code xw}. */
  private static double[] ols(double[] w, double[][] xw, boolean intercept) {
    int k = xw.length + (intercept ? 1 : 0);
    double[][] a = new double[w.length][k];
    for (int t = 0; t < w.length; t++) {
      int c = 0;
      if (intercept) {
        a[t][c++] = 1;
      }
      for (double[] col : xw) {
        a[t][c++] = col[t];
      }
    }
    try {
      return new org.hipparchus.linear.QRDecomposition(
              new org.hipparchus.linear.Array2DRowRealMatrix(a, false), 1e-10)
          .getSolver()
          .solve(new org.hipparchus.linear.ArrayRealVector(w))
          .toArray();
    } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
      return new double[k];
    }
  }

  /**
   * Levenberg-Marquardt from {@code start}; returns the point with the lowest sum of squares seen
   * (also when the iteration budget runs out).
   */
  private static double[] leastSquares(
      MultivariateVectorFunction value,
      MultivariateMatrixFunction jacobian,
      double[] start,
      int rows,
      int maxIter,
      double tol) {
    double[] best = start.clone();
    double[] bestCost = {Double.POSITIVE_INFINITY};
    MultivariateVectorFunction tracked =
        point -> {
          double[] v = value.value(point);
          double c = 0;
          for (double x : v) {
            c += x * x;
          }
          if (c < bestCost[0]) {
            bestCost[0] = c;
            System.arraycopy(point, 0, best, 0, best.length);
          }
          return v;
        };
    try {
      new LevenbergMarquardtOptimizer()
          .withInitialStepBoundFactor(1)
          .withCostRelativeTolerance(tol)
          .withParameterRelativeTolerance(tol)
          .optimize(
              new LeastSquaresBuilder()
                  .model(tracked, jacobian)
                  .start(start)
                  .target(new double[rows])
                  .lazyEvaluation(true)
                  .maxIterations(maxIter)
                  .maxEvaluations(maxIter * 2)
                  .build());
    } catch (MathIllegalStateException | org.hipparchus.exception.MathIllegalArgumentException e) {
      // budget exhausted or a degenerate step: keep the best point seen, as R's optim() does
    }
    return best;
  }

  /**
   * The conditional sum of squares at raw parameters {@code par}; fills the errors {@code e} (0
   * before {@code ncond}) and, when {@code jac} is not null, its rows {@code t - ncond} with {@code
   * de_t / dpar}. Returns infinity when the recursion overflows.
   */
  static double css(
      double[] w0,
      double[][] xw,
      ArimaOrder o,
      double[] par,
      int ncond,
      double[] e,
      double[][] jac) {
    double[] w = adjust(w0, xw, o, par);
    int n = w.length;
    int p = o.p();
    int q = o.q();
    int sp = o.sp();
    int sq = o.sq();
    int m = o.m();
    double mu = mean(o, par);
    double[][] arms = expand(o, par);
    double[] ar = arms[0];
    int[] arLag = toInt(arms[1]);
    double[] ma = arms[2];
    int[] maLag = toInt(arms[3]);
    double[] err = e == null ? new double[n] : e;
    double s = 0;
    for (int t = ncond; t < n; t++) {
      double v = w[t] - mu;
      for (int k = 0; k < ar.length; k++) {
        v -= ar[k] * (w[t - arLag[k]] - mu);
      }
      for (int k = 0; k < ma.length; k++) {
        int i = t - maLag[k];
        if (i >= ncond) {
          v -= ma[k] * err[i];
        }
      }
      err[t] = v;
      s += v * v;
    }
    if (!Double.isFinite(s)) {
      return Double.POSITIVE_INFINITY;
    }
    if (jac == null) {
      return s;
    }
    double arSum = 0;
    for (double c : ar) {
      arSum += c;
    }
    int k = o.coefficients() + xw.length;
    int nc = o.coefficients();
    double[] g = new double[n];
    for (int j = 0; j < k; j++) {
      for (int t = ncond; t < n; t++) {
        double v;
        if (j < p) {
          int i = j + 1;
          v = -(w[t - i] - mu);
          for (int l = 0; l < sp; l++) {
            v += par[p + q + l] * (w[t - i - m * (l + 1)] - mu);
          }
        } else if (j < p + q) {
          int i = j - p + 1;
          v = t - i >= ncond ? -err[t - i] : 0;
          for (int l = 0; l < sq; l++) {
            int idx = t - i - m * (l + 1);
            if (idx >= ncond) {
              v -= par[p + q + sp + l] * err[idx];
            }
          }
        } else if (j < p + q + sp) {
          int lag = m * (j - p - q + 1);
          v = -(w[t - lag] - mu);
          for (int i = 0; i < p; i++) {
            v += par[i] * (w[t - lag - i - 1] - mu);
          }
        } else if (j < p + q + sp + sq) {
          int lag = m * (j - p - q - sp + 1);
          v = t - lag >= ncond ? -err[t - lag] : 0;
          for (int i = 0; i < q; i++) {
            int idx = t - lag - i - 1;
            if (idx >= ncond) {
              v -= par[p + i] * err[idx];
            }
          }
        } else if (j < nc) {
          v = -(1 - arSum);
        } else {
          double[] x = xw[j - nc];
          v = -x[t];
          for (int l = 0; l < ar.length; l++) {
            v += ar[l] * x[t - arLag[l]];
          }
        }
        for (int l = 0; l < ma.length; l++) {
          int i = t - maLag[l];
          if (i >= ncond) {
            v -= ma[l] * g[i];
          }
        }
        g[t] = v;
        jac[t - ncond][j] = v;
      }
    }
    return s;
  }

  private static int[] toInt(double[] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (int) x[i];
    }
    return out;
  }

  /**
   * The sparse full AR and MA polynomials {@code {arCoef, arLag, maCoef, maLag}} of the
   * multiplicative model for raw parameters {@code (phi, theta, Phi, Theta[, mu])}: {@code w_t =
   * sum arCoef_k w_{t-arLag_k} + e_t + sum maCoef_k e_{t-maLag_k}} (about the mean).
   */
  static double[][] expand(ArimaOrder o, double[] par) {
    int p = o.p();
    int q = o.q();
    int sp = o.sp();
    int sq = o.sq();
    int m = o.m();
    int nar = p + sp + p * sp;
    int nma = q + sq + q * sq;
    double[] arC = new double[nar];
    double[] arL = new double[nar];
    double[] maC = new double[nma];
    double[] maL = new double[nma];
    int i = 0;
    for (int a = 0; a < p; a++) {
      arC[i] = par[a];
      arL[i++] = a + 1;
    }
    for (int b = 0; b < sp; b++) {
      arC[i] = par[p + q + b];
      arL[i++] = m * (b + 1);
      for (int a = 0; a < p; a++) {
        // (1 - phi B^a)(1 - Phi B^mb) has + phi Phi at lag a + mb, i.e. coefficient - phi Phi
        arC[i] = -par[a] * par[p + q + b];
        arL[i++] = a + 1 + m * (b + 1);
      }
    }
    i = 0;
    for (int a = 0; a < q; a++) {
      maC[i] = par[p + a];
      maL[i++] = a + 1;
    }
    for (int b = 0; b < sq; b++) {
      maC[i] = par[p + q + sp + b];
      maL[i++] = m * (b + 1);
      for (int a = 0; a < q; a++) {
        maC[i] = par[p + a] * par[p + q + sp + b];
        maL[i++] = a + 1 + m * (b + 1);
      }
    }
    return new double[][] {arC, arL, maC, maL};
  }

  /**
   * Durbin-Levinson map from partial autocorrelations {@code tanh(u)} to AR coefficients; {@code
   * sign = -1} gives MA coefficients of an invertible polynomial.
   */
  static double[] pacfToCoef(double[] u, int from, int k, double sign) {
    double[] phi = new double[k];
    double[] tmp = new double[k];
    for (int j = 0; j < k; j++) {
      double a = Math.tanh(u[from + j]);
      for (int i = 0; i < j; i++) {
        tmp[i] = phi[i] - a * phi[j - 1 - i];
      }
      System.arraycopy(tmp, 0, phi, 0, j);
      phi[j] = a;
    }
    for (int j = 0; j < k; j++) {
      phi[j] *= sign;
    }
    return phi;
  }

  /**
   * The inverse of {@link #pacfToCoef} for a stationary block: writes {@code atanh} of the partial
   * autocorrelations of {@code par[from..from+k)} into {@code out} (R's {@code ARIMA_Invtrans}).
   */
  static void coefToPacf(double[] par, double[] out, int from, int k) {
    double[] a = new double[k];
    System.arraycopy(par, from, a, 0, k);
    double[] tmp = new double[k];
    for (int j = k - 1; j >= 0; j--) {
      double c = a[j];
      out[from + j] = atanh(c);
      double den = 1 - c * c;
      for (int i = 0; i < j; i++) {
        tmp[i] = (a[i] + c * a[j - 1 - i]) / den;
      }
      System.arraycopy(tmp, 0, a, 0, j);
    }
  }

  private static double atanh(double x) {
    double c = Math.max(-0.999999, Math.min(0.999999, x));
    return 0.5 * Math.log((1 + c) / (1 - c));
  }
}
