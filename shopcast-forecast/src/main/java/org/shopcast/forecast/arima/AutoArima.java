package org.shopcast.forecast.arima;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Series;

/**
 * AutoARIMA after Hyndman &amp; Khandakar (2008), "Automatic time series forecasting: the forecast
 * package for R", JSS 27(3), with the defaults of R's {@code forecast::auto.arima} 8.20: {@code D}
 * from the seasonal strength of an STL decomposition ({@code seasonal.test = "seas"}, see {@link
 * UnitRoot}), {@code d} from repeated KPSS tests, then the stepwise search over {@code p, q <= 5},
 * {@code P, Q <= 2} (each at most a third of the series, in seasons for {@code P, Q}) and the mean
 * or drift, from (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1) and (0,d,0)(0,D,0)
 * without constant, visiting the neighbours in R's order (P-1, Q-1, P+1, Q+1, both seasonal, p-1,
 * q-1, p+1, q+1, both, the constant) and moving to the first that lowers the AICc, at most 94
 * models. A model whose AR or MA roots lie within 1.01 of the unit circle is rejected.
 *
 * <p>By default every candidate is fitted by CSS-ML (exact maximum likelihood from CSS starting
 * values) and ranked by its exact AICc, as R's {@code auto.arima(approximation = FALSE)} and
 * statsforecast's {@code AutoARIMA} (whose default is {@code approximation=False}). With {@link
 * #withApproximation} on (R's default when {@code n > 150} or {@code m > 12}) candidates are fitted
 * by CSS and ranked by the {@code nstar log(sigma^2)}-based AICc; the best are then refitted by
 * CSS-ML in AICc order until one passes the root check, as R does: about twice as fast, but on the
 * 414 M4 Hourly series less accurate (see docs/forecast.md). Use for series with autocorrelation
 * beyond level, trend and season.
 */
public final class AutoArima implements Forecaster {
  private static final int MAX_NMODELS = 94;
  private final int m;
  private final int maxP;
  private final int maxSp;
  private final Boolean approximation;

  /** AutoARIMA for season period {@code m} (1 = non-seasonal) with R's maximum orders. */
  public AutoArima(int m) {
    this(m, 5, 2);
  }

  /** AutoARIMA with maximum non-seasonal orders {@code maxP} (p, q) and seasonal {@code maxSp}. */
  public AutoArima(int m, int maxP, int maxSp) {
    this(m, maxP, maxSp, Boolean.FALSE);
  }

  private AutoArima(int m, int maxP, int maxSp, Boolean approximation) {
    if (m < 1) {
      throw new IllegalArgumentException("season period must be >= 1, got " + m);
    }
    this.m = m;
    this.maxP = maxP;
    this.maxSp = maxSp;
    this.approximation = approximation;
  }

  /**
   * This search with {@code approximation} on (rank CSS fits, refit the best by CSS-ML) or off
   * (every candidate by CSS-ML, the default); {@code null} applies R's rule {@code n > 150 || m >
   * 12}.
   */
  public AutoArima withApproximation(Boolean approximation) {
    return new AutoArima(m, maxP, maxSp, approximation);
  }

  @Override
  public String name() {
    return "arima";
  }

  /** Fits one given order by conditional sum of squares (R's {@code method = "CSS"}). */
  public static ArimaModel fit(double[] y, ArimaOrder order) {
    return fit(y, order, false);
  }

  /**
   * Fits one given order by CSS ({@code exact = false}) or by CSS then exact maximum likelihood
   * (R's default {@code method = "CSS-ML"}).
   */
  public static ArimaModel fit(double[] y, ArimaOrder order, boolean exact) {
    return fit(y, order, exact, new double[0][]);
  }

  /**
   * Fits a regression on the columns {@code xreg} (each as long as {@code y}) with ARIMA errors of
   * the given order, by CSS or CSS-ML as {@link #fit(double[], ArimaOrder, boolean)}.
   */
  public static ArimaModel fit(double[] y, ArimaOrder order, boolean exact, double[][] xreg) {
    checkRegressors(y, xreg, 0);
    Series.checkLength(
        y, order.d() + order.m() * order.sd() + order.coefficients() + xreg.length + 4, "arima");
    ArimaModel fit =
        ArimaFitter.fit(
            y, order, exact ? ArimaFitter.Method.ML : ArimaFitter.Method.CSS, xreg.clone());
    if (fit == null) {
      throw new ForecastException(
          ForecastException.Problem.TooShort, "arima: cannot fit " + order + " to this series");
    }
    return fit;
  }

  /** Selects and fits the model. */
  public ArimaModel select(double[] y) {
    return select(y, new double[0][]);
  }

