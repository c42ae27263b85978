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
 * Scores Shopcast's models on an M4 subset with the official protocol (Makridakis, Spiliotis &amp;
 * Assimakopoulos 2020): forecasts from the training part only, sMAPE and MASE averaged over series,
 * OWA relative to Naive2. Reads {@code ../shared/data/m4/<Set>-train.csv} and {@code -test.csv} and
 * skips with a message when they are absent. Prints a Markdown table with the wall time per model.
 *
 * <p>Run from the checkout root:
 *
 * <pre>
 * ./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -pl shopcast-bench -am
 * java -cp "$(cat shopcast-bench/target/bench.cp):shopcast-bench/target/classes" \
 *     org.shopcast.bench.forecast.M4Evaluation Hourly snaive,naive2,ets,theta,arima,auto,ensemble
 * </pre>
 *
 * Arguments: the set ({@code Hourly}: h 48, season 24; {@code Weekly}: h 13, season 1), the
 * comma-separated models (default as above), and optionally the number of series to take from the
 * start of the file (default all).
 */
public final class M4Evaluation {
  private M4Evaluation() {}

  /** Runs the evaluation; see the class comment for the arguments. */
  public static void main(String[] args) {
    String set = args.length > 0 ? args[0] : "Hourly";
    String models = args.length > 1 ? args[1] : "snaive,naive2,ets,theta,arima,auto,ensemble";
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
    int m = "Hourly".equals(set) ? 24 : 1;
    Optional<Path> train = SharedData.file("m4/" + set + "-train.csv");
    Optional<Path> test = SharedData.file("m4/" + set + "-test.csv");
    if (train.isEmpty() || test.isEmpty()) {
      System.out.println(
          "M4Evaluation: ../shared/data/m4/" + set + "-train.csv or -test.csv absent: skipped");
      return;
    }
    List<NamedSeries> tr = SeriesCsv.read(train.get(), SeriesCsv.Layout.M4);
    List<NamedSeries> te = SeriesCsv.read(test.get(), SeriesCsv.Layout.M4);
    int n = Math.min(limit, tr.size());
    tr = tr.subList(0, n);
    te = te.subList(0, n);
    int h = te.get(0).values().length;
    List<double[]> ys = tr.stream().map(NamedSeries::values).toList();
    System.out.printf(
        Locale.ROOT,
        "M4 %s: %d series, h = %d, MASE period %d, %d cores%n%n",
        set,
        n,
        h,
        m,
        Runtime.getRuntime().availableProcessors());
    double[] naive2 = score(Models.create("naive2", m, h), ys, te, h, m, new int[1]);
    System.out.println("| model | sMAPE | MASE | OWA | failed | wall s |");
    System.out.println("|---|---|---|---|---|---|");
    for (String name : models.split(",")) {
      Forecaster f = Models.create(name, m, h);
      long t0 = System.nanoTime();
      int[] failed = new int[1];
      double[] s = score(f, ys, te, h, m, failed);
      double secs = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "| %s | %.3f | %.3f | %.3f | %d | %.1f |%n",
          name,
          s[0],
          s[1],
          Metrics.owa(s[0], s[1], naive2[0], naive2[1]),
          failed[0],
          secs);
    }
  }

  /**
   * Mean sMAPE and MASE of {@code f} over the series; a series the model fails on is scored with
   * the Naive2 forecast (and counted in {@code failed}).
   */
  static double[] score(
      Forecaster f, List<double[]> ys, List<NamedSeries> te, int h, int m, int[] failed) {
    List<Batch.Result> res = Batch.forecastAll(ys, f, h, 0.95, 0);
    List<Batch.Result> fallback = new ArrayList<>();
    double smape = 0;
    double mase = 0;
    for (int i = 0; i < ys.size(); i++) {
      double[] point;
      if (res.get(i).forecast() == null) {
        failed[0]++;
        point = Models.create("naive2", m, h).forecast(ys.get(i), h, 0.95).point();
        fallback.add(res.get(i));
      } else {
        point = res.get(i).forecast().point();
      }
      double[] actual = te.get(i).values();
      smape += Metrics.smape(actual, point);
      mase += Metrics.mase(ys.get(i), actual, point, m);
    }
    return new double[] {smape / ys.size(), mase / ys.size()};
  }
}
