package org.shopcast.bench.forecast;

import java.util.Locale;
import java.util.Optional;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.arima.AutoArima;
import org.shopcast.forecast.metrics.Metrics;
import org.shopcast.forecast.select.Models;

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
 * start of the file (default all) or a 0-based range {@code FROM-TO} (e.g. {@code 140-280}, the
 * series FROM+1..TO) to split a long evaluation into shorter runs. Besides the names of {@link
 * Models}, {@code arima-approx} is AutoARIMA with R's {@code approximation} rule (CSS search when
 * {@code n > 150} or {@code m > 12}) instead of exact-ML fits of every candidate.
 */
public final class M4Evaluation {
  private M4Evaluation() {}

  /** Runs the evaluation; see the class comment for the arguments. */
  public static void main(String[] args) {
    String set = args.length > 0 ? args[0] : "Hourly";
    String models = args.length > 1 ? args[1] : "snaive,naive2,ets,theta,arima,auto,ensemble";
    String range = args.length > 2 ? args[2] : String.valueOf(Integer.MAX_VALUE);
    int dash = range.indexOf('-');
    int from = dash < 0 ? 0 : Integer.parseInt(range.substring(0, dash));
    int to = Integer.parseInt(dash < 0 ? range : range.substring(dash + 1));
    Optional<M4Set> data = M4Set.load(set, from, to, "M4Evaluation");
    if (data.isEmpty()) {
      return;
    }
    M4Set d = data.get();
    d.printHeader();
    double[] naive2 = d.naive2();
    System.out.println("| model | sMAPE | MASE | OWA | failed | wall s |");
    System.out.println("|---|---|---|---|---|---|");
    for (String name : models.split(",")) {
      Forecaster f =
          "arima-approx".equals(name)
              ? new AutoArima(d.m()).withApproximation(null)
              : Models.create(name, d.m(), d.h());
      long t0 = System.nanoTime();
      int[] failed = new int[1];
      double[] s = d.score(f, failed);
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
}