  /**
   * Selects and fits a regression on the columns {@code xreg} (each as long as {@code y}) with
   * ARIMA errors, as R's {@code auto.arima(y, xreg = ...)}: the differencing is chosen on the
   * residuals of the least-squares regression of {@code y} on the regressors, then every candidate
   * estimates the regression coefficients jointly with its ARMA part.
   */
  public ArimaModel select(double[] y, double[][] xreg) {
    Series.checkLength(y, 8 + xreg.length, name());
    Series.checkNotConstant(y, name());
    checkRegressors(y, xreg, 0);
    int n = y.length;
    int period = m;
    int sd = 0;
    double[] xx = xreg.length == 0 ? y : olsResiduals(y, xreg);
    if (period > 1 && n > 2 * period) {
      sd = UnitRoot.nsdiffs(xx, period);
    }
    if (period > 1 && n <= 2 * period) {
      period = 1;
    }
    double[] x = xx;
    for (int i = 0; i < sd; i++) {
      x = Differencing.diff(x, period);
    }
    int d = Series.isConstant(x) ? 0 : UnitRoot.ndiffs(x, 2);
    double[] w = x;
    for (int i = 0; i < d; i++) {
      w = Differencing.diff(w, 1);
    }
    boolean constant = d + sd <= 1;
    if (Series.isConstant(w) && xreg.length == 0) {
      return fit(y, new ArimaOrder(0, d, 0, 0, sd, 0, period, constant), false);
    }
    int mp = Math.min(maxP, n / 3);
    int msp = period > 1 ? Math.min(maxSp, n / 3 / period) : 0;
    if (period > 1 && msp > 0) {
      mp = Math.min(mp, period - 1);
    }
    boolean approx = approximation != null ? approximation : n > 150 || period > 12;
    Search s = new Search(y, xreg.clone(), approx);
    int p = Math.min(2, mp);
    int q = Math.min(2, mp);
    int sp = Math.min(1, msp);
    int sq = Math.min(1, msp);
    int[] cur = {p, q, sp, sq, constant ? 1 : 0};
    s.tryStart(order(cur, d, sd, period), cur);
    s.tryStart(
        order(new int[] {0, 0, 0, 0, cur[4]}, d, sd, period), new int[] {0, 0, 0, 0, cur[4]});
    if (mp > 0 || msp > 0) {
      int[] c = {mp > 0 ? 1 : 0, 0, msp > 0 ? 1 : 0, 0, constant ? 1 : 0};
      s.tryStart(order(c, d, sd, period), c);
    }
    if (mp > 0 || msp > 0) {
      int[] c = {0, mp > 0 ? 1 : 0, 0, msp > 0 ? 1 : 0, constant ? 1 : 0};
      s.tryStart(order(c, d, sd, period), c);
    }
    if (constant) {
      int[] c = {0, 0, 0, 0, 0};
      s.tryStart(order(c, d, sd, period), c);
    }
    boolean moved = true;
    while (moved && s.tried.size() < MAX_NMODELS) {
      moved = false;
      for (int[] c : neighbours(s.current, mp, msp, constant)) {
        ArimaOrder o = order(c, d, sd, period);
        if (s.tried.containsKey(o)) {
          continue;
        }
        if (s.tried.size() >= MAX_NMODELS) {
          break;
        }
        if (s.tryMove(o, c)) {
          moved = true;
          break;
        }
      }
    }
    ArimaModel best = approx ? s.refit() : s.best;
    if (best == null) {
      throw new ForecastException(
          ForecastException.Problem.TooShort, "arima: no ARIMA model could be fitted");
    }
    // as R's auto.arima: sigma^2 = sum of squared (standardised) residuals / (nstar - npar + 1)
    double[] res = best.innovations();
    if (res != null) {
      double ss = 0;
      for (double v : res) {
        ss += v * v;
      }
      best = best.withSigma2(ss / (best.nstar() - best.order().coefficients()));
    }
    return best;
  }

  /** The state of one stepwise search. */
  private static final class Search {
    final double[] y;
    final double[][] xreg;
    final boolean approx;
    final Map<ArimaOrder, Double> tried = new LinkedHashMap<>();
    ArimaModel best;
    double bestIc = Double.POSITIVE_INFINITY;
    int[] current;

    Search(double[] y, double[][] xreg, boolean approx) {
      this.y = y;
      this.xreg = xreg;
      this.approx = approx;
    }

    double fitIc(ArimaOrder o, List<ArimaModel> out) {
      ArimaModel fit =
          ArimaFitter.fit(y, o, approx ? ArimaFitter.Method.CSS : ArimaFitter.Method.ML, xreg);
      double ic = ic(fit);
      tried.put(o, ic);
      out.add(fit);
      return ic;
    }

    void tryStart(ArimaOrder o, int[] c) {
      List<ArimaModel> out = new ArrayList<>(1);
      double ic = fitIc(o, out);
      if (current == null || ic < bestIc) {
        bestIc = ic;
        best = Double.isFinite(ic) ? out.get(0) : null;
        current = c;
      }
    }

    boolean tryMove(ArimaOrder o, int[] c) {
      List<ArimaModel> out = new ArrayList<>(1);
      double ic = fitIc(o, out);
      if (ic < bestIc) {
        bestIc = ic;
        best = out.get(0);
        current = c;
        return true;
      }
      return false;
    }

