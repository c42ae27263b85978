package org.shopcast.forecast.arima;

import java.util.Arrays;
import org.hipparchus.analysis.solvers.LaguerreSolver;
import org.hipparchus.complex.Complex;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Intervals;

/**
 * A fitted seasonal ARIMA model. Point forecasts run the Kalman filter of {@link ArmaKalman} over
 * the differenced series to its last state, as R's {@code predict.Arima}, project the state forward
 * and integrate back; intervals use the psi weights of the full model including the differencing
 * ({@code sd_h^2 = sigma^2 sum_{j<h} psi_j^2}, Box &amp; Jenkins).
 */
public final class ArimaModel {
  private final ArimaOrder order;
  private final double[] par;
  private final double mean;
  private final double sigma2;
  private final double logLik;
  private final double[] y;
  private final double[] w;
  private final ArimaFitter.Method method;
  private final double[][] xreg;
  private final double[][] xw;

  ArimaModel(
      ArimaOrder order,
      double[] par,
      double sigma2,
      double logLik,
      double[] y,
      double[] w,
      ArimaFitter.Method method) {
    this(order, par, sigma2, logLik, y, w, method, new double[0][], new double[0][]);
  }

  ArimaModel(
      ArimaOrder order,
      double[] par,
      double sigma2,
      double logLik,
      double[] y,
      double[] w,
      ArimaFitter.Method method,
      double[][] xreg,
      double[][] xw) {
    this.order = order;
    this.par = par;
    this.mean = ArimaFitter.mean(order, par);
    this.sigma2 = sigma2;
    this.logLik = logLik;
    this.y = y;
    this.w = w;
    this.method = method;
    this.xreg = xreg;
    this.xw = xw;
  }

  /** The same fit with another innovation variance (R's {@code auto.arima} rescales it). */
  ArimaModel withSigma2(double s2) {
    return new ArimaModel(order, par, s2, logLik, y, w, method, xreg, xw);
  }

  /** The model order. */
  public ArimaOrder order() {
    return order;
  }

  /** The innovation variance. */
  public double sigma2() {
    return sigma2;
  }

  /** The Gaussian log-likelihood (conditional for CSS fits, exact for ML fits). */
  public double logLik() {
    return logLik;
  }

  /** The mean (or drift) of the differenced series; 0 without a constant. */
  public double mean() {
    return mean;
  }

  /** Whether the coefficients are exact maximum-likelihood estimates (else CSS). */
  public boolean exactLikelihood() {
    return method == ArimaFitter.Method.ML;
  }

  /** The coefficients {@code phi_1..p, theta_1..q, Phi_1..P, Theta_1..Q} (R's sign convention). */
  public double[] coefficients() {
    return Arrays.copyOf(par, order.p() + order.q() + order.sp() + order.sq());
  }

  /** The coefficients of the external regressors, in the order of their columns. */
  public double[] regression() {
    return Arrays.copyOfRange(par, order.coefficients(), order.coefficients() + xw.length);
  }

  /** The number of external regressors. */
  public int regressors() {
    return xw.length;
  }

  /** The number of values of the differenced series, R's {@code nstar}. */
  int nstar() {
    return w.length;
  }

  /** The differenced series. */
  double[] differenced() {
    return w;
  }

  /**
   * AIC corrected for small samples as R's {@code auto.arima}: {@code k} = coefficients + 1 (the
   * variance) and {@code n = nstar}, the length of the differenced series.
   */
  public double aicc() {
    int k = order.coefficients() + xw.length + 1;
    int n = w.length;
    double aic = -2 * logLik + 2 * k;
    return n - k - 1 <= 0 ? Double.POSITIVE_INFINITY : aic + 2.0 * k * (k + 1) / (n - k - 1);
  }

