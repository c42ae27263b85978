package org.shopcast.forecast.select;

import java.util.List;
import java.util.Locale;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.arima.AutoArima;
import org.shopcast.forecast.baseline.Baseline;
import org.shopcast.forecast.ets.Ets;
import org.shopcast.forecast.neural.GruForecaster;
import org.shopcast.forecast.neural.GruOptions;
import org.shopcast.forecast.theta.Theta;

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
          "auto",
          "ensemble",
          "gru");

  /** The candidates {@code auto} and {@code ensemble} choose from. */
  public static final List<String> CANDIDATES = List.of("snaive", "ets", "theta", "arima");

  private Models() {}

  /**
   * The forecaster called {@code name} for season period {@code m}; {@code auto} and {@code
   * ensemble} backtest {@link #CANDIDATES} with one window of {@code horizon} steps.
   */
  public static Forecaster create(String name, int m, int horizon) {
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
      case "auto" -> new AutoForecaster(candidates(m), new Backtest(horizon, horizon, 1), m, 1);
      case "ensemble" -> new AutoForecaster(candidates(m), new Backtest(horizon, horizon, 1), m, 3);
      case "gru" -> new GruForecaster(GruOptions.of(m));
      default ->
          throw new IllegalArgumentException(
              "model must be one of " + String.join(", ", NAMES) + ", got '" + name + "'");
    };
  }

  private static List<Forecaster> candidates(int m) {
    return CANDIDATES.stream().map(c -> create(c, m, 1)).toList();
  }
}
