package org.shopcast.forecast;

/**
 * A forecasting method: fits itself to a series and forecasts it. Implementations are immutable and
 * thread-safe (fitting happens inside {@link #forecast}); any randomness uses a fixed seed, so the
 * same input always gives the same output.
 */
public interface Forecaster {
  /** A short name, e.g. {@code ets}, {@code snaive}. */
  String name();

  /**
   * Fits the method to {@code y} (oldest first, no missing values; see {@link Series#prepare}) and
   * forecasts {@code horizon} steps with a central {@code level} interval.
   *
   * @throws IllegalArgumentException when horizon &lt; 1 or level is outside (0, 1)
   * @throws ForecastException when the series does not suit the method (too short, constant,
   *     non-positive for a multiplicative model)
   */
  Forecast forecast(double[] y, int horizon, double level);
}