  /**
   * The smallest modulus of the roots of the AR and MA polynomials (2 when there are none, as R);
   * R's {@code auto.arima} rejects a model when it is below 1.01. Computed per factor: the roots of
   * {@code Phi(B^m)} have the moduli of the roots of {@code Phi} to the power {@code 1/m}.
   */
  public double minRoot() {
    int p = order.p();
    int q = order.q();
    int sp = order.sp();
    int m = order.m();
    double r = 2;
    r = Math.min(r, minRoot(par, 0, p, -1));
    r = Math.min(r, minRoot(par, p, q, 1));
    r = Math.min(r, Math.pow(minRoot(par, p + q, sp, -1), 1.0 / m));
    r = Math.min(r, Math.pow(minRoot(par, p + q + sp, order.sq(), 1), 1.0 / m));
    return r;
  }

  private static double minRoot(double[] par, int from, int k, double sign) {
    int last = -1;
    for (int i = 0; i < k; i++) {
      if (Math.abs(par[from + i]) > 1e-8) {
        last = i;
      }
    }
    if (last < 0) {
      return 2;
    }
    double[] c = new double[last + 2];
    c[0] = 1;
    for (int i = 0; i <= last; i++) {
      c[i + 1] = sign * par[from + i];
    }
    if (last == 0) {
      return 1 / Math.abs(c[1]);
    }
    double best = Double.POSITIVE_INFINITY;
    for (Complex z : new LaguerreSolver().solveAllComplex(c, 10000, 0)) {
      best = Math.min(best, z.norm());
    }
    return best;
  }

  /**
   * Whether the AR block {@code par[from..from+k)} is stationary (all roots outside the unit
   * circle).
   */
  static boolean stationary(double[] par, int from, int k) {
    return k == 0 || minRoot(par, from, k, -1) > 1;
  }

  /** The dense full AR polynomial {@code phi*_1..phi*_{p+mP}} of the multiplicative model. */
  static double[] fullAr(ArimaOrder o, double[] par) {
    double[] out = new double[o.p() + o.m() * o.sp()];
    double[][] e = ArimaFitter.expand(o, par);
    for (int k = 0; k < e[0].length; k++) {
      out[(int) e[1][k] - 1] += e[0][k];
    }
    return out;
  }

  /** The dense full MA polynomial {@code theta*_1..theta*_{q+mQ}}. */
  static double[] fullMa(ArimaOrder o, double[] par) {
    double[] out = new double[o.q() + o.m() * o.sq()];
    double[][] e = ArimaFitter.expand(o, par);
    for (int k = 0; k < e[2].length; k++) {
      out[(int) e[3][k] - 1] += e[2][k];
    }
    return out;
  }

  /**
   * The standardised Kalman innovations {@code v_t / sqrt(F_t)} of the differenced series, or null
   * when the AR part is not stationary.
   */
  double[] innovations() {
    double[] std = new double[w.length];
    double[] res =
        new ArmaKalman(fullAr(order, par), fullMa(order, par))
            .filter(ArimaFitter.adjust(w, xw, order, par), mean, std, null);
    return res == null ? null : std;
  }

  /** Forecasts {@code horizon} steps with a central {@code level} interval. */
  public Forecast forecast(int horizon, double level) {
    if (xw.length > 0) {
      throw new IllegalArgumentException(
          "this ARIMA has " + xw.length + " regressors: forecast needs their future values");
    }
    return forecast(new double[0][], horizon, level);
  }

