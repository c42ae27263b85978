package org.shopcast.forecast.mstl;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Series;
import org.shopcast.forecast.arima.AutoArima;
import org.shopcast.forecast.baseline.Baseline;
import org.shopcast.forecast.ets.Ets;

/**
 * Forecasts by {@link Mstl}, as R's {@code forecast.mstl} (Hyndman &amp; Athanasopoulos, FPP3
 * 12.1): the seasonally adjusted series (trend plus remainder) is forecast by a non-seasonal model
 * (AutoETS over error A/M and trend N/A/Ad, AutoARIMA without seasonal terms, or naive), and each
 * seasonal component by seasonal naive, i.e. its last cycle repeated; the two are added, and the
 * interval of the adjusted series' forecast is shifted by the same seasonal values (the seasonal
 * part is taken as known). When no period has two full cycles in the series, the adjusted series is
 * the series itself (as in R).
 */
public final class MstlForecaster implements Forecaster {
  /** The model for the seasonally adjusted series. */
  public enum Method {
    /** AutoETS, non-seasonal ({@code ets(model = "ZZN")}). */
    ETS,
    /** AutoARIMA, non-seasonal. */
    ARIMA,
    /** The last value (random walk). */
    NAIVE
  }

  private final int[] periods;
  private final Forecaster adjustedModel;
  private final String name;

  /** MSTL over {@code periods} with {@code method} on the adjusted series. */
  public MstlForecaster(int[] periods, Method method) {
    this(
        periods,
        switch (method) {
          case ETS -> Ets.auto(1);
          case ARIMA -> new AutoArima(1);
          case NAIVE -> Baseline.naive();
        },
        method == Method.ETS ? "mstl" : "mstl-" + method.name().toLowerCase(Locale.ROOT));
  }

  /**
   * MSTL over {@code periods} with any non-seasonal {@code adjustedModel} on the adjusted series,
   * called {@code name}.
   */
  public MstlForecaster(int[] periods, Forecaster adjustedModel, String name) {
    if (periods.length == 0) {
      throw new IllegalArgumentException("mstl needs at least one seasonal period");
    }
    for (int p : periods) {
      if (p < 1) {
        throw new IllegalArgumentException("seasonal periods must be >= 1, got " + p);
      }
    }
    this.periods = periods.clone();
    this.adjustedModel = adjustedModel;
    this.name = name;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    Series.checkArguments(horizon, level);
    Series.checkLength(y, 4, name());
    int[] ps = Mstl.usablePeriods(periods, y.length);
    double[] adjusted;
    double[] seasonal = new double[horizon];
    if (ps.length == 0) {
      adjusted = y;
    } else {
      Mstl.Decomposition d = Mstl.decompose(y, periods);
      adjusted = d.adjusted();
      int n = y.length;
      for (int i = 0; i < ps.length; i++) {
        int p = ps[i];
        double[] s = d.seasonal()[i];
        for (int h = 0; h < horizon; h++) {
          seasonal[h] += s[n - p + h % p];
        }
      }
    }
    Forecast f = adjustedModel.forecast(adjusted, horizon, level);
    double[] p = f.point();
    double[] lo = f.lower();
    double[] hi = f.upper();
    for (int h = 0; h < horizon; h++) {
      p[h] += seasonal[h];
      lo[h] += seasonal[h];
      hi[h] += seasonal[h];
    }
    String label =
        "MSTL("
            + Arrays.stream(ps).mapToObj(Integer::toString).collect(Collectors.joining(","))
            + ")+"
            + f.model();
    return new Forecast(label, p, lo, hi, level);
  }
}
