package org.shopcast.forecast.select;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;

/**
 * Forecasts many series in parallel on a fork-join pool. Every series is fitted independently and
 * models use fixed seeds, so results do not depend on the number of threads; they come back in
 * input order. A series that fails yields its error instead of a forecast.
 */
public final class Batch {
  private Batch() {}

  /**
   * The forecast or the error for one series.
   *
   * @param forecast the forecast, or null on error
   * @param error the error message, or null on success
   */
  public record Result(Forecast forecast, String error) {}

  /** Forecasts every series with {@code threads} workers (0 = all cores). */
  public static List<Result> forecastAll(
      List<double[]> series, Forecaster model, int horizon, double level, int threads) {
    int n = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
    ForkJoinPool pool = new ForkJoinPool(n);
    try {
      return pool.submit(
              () ->
                  IntStream.range(0, series.size())
                      .parallel()
                      .mapToObj(i -> one(series.get(i), model, horizon, level))
                      .toList())
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  private static Result one(double[] y, Forecaster model, int horizon, double level) {
    try {
      return new Result(model.forecast(y, horizon, level), null);
    } catch (RuntimeException e) {
      return new Result(null, e.getMessage());
    }
  }

  /** The scores of several models on one series. */
  public static List<Backtest.Score> backtestAll(
      List<Forecaster> models, double[] y, int m, Backtest backtest, double level) {
    List<Backtest.Score> out = new ArrayList<>();
    for (Forecaster f : models) {
      out.add(backtest.evaluate(f, y, m, level));
    }
    return out;
  }
}
