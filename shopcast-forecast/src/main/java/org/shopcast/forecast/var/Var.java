package org.shopcast.forecast.var;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Intervals;
import org.shopcast.forecast.Series;

/**
 * Vector autoregression with a constant, {@code y_t = c + A_1 y_{t-1} + ... + A_p y_{t-p} + u_t}
 * (Lütkepohl 2005, <i>New Introduction to Multiple Time Series Analysis</i>, ch. 3-4; R's {@code
 * vars::VAR(type = "const", ic = "AIC")}). The order p is the one with the lowest {@code AIC(p) =
 * ln det(Sigma_ML(p)) + 2 p k^2 / T}, every order fitted on the same {@code T = n - maxLag}
 * observations (as {@code vars::VARselect}); the chosen order is then refitted by least squares on
 * all {@code n - p}. Forecasts are iterated; the h-step forecast error covariance is {@code sum_{i
 * < h} Phi_i Sigma_u Phi_i'} with the moving-average matrices {@code Phi_0 = I}, {@code Phi_i =
 * sum_j Phi_{i-j} A_j} and {@code Sigma_u = U'U / (T - kp - 1)}, giving Gaussian intervals
 * (parameter uncertainty ignored, as in {@code predict.varest}). On one series it is an AR(p) by
 * AIC.
 */
public final class Var implements Forecaster {
  private final int maxLag;

  /** VAR with orders 1..{@code maxLag} compared (0 = the default, see {@link #defaultMaxLag}). */
  public Var(int maxLag) {
    if (maxLag < 0) {
      throw new IllegalArgumentException("maxLag must be >= 0, got " + maxLag);
    }
    this.maxLag = maxLag;
  }

  @Override
  public String name() {
    return "var";
  }

  /** {@code min(10, (n - 1) / (2 (k + 1)))}, at least 1: leaves enough observations per order. */
  public static int defaultMaxLag(int n, int k) {
    return Math.max(1, Math.min(10, (n - 1) / (2 * (k + 1))));
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    return fit(new double[][] {y}).forecast(horizon, level).get(0);
  }

  /**
   * Fits a VAR to {@code series} (k series of equal length, oldest first), the order chosen by AIC.
   */
  public Fit fit(double[][] series) {
    int k = series.length;
    if (k == 0) {
      throw new IllegalArgumentException("var needs at least one series");
    }
    int n = series[0].length;
    for (int i = 0; i < k; i++) {
      if (series[i].length != n) {
        throw new IllegalArgumentException(
            "var: every series needs the same length, got "
                + n
                + " and "
                + series[i].length
                + " (series "
                + (i + 1)
                + ")");
      }
      Series.checkLength(series[i], 2 * k + 4, "var");
      Series.checkNotConstant(series[i], "var (series " + (i + 1) + ")");
    }
    int lagMax = maxLag == 0 ? defaultMaxLag(n, k) : maxLag;
    if (n - lagMax < k * lagMax + 2) {
      throw new ForecastException(
          ForecastException.Problem.TooShort,
          "var: series too short for "
              + lagMax
              + " lags of "
              + k
              + " series: expected at least "
              + (lagMax + k * lagMax + 2)
              + " values, got "
              + n);
    }
    double[] aic = new double[lagMax];
    int best = 1;
    for (int p = 1; p <= lagMax; p++) {
      Ols o = ols(series, p, lagMax);
      double det = new LUDecomposition(o.residualCov(o.t)).getDeterminant();
      aic[p - 1] = Math.log(det) + 2.0 * p * k * k / o.t;
      if (aic[p - 1] < aic[best - 1]) {
        best = p;
      }
    }
    Ols o = ols(series, best, best);
    return new Fit(series, best, o, aic);
  }

  private record Ols(RealMatrix b, RealMatrix u, int t, int p) {
    RealMatrix residualCov(double divisor) {
      return u.transpose().multiply(u).scalarMultiply(1 / divisor);
    }
  }

