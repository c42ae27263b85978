package org.shopcast.bench.forecast;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.metrics.Metrics;
import org.shopcast.forecast.neural.GruForecaster;
import org.shopcast.forecast.neural.GruOptions;
import org.shopcast.forecast.select.Models;

/**
 * Scores the GRU forecaster on the first N series of an M4 set with the protocol of {@link
 * M4Evaluation} (training part only; sMAPE, MASE, OWA against Naive2), beside seasonal naive,
 * Naive2 and Theta: {@code gru} trains one network per series (in parallel, as {@code forecast
 * --model gru} does), {@code gru-global} one network over the windows of all N series (each scaled
 * by its own mean and sd). Also prints the share of test values inside the 95% intervals.
 *
 * <pre>
 * ./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -pl shopcast-bench -am
 * java -cp "$(cat shopcast-bench/target/bench.cp):shopcast-bench/target/classes" \
 *     org.shopcast.bench.forecast.M4GruEvaluation Hourly 20
 * </pre>
 */
public final class M4GruEvaluation {
  private M4GruEvaluation() {}

  /** Arguments: the set ({@code Hourly} or {@code Weekly}) and the number of series (20). */
  public static void main(String[] args) {
    String set = args.length > 0 ? args[0] : "Hourly";
    int limit = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    Optional<M4Set> data = M4Set.load(set, limit, "M4GruEvaluation");
    if (data.isEmpty()) {
      return;
    }
    M4Set d = data.get();
    d.printHeader();
    int n = d.size();
    int m = d.m();
    int h = d.h();
    List<double[]> ys = d.train();
    double[] naive2 = d.naive2();
    System.out.println("| model | sMAPE | MASE | OWA | failed | 95% coverage | wall s |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (String name : List.of("snaive", "naive2", "theta", "gru")) {
      long t0 = System.nanoTime();
      int[] failed = new int[1];
      double[] s = d.score(Models.create(name, m, h), failed);
      row(name, s, naive2, failed[0], Double.NaN, (System.nanoTime() - t0) / 1e9);
    }
    long t0 = System.nanoTime();
    List<Forecast> global = new GruForecaster(GruOptions.of(m)).forecastAll(ys, h, 0.95);
    double inside = 0;
    for (int i = 0; i < n; i++) {
      double[] actual = d.test().get(i).values();
      Forecast f = global.get(i);
      for (int k = 0; k < h; k++) {
        inside += actual[k] >= f.lower()[k] && actual[k] <= f.upper()[k] ? 1.0 / (n * h) : 0;
      }
    }
    double[] s = d.scorePoints(global.stream().map(Forecast::point).toList());
    row("gru-global", s, naive2, 0, inside, (System.nanoTime() - t0) / 1e9);
  }

  private static void row(
      String name, double[] s, double[] naive2, int failed, double coverage, double seconds) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.3f | %d | %s | %.1f |%n",
        name,
        s[0],
        s[1],
        Metrics.owa(s[0], s[1], naive2[0], naive2[1]),
        failed,
        Double.isNaN(coverage) ? "" : String.format(Locale.ROOT, "%.3f", coverage),
        seconds);
  }
}