    /** Refits the candidates by CSS-ML in AICc order; the first acceptable one wins. */
    ArimaModel refit() {
      List<Map.Entry<ArimaOrder, Double>> order = new ArrayList<>(tried.entrySet());
      order.sort(Comparator.comparingDouble(Map.Entry::getValue));
      for (Map.Entry<ArimaOrder, Double> e : order) {
        ArimaModel fit = ArimaFitter.fit(y, e.getKey(), ArimaFitter.Method.ML, xreg);
        if (Double.isFinite(ic(fit))) {
          return fit;
        }
      }
      return null;
    }
  }

  /** The AICc, or infinity for a failed fit or roots within 1.01 of the unit circle. */
  static double ic(ArimaModel fit) {
    if (fit == null) {
      return Double.POSITIVE_INFINITY;
    }
    double ic = fit.aicc();
    if (!Double.isFinite(ic) || fit.minRoot() < 1.01) {
      return Double.POSITIVE_INFINITY;
    }
    return ic;
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    Series.checkArguments(horizon, level);
    return select(y).forecast(horizon, level).named(name());
  }

  /**
   * Forecasts {@code y} by a regression with ARIMA errors on the columns {@code xreg}, each
   * covering the history and the horizon ({@code y.length + horizon} values).
   */
  public Forecast forecast(double[] y, double[][] xreg, int horizon, double level) {
    Series.checkArguments(horizon, level);
    checkRegressors(y, xreg, horizon);
    int n = y.length;
    double[][] past = new double[xreg.length][];
    double[][] future = new double[xreg.length][];
    for (int j = 0; j < xreg.length; j++) {
      past[j] = java.util.Arrays.copyOf(xreg[j], n);
      future[j] = java.util.Arrays.copyOfRange(xreg[j], n, n + horizon);
    }
    return select(y, past).forecast(future, horizon, level).named(name());
  }

  private static void checkRegressors(double[] y, double[][] xreg, int horizon) {
    for (int j = 0; j < xreg.length; j++) {
      if (xreg[j].length != y.length + horizon) {
        throw new IllegalArgumentException(
            "arima: regressor "
                + (j + 1)
                + " needs "
                + (y.length + horizon)
                + " values (history + horizon), got "
                + xreg[j].length);
      }
      for (double v : xreg[j]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(
              "arima: regressor " + (j + 1) + " has a missing or non-finite value");
        }
      }
    }
  }

  /** The residuals of the least-squares regression of {@code y} on an intercept and {@code x}. */
  private static double[] olsResiduals(double[] y, double[][] x) {
    int n = y.length;
    double[][] a = new double[n][x.length + 1];
    for (int t = 0; t < n; t++) {
      a[t][0] = 1;
      for (int j = 0; j < x.length; j++) {
        a[t][j + 1] = x[j][t];
      }
    }
    org.hipparchus.linear.RealMatrix am = new org.hipparchus.linear.Array2DRowRealMatrix(a, false);
    double[] b;
    try {
      b =
          new org.hipparchus.linear.QRDecomposition(am, 1e-10)
              .getSolver()
              .solve(new org.hipparchus.linear.ArrayRealVector(y))
              .toArray();
    } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
      return y;
    }
    double[] fit = am.operate(b);
    double[] r = new double[n];
    for (int t = 0; t < n; t++) {
      r[t] = y[t] - fit[t];
    }
    return r;
  }

  private static ArimaOrder order(int[] c, int d, int sd, int period) {
    return new ArimaOrder(c[0], d, c[1], c[2], sd, c[3], period, c[4] == 1);
  }

  /**
   * The Hyndman-Khandakar neighbourhood of {@code c = {p, q, P, Q, constant}} in the order R's
   * {@code auto.arima} visits it.
   */
  static List<int[]> neighbours(int[] c, int mp, int msp, boolean allowConstant) {
    int p = c[0];
    int q = c[1];
    int sp = c[2];
    int sq = c[3];
    int k = c[4];
    int[][] moves = {
      {0, 0, -1, 0}, {0, 0, 0, -1}, {0, 0, 1, 0}, {0, 0, 0, 1},
      {0, 0, -1, -1}, {0, 0, -1, 1}, {0, 0, 1, -1}, {0, 0, 1, 1},
      {-1, 0, 0, 0}, {0, -1, 0, 0}, {1, 0, 0, 0}, {0, 1, 0, 0},
      {-1, -1, 0, 0}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {1, 1, 0, 0}
    };
    List<int[]> out = new ArrayList<>();
    for (int[] mv : moves) {
      int np = p + mv[0];
      int nq = q + mv[1];
      int nsp = sp + mv[2];
      int nsq = sq + mv[3];
      if (np < 0 || nq < 0 || nsp < 0 || nsq < 0 || np > mp || nq > mp || nsp > msp || nsq > msp) {
        continue;
      }
      out.add(new int[] {np, nq, nsp, nsq, k});
    }
    if (allowConstant) {
      out.add(new int[] {p, q, sp, sq, 1 - k});
    }
    return out;
  }
}