  /** Least squares on the observations from index {@code start} on, with {@code p} lags. */
  private static Ols ols(double[][] y, int p, int start) {
    int k = y.length;
    int n = y[0].length;
    int t = n - start;
    RealMatrix z = new Array2DRowRealMatrix(t, 1 + k * p);
    RealMatrix yy = new Array2DRowRealMatrix(t, k);
    for (int r = 0; r < t; r++) {
      int time = start + r;
      z.setEntry(r, 0, 1);
      for (int lag = 1; lag <= p; lag++) {
        for (int j = 0; j < k; j++) {
          z.setEntry(r, 1 + (lag - 1) * k + j, y[j][time - lag]);
        }
      }
      for (int j = 0; j < k; j++) {
        yy.setEntry(r, j, y[j][time]);
      }
    }
    RealMatrix b = new QRDecomposition(z).getSolver().solve(yy);
    RealMatrix u = yy.subtract(z.multiply(b));
    return new Ols(b, u, t, p);
  }

  /** A fitted VAR. */
  public static final class Fit {
    private final double[][] y;
    private final int order;
    private final RealMatrix b;
    private final RealMatrix sigma;
    private final double[] aic;

    private Fit(double[][] y, int order, Ols o, double[] aic) {
      this.y = y;
      this.order = order;
      this.b = o.b;
      this.sigma = o.residualCov(o.t - y.length * order - 1.0);
      this.aic = aic.clone();
    }

    /** The order p chosen by AIC. */
    public int order() {
      return order;
    }

    /** AIC of the orders 1, 2, ... compared. */
    public double[] aic() {
      return aic.clone();
    }

    /** The constant of equation {@code i}. */
    public double intercept(int i) {
      return b.getEntry(0, i);
    }

    /** Element (i, j) of A_lag: the effect of series j at {@code t - lag} on series i at t. */
    public double coefficient(int lag, int i, int j) {
      return b.getEntry(1 + (lag - 1) * y.length + j, i);
    }

    /** The residual covariance Sigma_u, element (i, j). */
    public double sigma(int i, int j) {
      return sigma.getEntry(i, j);
    }

    /** Forecasts {@code horizon} steps of every series, in input order. */
    public List<Forecast> forecast(int horizon, double level) {
      Series.checkArguments(horizon, level);
      int k = y.length;
      int n = y[0].length;
      double[][] path = new double[k][n + horizon];
      for (int j = 0; j < k; j++) {
        System.arraycopy(y[j], 0, path[j], 0, n);
      }
      for (int h = 0; h < horizon; h++) {
        int t = n + h;
        for (int i = 0; i < k; i++) {
          double v = intercept(i);
          for (int lag = 1; lag <= order; lag++) {
            for (int j = 0; j < k; j++) {
              v += coefficient(lag, i, j) * path[j][t - lag];
            }
          }
          path[i][t] = v;
        }
      }
      List<RealMatrix> phi = new ArrayList<>();
      phi.add(org.hipparchus.linear.MatrixUtils.createRealIdentityMatrix(k));
      RealMatrix mse = new Array2DRowRealMatrix(k, k);
      double[][] sd = new double[k][horizon];
      for (int h = 0; h < horizon; h++) {
        if (h > 0) {
          RealMatrix next = new Array2DRowRealMatrix(k, k);
          for (int lag = 1; lag <= Math.min(h, order); lag++) {
            next = next.add(phi.get(h - lag).multiply(a(lag)));
          }
          phi.add(next);
        }
        mse = mse.add(phi.get(h).multiply(sigma).multiply(phi.get(h).transpose()));
        for (int i = 0; i < k; i++) {
          sd[i][h] = Math.sqrt(mse.getEntry(i, i));
        }
      }
      List<Forecast> out = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        double[] point = java.util.Arrays.copyOfRange(path[i], n, n + horizon);
        out.add(Intervals.normal("VAR(" + order + ")", point, sd[i], level));
      }
      return out;
    }

    private RealMatrix a(int lag) {
      int k = y.length;
      RealMatrix m = new Array2DRowRealMatrix(k, k);
      for (int i = 0; i < k; i++) {
        for (int j = 0; j < k; j++) {
          m.setEntry(i, j, coefficient(lag, i, j));
        }
      }
      return m;
    }
  }
}
