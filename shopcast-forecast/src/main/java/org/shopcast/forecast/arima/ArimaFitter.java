package org.shopcast.forecast.arima;

import java.util.ArrayList;
import java.util.List;
import org.shopcast.forecast.internal.Minimizer;

/**
 * Fits a seasonal ARIMA model by conditional sum of squares (CSS, Box &amp; Jenkins; R's {@code
 * arima(method = "CSS")}): the series is differenced, the first {@code p + mP} values condition the
 * recursion and the sum of squared one-step errors is minimised by Nelder-Mead. AR and MA
 * polynomials are parameterised through partial autocorrelations {@code tanh(u)} (Jones 1980; R's
 * {@code transform.pars}), so every fit is stationary and invertible.
 */
final class ArimaFitter {
  private ArimaFitter() {}

  static ArimaModel fit(double[] y, ArimaOrder o) {
    double[] w = y;
    for (int i = 0; i < o.d(); i++) {
      w = Differencing.diff(w, 1);
    }
    for (int i = 0; i < o.sd(); i++) {
      w = Differencing.diff(w, o.m());
    }
    int ncond = o.p() + o.m() * o.sp();
    int used = w.length - ncond;
    if (used < o.coefficients() + 3) {
      return null;
    }
    double wMean = 0;
    double wVar = 0;
    for (double v : w) {
      wMean += v;
    }
    wMean /= w.length;
    for (double v : w) {
      wVar += (v - wMean) * (v - wMean);
    }
    wVar /= w.length;
    int dim = o.coefficients();
    double[] start = new double[dim];
    double[] steps = new double[dim];
    java.util.Arrays.fill(steps, 0.1);
    if (o.constant()) {
      start[dim - 1] = wMean;
      steps[dim - 1] = Math.max(Math.sqrt(wVar) * 0.1, 1e-6);
    }
    final double[] wf = w;
    double[] best =
        dim == 0
            ? start
            : Minimizer.minimize(
                u -> css(wf, o, u, ncond, null), start, steps, Math.min(3000, 200 + 300 * dim));
    double[] resid = new double[w.length];
    double css = css(w, o, best, ncond, resid);
    if (!Double.isFinite(css) || css <= 0) {
      return null;
    }
    double sigma2 = css / used;
    double logLik = -0.5 * used * (Math.log(2 * Math.PI * sigma2) + 1);
    return new ArimaModel(
        o,
        expand(o, best),
        o.constant() ? best[dim - 1] : 0,
        sigma2,
        logLik,
        used,
        y.clone(),
        w,
        resid);
  }

  private static double css(double[] w, ArimaOrder o, double[] u, int ncond, double[] resid) {
    double[][] arms = expand(o, u);
    double[] ar = arms[0];
    double[] arLag = arms[1];
    double[] ma = arms[2];
    double[] maLag = arms[3];
    double mu = o.constant() ? u[u.length - 1] : 0;
    double[] e = resid == null ? new double[w.length] : resid;
    double s = 0;
    for (int t = ncond; t < w.length; t++) {
      double v = w[t] - mu;
      for (int k = 0; k < ar.length; k++) {
        v -= ar[k] * (w[t - (int) arLag[k]] - mu);
      }
      for (int k = 0; k < ma.length; k++) {
        int i = t - (int) maLag[k];
        if (i >= ncond) {
          v -= ma[k] * e[i];
        }
      }
      e[t] = v;
      s += v * v;
    }
    return s;
  }

  /**
   * The sparse full AR and MA polynomials {@code {arCoef, arLag, maCoef, maLag}} of the
   * multiplicative model for parameters {@code u}.
   */
  static double[][] expand(ArimaOrder o, double[] u) {
    int i = 0;
    double[] phi = pacfToCoef(u, i, o.p(), 1);
    i += o.p();
    double[] theta = pacfToCoef(u, i, o.q(), -1);
    i += o.q();
    double[] sphi = pacfToCoef(u, i, o.sp(), 1);
    i += o.sp();
    double[] stheta = pacfToCoef(u, i, o.sq(), -1);
    double[][] ar = product(phi, sphi, o.m(), -1);
    double[][] ma = product(theta, stheta, o.m(), 1);
    return new double[][] {ar[0], ar[1], ma[0], ma[1]};
  }

  /**
   * Coefficients at all lags of {@code (1 + s a(B))(1 + s A(B^m))} minus 1, divided by s, i.e. for
   * AR ({@code s = -1}) the {@code c} in {@code 1 - sum c_k B^k}.
   */
  private static double[][] product(double[] a, double[] seas, int m, double s) {
    List<double[]> terms = new ArrayList<>();
    for (int i = 0; i < a.length; i++) {
      terms.add(new double[] {i + 1, a[i]});
    }
    for (int k = 0; k < seas.length; k++) {
      terms.add(new double[] {m * (k + 1), seas[k]});
      for (int i = 0; i < a.length; i++) {
        // (1 + s a B^i)(1 + s A B^mk) has s^2 a A at lag i + mk; divided by s gives s a A
        terms.add(new double[] {i + 1 + m * (k + 1), s * a[i] * seas[k]});
      }
    }
    terms.sort((x, y) -> Double.compare(x[0], y[0]));
    double[] coef = new double[terms.size()];
    double[] lag = new double[terms.size()];
    for (int i = 0; i < terms.size(); i++) {
      lag[i] = terms.get(i)[0];
      coef[i] = terms.get(i)[1];
    }
    return new double[][] {coef, lag};
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
}