  /**
   * Forecasts {@code horizon} steps with the future values of the external regressors ({@code
   * future[j]} for column j, {@code horizon} values each) and a central {@code level} interval.
   */
  public Forecast forecast(double[][] future, int horizon, double level) {
    if (future.length != xw.length) {
      throw new IllegalArgumentException(
          "expected future values for " + xw.length + " regressors, got " + future.length);
    }
    double[] ar = fullAr(order, par);
    ArmaKalman kf = new ArmaKalman(ar, fullMa(order, par));
    double[] state = new double[kf.dimension()];
    double[] wf;
    double[] wa = ArimaFitter.adjust(w, xw, order, par);
    if (kf.filter(wa, mean, null, state) != null) {
      wf = kf.forecast(state, mean, horizon);
    } else {
      wf = cssForecast(horizon);
    }
    for (int j = 0; j < xw.length; j++) {
      if (future[j].length != horizon) {
        throw new IllegalArgumentException(
            "regressor "
                + (j + 1)
                + ": expected "
                + horizon
                + " future values, got "
                + future[j].length);
      }
      double[] all = Arrays.copyOf(xreg[j], xreg[j].length + horizon);
      System.arraycopy(future[j], 0, all, xreg[j].length, horizon);
      double[] d = ArimaFitter.difference(all, order);
      double b = par[order.coefficients() + j];
      for (int h = 0; h < horizon; h++) {
        wf[h] += b * d[d.length - horizon + h];
      }
    }
    double[] c = Differencing.polynomial(order.d(), order.sd(), order.m());
    int n = y.length;
    double[] yx = Arrays.copyOf(y, n + horizon);
    for (int h = 0; h < horizon; h++) {
      double v = wf[h];
      for (int k = 1; k < c.length; k++) {
        v += c[k] * yx[n + h - k];
      }
      yx[n + h] = v;
    }
    double[] point = Arrays.copyOfRange(yx, n, n + horizon);
    return Intervals.normal(order.toString(), point, sd(horizon, c, ar), level);
  }

  /** Forecasts of {@code w} from the CSS recursion (for a non-stationary AR part). */
  private double[] cssForecast(int horizon) {
    int ncond = order.p() + order.m() * order.sp();
    int nw = w.length;
    double[] e = new double[nw + horizon];
    ArimaFitter.css(w, xw, order, par, ncond, e, null);
    double[][] arms = ArimaFitter.expand(order, par);
    double[] wx = Arrays.copyOf(ArimaFitter.adjust(w, xw, order, par), nw + horizon);
    for (int t = nw; t < nw + horizon; t++) {
      double v = mean;
      for (int k = 0; k < arms[0].length; k++) {
        int i = t - (int) arms[1][k];
        v += arms[0][k] * ((i >= 0 ? wx[i] : mean) - mean);
      }
      for (int k = 0; k < arms[2].length; k++) {
        int i = t - (int) arms[3][k];
        v += i >= 0 ? arms[2][k] * e[i] : 0;
      }
      wx[t] = v;
    }
    return Arrays.copyOfRange(wx, nw, nw + horizon);
  }

  private double[] sd(int horizon, double[] c, double[] ar) {
    // full AR polynomial a*(B) = (1 - sum ar_k B^k)(1 - sum c_k B^k), as 1 - sum a_k B^k
    double[] a = new double[ar.length + c.length];
    double[] left = new double[ar.length + 1];
    left[0] = 1;
    for (int k = 0; k < ar.length; k++) {
      left[k + 1] = -ar[k];
    }
    double[] right = new double[c.length];
    right[0] = 1;
    for (int k = 1; k < c.length; k++) {
      right[k] = -c[k];
    }
    for (int i = 0; i < left.length; i++) {
      for (int j = 0; j < right.length; j++) {
        a[i + j] -= left[i] * right[j];
      }
    }
    double[] ma = fullMa(order, par);
    double[] psi = new double[horizon];
    double[] sd = new double[horizon];
    double sum = 0;
    for (int j = 0; j < horizon; j++) {
      double v = j == 0 ? 1 : (j - 1 < ma.length ? ma[j - 1] : 0);
      for (int k = 1; k <= j && k < a.length; k++) {
        v += a[k] * psi[j - k];
      }
      psi[j] = v;
      sum += v * v;
      sd[j] = Math.sqrt(sigma2 * sum);
    }
    return sd;
  }

  @Override
  public String toString() {
    return order + " sigma2=" + sigma2 + " aicc=" + aicc();
  }
}
