package org.shopcast.forecast.arima;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Series;

/**
 * AutoARIMA after Hyndman &amp; Khandakar (2008), "Automatic time series forecasting: the forecast
 * package for R", JSS 27(3): {@code D} from the seasonal strength, {@code d} from repeated KPSS
 * tests (see {@link UnitRoot}), then a stepwise search over {@code p, q <= 5}, {@code P, Q <= 2}
 * and the constant, starting from (2,d,2)(1,D,1), (0,d,0)(0,D,0), (1,d,0)(1,D,0), (0,d,1)(0,D,1)
 * and moving to the neighbour with the lowest AICc until none improves (at most 94 models). Models
 * are fitted by conditional sum of squares (see {@link ArimaFitter}), as R's {@code auto.arima}
 * does for its search on long or seasonal series ({@code approximation = TRUE}). Use for series
 * with autocorrelation beyond level, trend and season; on long hourly series it is the strongest
 * single model here.
 */
public final class AutoArima implements Forecaster {
  private static final int MAX_P = 5;
  private static final int MAX_SP = 2;
  private static final int MAX_MODELS = 94;
  private final int m;

  /** AutoARIMA for season period {@code m} (1 = non-seasonal). */
  public AutoArima(int m) {
    if (m < 1) {
      throw new IllegalArgumentException("season period must be >= 1, got " + m);
    }
    this.m = m;
  }

  @Override
  public String name() {
    return "arima";
  }

  /** Fits one given order. */
  public static ArimaModel fit(double[] y, ArimaOrder order) {
    Series.checkLength(y, order.d() + order.m() * order.sd() + order.coefficients() + 4, "arima");
    ArimaModel fit = ArimaFitter.fit(y, order);
    if (fit == null) {
      throw new ForecastException(
          ForecastException.Problem.TooShort, "arima: cannot fit " + order + " to this series");
    }
    return fit;
  }

  /** Selects and fits the model. */
  public ArimaModel select(double[] y) {
    Series.checkLength(y, 8, name());
    Series.checkNotConstant(y, name());
    int period = m > 1 && y.length >= 3 * m ? m : 1;
    int sd = period > 1 ? UnitRoot.nsdiffs(y, period) : 0;
    double[] x = y;
    for (int i = 0; i < sd; i++) {
      x = Differencing.diff(x, period);
    }
    int d = Series.isConstant(x) ? 0 : UnitRoot.ndiffs(x, 2);
    boolean constant = d + sd <= 1;
    Map<ArimaOrder, ArimaModel> tried = new HashMap<>();
    List<ArimaOrder> start = new ArrayList<>();
    boolean seas = period > 1;
    start.add(order(2, d, 2, seas ? 1 : 0, sd, seas ? 1 : 0, period, constant));
    start.add(order(0, d, 0, 0, sd, 0, period, constant));
    start.add(order(1, d, 0, seas ? 1 : 0, sd, 0, period, constant));
    start.add(order(0, d, 1, 0, sd, seas ? 1 : 0, period, constant));
    if (constant) {
      start.add(order(0, d, 0, 0, sd, 0, period, false));
    }
    ArimaModel best = null;
    for (ArimaOrder o : start) {
      best = better(best, tryFit(y, o, tried));
    }
    boolean improved = best != null;
    while (improved && tried.size() < MAX_MODELS) {
      improved = false;
      for (ArimaOrder o : neighbours(best.order())) {
        if (tried.containsKey(o) || tried.size() >= MAX_MODELS) {
          continue;
        }
        ArimaModel fit = tryFit(y, o, tried);
        if (fit != null && fit.aicc() < best.aicc()) {
          best = fit;
          improved = true;
          break;
        }
      }
    }
    if (best == null) {
      throw new ForecastException(
          ForecastException.Problem.TooShort, "arima: no ARIMA model could be fitted");
    }
    return best;
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    Series.checkArguments(horizon, level);
    return select(y).forecast(horizon, level).named(name());
  }

  private static ArimaModel tryFit(double[] y, ArimaOrder o, Map<ArimaOrder, ArimaModel> tried) {
    ArimaModel fit = ArimaFitter.fit(y, o);
    tried.put(o, fit);
    return fit != null && Double.isFinite(fit.aicc()) ? fit : null;
  }

  private static ArimaModel better(ArimaModel a, ArimaModel b) {
    if (b == null) {
      return a;
    }
    return a == null || b.aicc() < a.aicc() ? b : a;
  }

  private static ArimaOrder order(
      int p, int d, int q, int sp, int sd, int sq, int m, boolean constant) {
    return new ArimaOrder(p, d, q, sp, sd, sq, m, constant);
  }

  /** The Hyndman-Khandakar neighbourhood of {@code o}. */
  static List<ArimaOrder> neighbours(ArimaOrder o) {
    List<ArimaOrder> out = new ArrayList<>();
    int[][] moves = {
      {-1, 0, 0, 0}, {1, 0, 0, 0}, {0, -1, 0, 0}, {0, 1, 0, 0}, {-1, -1, 0, 0}, {1, 1, 0, 0},
      {0, 0, -1, 0}, {0, 0, 1, 0}, {0, 0, 0, -1}, {0, 0, 0, 1}, {-1, 0, -1, 0}, {1, 0, 1, 0},
      {0, -1, 0, -1}, {0, 1, 0, 1}, {-1, 1, 0, 0}, {1, -1, 0, 0}, {0, 0, 1, -1}, {0, 0, -1, 1}
    };
    boolean seas = o.m() > 1;
    for (int[] mv : moves) {
      int p = o.p() + mv[0];
      int q = o.q() + mv[1];
      int sp = o.sp() + mv[2];
      int sq = o.sq() + mv[3];
      if (p < 0 || q < 0 || sp < 0 || sq < 0 || p > MAX_P || q > MAX_P) {
        continue;
      }
      if (sp > MAX_SP || sq > MAX_SP || (!seas && (sp > 0 || sq > 0))) {
        continue;
      }
      out.add(new ArimaOrder(p, o.d(), q, sp, o.sd(), sq, o.m(), o.constant()));
    }
    if (o.d() + o.sd() <= 1) {
      out.add(new ArimaOrder(o.p(), o.d(), o.q(), o.sp(), o.sd(), o.sq(), o.m(), !o.constant()));
    }
    return out;
  }
}
