package org.shopcast.forecast.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;

/**
 * Forecasts many series in parallel on a fork-join pool. Every series is fitted independently and
 * models use fixed seeds, so results do not depend on the number of threads; they come back in
 * input order. A series that fails yields its error instead of a forecast.
 *
 * <p>Scheduling: each worker takes the next series from one shared queue, longest series first
 * (Graham's LPT rule: the fitting time of most models grows with the length), so the last series to
 * finish is a short one and no worker idles while another still has a block of long series. (A
 * parallel stream splits the index range into fixed blocks: on M4 Weekly, whose long series are
 * clustered, one block of long series kept one core busy while the other had finished.)
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
    int size = series.size();
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    // longest first; ties in input order (a stable sort)
    Arrays.sort(order, Comparator.comparingInt((Integer i) -> -series.get(i).length));
    Result[] out = new Result[size];
    AtomicInteger next = new AtomicInteger();
    Runnable worker =
        () -> {
          for (int k = next.getAndIncrement(); k < size; k = next.getAndIncrement()) {
            int i = order[k];
            out[i] = one(series.get(i), model, horizon, level);
          }
        };
    ForkJoinPool pool = new ForkJoinPool(n);
    try {
      List<ForkJoinTask<?>> tasks = new ArrayList<>();
      for (int w = 0; w < Math.min(n, Math.max(1, size)); w++) {
        tasks.add(pool.submit(worker));
      }
      for (ForkJoinTask<?> t : tasks) {
        t.get();
      }
      return List.of(out);
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
