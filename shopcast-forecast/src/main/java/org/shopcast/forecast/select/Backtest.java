package org.shopcast.forecast.select;

import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.metrics.Metrics;

/**
 * Rolling-origin evaluation (Tashman 2000) on the series given, which must be the training part
 * only: the last origin leaves exactly {@code horizon} values to forecast, earlier origins step
 * back by {@code step}; each window fits on everything before its origin. Metrics are averaged over
 * windows.
 *
 * @param horizon steps forecast per window
 * @param step distance between origins
 * @param windows number of origins
 */
public record Backtest(int horizon, int step, int windows) {
  /** Validates the settings. */
  public Backtest {
    if (horizon < 1 || step < 1 || windows < 1) {
      throw new IllegalArgumentException(
          "horizon, step and windows must be >= 1, got " + horizon + ", " + step + ", " + windows);
    }
  }

  /**
   * The average scores of {@code f} on {@code y} (MASE with period {@code m}), interval level
   * {@code level}.
   *
   * @throws IllegalArgumentException when the series is too short for the windows
   */
  public Score evaluate(Forecaster f, double[] y, int m, double level) {
    int first = y.length - horizon - step * (windows - 1);
    if (first < Math.max(2 * m, 4)) {
      throw new IllegalArgumentException(
          "backtest needs at least "
              + (Math.max(2 * m, 4) + horizon + step * (windows - 1))
              + " values for "
              + windows
              + " windows of "
              + horizon
              + ", got "
              + y.length);
    }
    double[] sum = new double[7];
    for (int w = 0; w < windows; w++) {
      int origin = first + w * step;
      double[] train = java.util.Arrays.copyOf(y, origin);
      double[] test = java.util.Arrays.copyOfRange(y, origin, origin + horizon);
      Forecast fc = f.forecast(train, horizon, level);
      double[] p = fc.point();
      sum[0] += Metrics.mase(train, test, p, train.length > m ? m : 1);
      sum[1] += Metrics.smape(test, p);
      sum[2] += Metrics.mae(test, p);
      sum[3] += Metrics.rmse(test, p);
      sum[4] += Metrics.mape(test, p);
      sum[5] += Metrics.coverage(test, fc.lower(), fc.upper());
      sum[6] += Metrics.mse(test, p);
    }
    for (int i = 0; i < sum.length; i++) {
      sum[i] /= windows;
    }
    return new Score(f.name(), sum[0], sum[1], sum[2], sum[3], sum[4], sum[6], sum[5]);
  }

  /**
   * Average backtest scores of one model.
   *
   * @param model the model name
   * @param mase mean absolute scaled error
   * @param smape symmetric MAPE (percent)
   * @param mae mean absolute error
   * @param rmse root mean squared error
   * @param mape MAPE (percent)
   * @param mse mean squared error
   * @param coverage share of actuals inside the intervals
   */
  public record Score(
      String model,
      double mase,
      double smape,
      double mae,
      double rmse,
      double mape,
      double mse,
      double coverage) {}
}
