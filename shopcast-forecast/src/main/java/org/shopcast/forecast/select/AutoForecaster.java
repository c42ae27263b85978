package org.shopcast.forecast.select;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Series;

/**
 * Chooses per series by a rolling-origin backtest on the series given (the training part): every
 * candidate is scored by MASE and the best one is refitted on the whole series ({@code auto}); with
 * {@code top > 1} the point forecasts and bounds of the best {@code top} are combined by their
 * median ({@code ensemble}; the median of two is their mean), after the evidence that simple
 * combinations beat selection (Makridakis et al. 2020, M4). A candidate that fails on the series is
 * skipped; if all fail the first error is raised.
 */
final class AutoForecaster implements Forecaster {
  private final List<Forecaster> candidates;
  private final Backtest backtest;
  private final int m;
  private final int top;

  AutoForecaster(List<Forecaster> candidates, Backtest backtest, int m, int top) {
    this.candidates = List.copyOf(candidates);
    this.backtest = backtest;
    this.m = m;
    this.top = top;
  }

  @Override
  public String name() {
    return top == 1 ? "auto" : "ensemble";
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    Series.checkArguments(horizon, level);
    List<Scored> scored = new ArrayList<>();
    RuntimeException firstError = null;
    for (Forecaster c : candidates) {
      try {
        scored.add(new Scored(c, backtest.evaluate(c, y, m, level).mase()));
      } catch (RuntimeException e) {
        firstError = firstError == null ? e : firstError;
      }
    }
    scored.removeIf(s -> !Double.isFinite(s.mase));
    if (scored.isEmpty()) {
      if (firstError != null) {
        throw firstError;
      }
      throw new IllegalStateException("no candidate models");
    }
    scored.sort(Comparator.comparingDouble(Scored::mase));
    List<Forecast> fits = new ArrayList<>();
    for (Scored s : scored) {
      if (fits.size() == top) {
        break;
      }
      try {
        fits.add(s.model.forecast(y, horizon, level));
      } catch (RuntimeException e) {
        firstError = firstError == null ? e : firstError;
      }
    }
    if (fits.isEmpty()) {
      throw firstError;
    }
    if (fits.size() == 1) {
      return fits.get(0);
    }
    double[] p = new double[horizon];
    double[] lo = new double[horizon];
    double[] hi = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      final int k = h;
      p[h] = median(fits.stream().mapToDouble(f -> f.point()[k]).toArray());
      lo[h] = median(fits.stream().mapToDouble(f -> f.lower()[k]).toArray());
      hi[h] = median(fits.stream().mapToDouble(f -> f.upper()[k]).toArray());
    }
    String names = String.join("+", fits.stream().map(Forecast::model).toList());
    return new Forecast("ensemble(" + names + ")", p, lo, hi, level);
  }

  private static double median(double[] v) {
    Arrays.sort(v);
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  private record Scored(Forecaster model, double mase) {}
}
