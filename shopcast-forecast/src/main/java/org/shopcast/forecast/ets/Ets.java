package org.shopcast.forecast.ets;

import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Series;

/**
 * Exponential smoothing in state-space form (Hyndman, Koehler, Ord &amp; Snyder 2008,
 * <i>Forecasting with Exponential Smoothing</i>), fitted by maximum likelihood. {@link #auto} fits
 * every admissible model and keeps the one with the lowest AICc, as R's {@code forecast::ets};
 * {@link #of} fits one model (SES = {@code ANN}, Holt = {@code AAN}, damped = {@code AAdN},
 * Holt-Winters = {@code AAA}/{@code MAM}). A good default for series with a level, trend and one
 * season of period up to 24; for longer periods seasonality is dropped (as R does).
 */
public final class Ets implements Forecaster {
  private static final int MAX_SEASON = 24;
  private final EtsSpec spec;
  private final int m;

  private Ets(EtsSpec spec, int m) {
    if (m < 1) {
      throw new IllegalArgumentException("season period must be >= 1, got " + m);
    }
    this.spec = spec;
    this.m = m;
  }

  /** AutoETS: the model with the lowest AICc among {@link EtsSpec#candidates}. */
  public static Ets auto(int m) {
    return new Ets(null, m);
  }

  /** One fixed model. */
  public static Ets of(EtsSpec spec, int m) {
    return new Ets(spec, m);
  }

  @Override
  public String name() {
    return spec == null ? "ets" : spec.toString();
  }

  /** Fits the model (or, for AutoETS, selects it) on {@code y}. */
  public EtsModel fit(double[] y) {
    Series.checkLength(y, 3, name());
    Series.checkNotConstant(y, name());
    boolean seasonal = m > 1 && m <= MAX_SEASON && y.length >= 2 * m + 2;
    if (spec != null) {
      if (spec.seasonal() && !seasonal) {
        throw new ForecastException(
            ForecastException.Problem.TooShort,
            name()
                + ": a seasonal model needs 1 < m <= 24 and at least "
                + (2 * m + 2)
                + " values, got m = "
                + m
                + " and "
                + y.length);
      }
      if (spec.multiplicative()) {
        Series.checkPositive(y, name());
      }
      EtsModel fit = EtsFitter.fit(y, spec, m);
      if (fit == null) {
        throw new ForecastException(
            ForecastException.Problem.Constant, name() + ": no admissible fit for this series");
      }
      return fit;
    }
    EtsModel best = null;
    for (EtsSpec s : EtsSpec.candidates(seasonal, Series.isPositive(y))) {
      EtsModel fit = EtsFitter.fit(y, s, m);
      if (fit != null
          && Double.isFinite(fit.aicc())
          && (best == null || fit.aicc() < best.aicc())) {
        best = fit;
      }
    }
    if (best == null) {
      throw new ForecastException(
          ForecastException.Problem.TooShort, "ets: no ETS model could be fitted to this series");
    }
    return best;
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    Series.checkArguments(horizon, level);
    return fit(y).forecast(horizon, level);
  }
}
