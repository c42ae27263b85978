package org.shopcast.forecast.regression;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DecompositionSolver;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Series;

/**
 * Linear regression of the series on a design of intercept, linear trend {@code t = 1..n}, Fourier
 * terms {@code sin(2 pi k t / p), cos(2 pi k t / p)}, {@code k = 1..K} for every seasonal period
 * {@code p} (Hyndman &amp; Athanasopoulos, FPP3 7.4 and 12.1; R's {@code tslm(y ~ trend +
 * fourier(y, K))}), optional day-of-week and month dummies and external regressors (holidays,
 * promotions; their future values must be known). Fitted by ordinary least squares (Householder QR,
 * Hipparchus). Columns that are constant or linear combinations of earlier ones in the history
 * (e.g. a month never observed, a sine at the Nyquist frequency) are dropped, Gram-Schmidt style.
 * Prediction intervals use the residual variance {@code s^2 = RSS / (n - p)} and the leverage of
 * the future row: {@code y_hat +- t(n - p) s sqrt(1 + x0' (X'X)^-1 x0)}.
 */
public final class LinearRegression implements Forecaster {
  private final int[] periods;
  private final int maxK;

  /**
   * Trend plus {@code min(p / 2, maxK)} Fourier pairs for each period {@code p > 1} of {@code
   * periods}.
   */
  public LinearRegression(int[] periods, int maxK) {
    if (maxK < 0) {
      throw new IllegalArgumentException("Fourier terms must be >= 0, got " + maxK);
    }
    this.periods = periods.clone();
    this.maxK = maxK;
  }

  @Override
  public String name() {
    return "regression";
  }

  /**
   * A fitted regression.
   *
   * @param columns the names of the columns kept
   * @param coefficients one per column kept
   * @param sigma2 the residual variance {@code RSS / (n - p)}
   * @param forecast the forecast
   */
  public record Fit(
      List<String> columns, List<Double> coefficients, double sigma2, Forecast forecast) {}

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    return fit(y, Covariates.NONE, horizon, level).forecast();
  }

  /**
   * Fits on {@code y} with {@code cov} ({@code y.length + horizon} rows when it has times or
   * regressors) and forecasts {@code horizon} steps.
   */
  public Fit fit(double[] y, Covariates cov, int horizon, double level) {
    Series.checkArguments(horizon, level);
    int n = y.length;
    int rows = cov.rows();
    if (rows >= 0 && rows != n + horizon) {
      throw new IllegalArgumentException(
          "regression: the covariates need "
              + (n + horizon)
              + " rows (history "
              + n
              + " + horizon "
              + horizon
              + "), got "
              + rows);
    }
    List<String> names = new ArrayList<>();
    List<double[]> cols = new ArrayList<>();
    int total = n + horizon;
    double[] one = new double[total];
    Arrays.fill(one, 1);
    add(names, cols, "intercept", one);
    double[] trend = new double[total];
    for (int t = 0; t < total; t++) {
      trend[t] = t + 1;
    }
    add(names, cols, "trend", trend);
    for (int p : periods) {
      for (int k = 1; p > 1 && k <= Math.min(p / 2, maxK); k++) {
        double[] s = new double[total];
        double[] c = new double[total];
        for (int t = 0; t < total; t++) {
          s[t] = Math.sin(2 * Math.PI * k * (t + 1) / p);
          c[t] = Math.cos(2 * Math.PI * k * (t + 1) / p);
        }
        add(names, cols, "S" + k + "-" + p, s);
        add(names, cols, "C" + k + "-" + p, c);
      }
    }
    if (cov.dayOfWeek()) {
      for (int d = 2; d <= 7; d++) {
        final int day = d;
        add(names, cols, "dow" + d, dummy(cov.times(), t -> t.getDayOfWeek().getValue() == day));
      }
    }
    if (cov.month()) {
      for (int mo = 2; mo <= 12; mo++) {
        final int month = mo;
        add(names, cols, "month" + mo, dummy(cov.times(), t -> t.getMonthValue() == month));
      }
    }
    for (int j = 0; j < cov.names().size(); j++) {
      double[] v = new double[total];
      for (int t = 0; t < total; t++) {
        v[t] = cov.values().get(t)[j];
      }
      add(names, cols, cov.names().get(j), v);
    }
    int[] keep = independentColumns(cols, n);
    int p = keep.length;
    Series.checkLength(y, p + 1, "regression (" + p + " coefficients)");
    RealMatrix x = new Array2DRowRealMatrix(n, p);
    for (int j = 0; j < p; j++) {
      for (int t = 0; t < n; t++) {
        x.setEntry(t, j, cols.get(keep[j])[t]);
      }
    }
    DecompositionSolver solver = new QRDecomposition(x).getSolver();
    RealVector beta = solver.solve(new ArrayRealVector(y));
    RealVector resid = new ArrayRealVector(y).subtract(x.operate(beta));
    double sigma2 = resid.dotProduct(resid) / (n - p);
    RealMatrix xtxInv = new QRDecomposition(x.transpose().multiply(x)).getSolver().getInverse();
    double q = new TDistribution(n - p).inverseCumulativeProbability(0.5 + level / 2);
    double[] point = new double[horizon];
    double[] lo = new double[horizon];
    double[] hi = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      RealVector x0 = new ArrayRealVector(p);
      for (int j = 0; j < p; j++) {
        x0.setEntry(j, cols.get(keep[j])[n + h]);
      }
      point[h] = x0.dotProduct(beta);
      double se = Math.sqrt(sigma2 * (1 + x0.dotProduct(xtxInv.operate(x0))));
      lo[h] = point[h] - q * se;
      hi[h] = point[h] + q * se;
    }
    List<String> kept = new ArrayList<>();
    List<Double> coef = new ArrayList<>();
    for (int j = 0; j < p; j++) {
      kept.add(names.get(keep[j]));
      coef.add(beta.getEntry(j));
    }
    return new Fit(kept, coef, sigma2, new Forecast("regression", point, lo, hi, level));
  }

  private static void add(List<String> names, List<double[]> cols, String name, double[] col) {
    names.add(name);
    cols.add(col);
  }

  private static double[] dummy(
      List<LocalDateTime> times, java.util.function.Predicate<LocalDateTime> is) {
    double[] v = new double[times.size()];
    for (int t = 0; t < v.length; t++) {
      v[t] = is.test(times.get(t)) ? 1 : 0;
    }
    return v;
  }

  /**
   * The columns, in order, that are not (numerically) linear combinations of the ones kept before
   * them over the first {@code n} rows: modified Gram-Schmidt, dropping a column whose remaining
   * norm is below 1e-9 of its own.
   */
  static int[] independentColumns(List<double[]> cols, int n) {
    List<double[]> basis = new ArrayList<>();
    List<Integer> keep = new ArrayList<>();
    for (int j = 0; j < cols.size(); j++) {
      double[] v = Arrays.copyOf(cols.get(j), n);
      double norm0 = Math.sqrt(dot(v, v));
      if (norm0 == 0) {
        continue;
      }
      for (double[] b : basis) {
        double d = dot(v, b);
        for (int t = 0; t < n; t++) {
          v[t] -= d * b[t];
        }
      }
      double norm = Math.sqrt(dot(v, v));
      if (norm > 1e-9 * norm0) {
        for (int t = 0; t < n; t++) {
          v[t] /= norm;
        }
        basis.add(v);
        keep.add(j);
      }
    }
    if (keep.isEmpty()) {
      throw new ForecastException(
          ForecastException.Problem.Constant, "regression: no usable column");
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }
}
