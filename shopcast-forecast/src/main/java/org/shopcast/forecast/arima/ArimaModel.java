package org.shopcast.forecast.arima;

import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Intervals;

/**
 * A fitted seasonal ARIMA model. Point forecasts iterate the ARMA recursion on the differenced
 * series with future errors 0 and integrate back; intervals use the psi weights of the full model
 * including the differencing ({@code sd_h^2 = sigma^2 sum_{j<h} psi_j^2}, Box &amp; Jenkins).
 */
public final class ArimaModel {
  private final ArimaOrder order;
  private final double[] ar;
  private final int[] arLag;
  private final double[] ma;
  private final int[] maLag;
  private final double mean;
  private final double sigma2;
  private final double logLik;
  private final int used;
  private final double[] y;
  private final double[] w;
  private final double[] resid;

  ArimaModel(
      ArimaOrder order,
      double[][] arms,
      double mean,
      double sigma2,
      double logLik,
      int used,
      double[] y,
      double[] w,
      double[] resid) {
    this.order = order;
    this.ar = arms[0];
    this.arLag = toInt(arms[1]);
    this.ma = arms[2];
    this.maLag = toInt(arms[3]);
    this.mean = mean;
    this.sigma2 = sigma2;
    this.logLik = logLik;
    this.used = used;
    this.y = y;
    this.w = w;
    this.resid = resid;
  }

  private static int[] toInt(double[] x) {
    int[] out = new int[x.length];
    for (int i = 0; i < x.length; i++) {
      out[i] = (int) x[i];
    }
    return out;
  }

  /** The model order. */
  public ArimaOrder order() {
    return order;
  }

  /** The residual variance. */
  public double sigma2() {
    return sigma2;
  }

  /** The Gaussian log-likelihood of the conditional fit. */
  public double logLik() {
    return logLik;
  }

  /** The mean (or drift) of the differenced series; 0 without a constant. */
  public double mean() {
    return mean;
  }

  /** AIC corrected for small samples, with {@code k} = coefficients + 1 (the variance). */
  public double aicc() {
    int k = order.coefficients() + 1;
    double aic = -2 * logLik + 2 * k;
    return used - k - 1 <= 0 ? Double.POSITIVE_INFINITY : aic + 2.0 * k * (k + 1) / (used - k - 1);
  }

  /** Forecasts {@code horizon} steps with a central {@code level} interval. */
  public Forecast forecast(int horizon, double level) {
    int nw = w.length;
    double[] wx = java.util.Arrays.copyOf(w, nw + horizon);
    double[] ex = java.util.Arrays.copyOf(resid, nw + horizon);
    for (int t = nw; t < nw + horizon; t++) {
      double v = mean;
      for (int k = 0; k < ar.length; k++) {
        int i = t - arLag[k];
        v += ar[k] * ((i >= 0 ? wx[i] : mean) - mean);
      }
      for (int k = 0; k < ma.length; k++) {
        int i = t - maLag[k];
        v += i >= 0 ? ma[k] * ex[i] : 0;
      }
      wx[t] = v;
    }
    double[] c = Differencing.polynomial(order.d(), order.sd(), order.m());
    int n = y.length;
    double[] yx = java.util.Arrays.copyOf(y, n + horizon);
    for (int h = 0; h < horizon; h++) {
      double v = wx[nw + h];
      for (int k = 1; k < c.length; k++) {
        v += c[k] * yx[n + h - k];
      }
      yx[n + h] = v;
    }
    double[] point = java.util.Arrays.copyOfRange(yx, n, n + horizon);
    return Intervals.normal(order.toString(), point, sd(horizon, c), level);
  }

  private double[] sd(int horizon, double[] c) {
    // full AR polynomial a*(B) = (1 - sum ar B^lag)(1 - sum c B^k), as 1 - sum a_k B^k
    int arMax = arLag.length == 0 ? 0 : arLag[arLag.length - 1];
    double[] a = new double[arMax + c.length];
    double[] left = new double[arMax + 1];
    left[0] = 1;
    for (int k = 0; k < ar.length; k++) {
      left[arLag[k]] -= ar[k];
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
    double[] theta = new double[horizon];
    for (int k = 0; k < ma.length; k++) {
      if (maLag[k] < horizon) {
        theta[maLag[k]] += ma[k];
      }
    }
    double[] psi = new double[horizon];
    double[] sd = new double[horizon];
    double sum = 0;
    for (int j = 0; j < horizon; j++) {
      double v = j == 0 ? 1 : theta[j];
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
