package org.shopcast.bench.forecast;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.io.SeriesCsv;
import org.shopcast.forecast.metrics.Metrics;
import org.shopcast.forecast.select.Batch;
import org.shopcast.forecast.select.Models;
import org.shopcast.testkit.SharedData;

/**
 * The first {@code n} series of an M4 set read from {@code ../shared/data/m4/<Set>-train.csv} and
 * {@code -test.csv}, with the official protocol shared by {@link M4Evaluation} and {@link
 * M4GruEvaluation}: horizon from the test file, MASE season period 24 for {@code Hourly} and 1
 * otherwise, sMAPE and MASE averaged over series, OWA relative to Naive2.
 *
 * @param set the set name ({@code Hourly}, {@code Weekly})
 * @param m the MASE season period
 * @param h the horizon
 * @param train the training parts
 * @param test the test parts
 */
record M4Set(String set, int m, int h, List<double[]> train, List<NamedSeries> test) {
  /** Reads the set, or prints that it is absent (naming {@code tool}) and returns empty. */
  static Optional<M4Set> load(String set, int limit, String tool) {
    return load(set, 0, limit, tool);
  }

  /**
   * Reads the series {@code from} (0-based, inclusive) to {@code to} (exclusive, clamped to the
   * set's size) of the set, or prints that it is absent and returns empty.
   */
  static Optional<M4Set> load(String set, int from, int to, String tool) {
    Optional<Path> train = SharedData.file("m4/" + set + "-train.csv");
    Optional<Path> test = SharedData.file("m4/" + set + "-test.csv");
    if (train.isEmpty() || test.isEmpty()) {
      System.out.println(
          tool + ": ../shared/data/m4/" + set + "-train.csv or -test.csv absent: skipped");
      return Optional.empty();
    }
    List<NamedSeries> tr = SeriesCsv.read(train.get(), SeriesCsv.Layout.M4);
    List<NamedSeries> te = SeriesCsv.read(test.get(), SeriesCsv.Layout.M4);
    int n = Math.min(to, tr.size());
    if (from < 0 || from >= n) {
      throw new IllegalArgumentException(
          "series range must start within 0.." + (n - 1) + ", got " + from);
    }
    List<double[]> ys = tr.subList(from, n).stream().map(NamedSeries::values).toList();
    int m = "Hourly".equals(set) ? 24 : 1;
    return Optional.of(new M4Set(set, m, te.get(0).values().length, ys, te.subList(from, n)));
  }

  /** The number of series. */
  int size() {
    return train.size();
  }

  /** Prints the one-line description of the run and a blank line. */
  void printHeader() {
    System.out.printf(
        Locale.ROOT,
        "M4 %s: %d series (%s..%s), h = %d, MASE period %d, %d cores%n%n",
        set,
        size(),
        test.get(0).id(),
        test.get(size() - 1).id(),
        h,
        m,
        Runtime.getRuntime().availableProcessors());
  }

  /** Mean sMAPE and MASE of Naive2, the OWA reference. */
  double[] naive2() {
    return score(Models.create("naive2", m, h), new int[1]);
  }

  /**
   * Mean sMAPE and MASE of {@code f} over the series, forecast in parallel; a series the model
   * fails on is scored with the Naive2 forecast (and counted in {@code failed[0]}).
   */
  double[] score(Forecaster f, int[] failed) {
    List<Batch.Result> res = Batch.forecastAll(train, f, h, 0.95, 0);
    List<double[]> points = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (res.get(i).forecast() == null) {
        failed[0]++;
        points.add(Models.create("naive2", m, h).forecast(train.get(i), h, 0.95).point());
      } else {
        points.add(res.get(i).forecast().point());
      }
    }
    return scorePoints(points);
  }

  /** Mean sMAPE and MASE of the given point forecasts, one per series. */
  double[] scorePoints(List<double[]> points) {
    double smape = 0;
    double mase = 0;
    for (int i = 0; i < size(); i++) {
      double[] actual = test.get(i).values();
      smape += Metrics.smape(actual, points.get(i));
      mase += Metrics.mase(train.get(i), actual, points.get(i), m);
    }
    return new double[] {smape / size(), mase / size()};
  }
}
