package org.shopcast.forecast.select;

import java.util.List;
import java.util.Locale;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.arima.AutoArima;
import org.shopcast.forecast.baseline.Baseline;
import org.shopcast.forecast.ets.Ets;
import org.shopcast.forecast.mstl.MstlForecaster;
import org.shopcast.forecast.neural.GruForecaster;
import org.shopcast.forecast.neural.GruOptions;
import org.shopcast.forecast.regression.LinearRegression;
import org.shopcast.forecast.theta.Theta;
import org.shopcast.forecast.var.Var;

/** Forecasters by name, as the CLI and the evaluation know them. */
public final class Models {
  /** The names {@link #create} accepts. */
  public static final List<String> NAMES =
      List.of(
          "naive",
          "snaive",
          "drift",
          "mean",
          "ma",
          "naive2",
          "ets",
          "theta",
          "otm",
          "arima",
          "mstl",
          "mstl-arima",
          "regression",
          "var",
          "auto",
          "ensemble",
          "gru");

  /** The candidates {@code auto} and {@code ensemble} choose from. */
  public static final List<String> CANDIDATES = List.of("snaive", "ets", "theta", "arima", "mstl");

  /** The largest number of Fourier pairs per season period of {@code regression}. */
  public static final int FOURIER_TERMS = 10;

  private Models() {}

  /**
   * The forecaster called {@code name} for season period {@code m}; {@code auto} and {@code
   * ensemble} backtest {@link #CANDIDATES} with one window of {@code horizon} steps. MSTL takes the
   * periods of {@link #defaultSeasons}.
   */
  public static Forecaster create(String name, int m, int horizon) {
    return create(name, m, defaultSeasons(m), horizon);
  }

  /**
   * The seasonal periods MSTL uses when only the main one is known: 24 and 168 (day and week) for
   * hourly data ({@code m = 24}), else {@code m} alone.
   */
  public static int[] defaultSeasons(int m) {
    return m == 24 ? new int[] {24, 168} : new int[] {m};
  }

  /**
   * The forecaster called {@code name}: {@code m} is the season period of the single-season models,
   * {@code seasons} the periods of MSTL.
   */
  public static Forecaster create(String name, int m, int[] seasons, int horizon) {
    if (seasons.length == 0) {
      throw new IllegalArgumentException("at least one season period is needed");
    }
    String n = name.toLowerCase(Locale.ROOT);
    return switch (n) {
      case "naive" -> Baseline.naive();
      case "snaive" -> Baseline.seasonalNaive(m);
      case "drift" -> Baseline.drift();
      case "mean" -> Baseline.historicAverage();
      case "ma" -> Baseline.movingAverage(Math.max(m, 3));
      case "naive2" -> Baseline.naive2(m);
      case "ets" -> Ets.auto(m);
      case "theta" -> Theta.standard(m);
      case "otm" -> Theta.optimised(m);
      case "arima" -> new AutoArima(m);
      case "mstl" -> new MstlForecaster(seasons, MstlForecaster.Method.ETS);
      case "mstl-arima" -> new MstlForecaster(seasons, MstlForecaster.Method.ARIMA);
      case "regression" -> new LinearRegression(seasons, FOURIER_TERMS);
      case "var" -> new Var(0);
      case "auto" ->
          new AutoForecaster(candidates(m, seasons), new Backtest(horizon, horizon, 1), m, 1);
      case "ensemble" ->
          new AutoForecaster(candidates(m, seasons), new Backtest(horizon, horizon, 1), m, 3);
      case "gru" -> new GruForecaster(GruOptions.of(m));
      default ->
          throw new IllegalArgumentException(
              "model must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
    };
  }

  private static List<Forecaster> candidates(int m, int[] seasons) {
    return CANDIDATES.stream().map(c -> create(c, m, seasons, 1)).toList();
  }
}
