package org.shopcast.bench.recommend;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommendation;
import org.shopcast.recommend.Recommendations;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.als.AlsModel;
import org.shopcast.recommend.als.AlsOptions;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.session.SessionDataset;

/**
 * One measured Java run of {@link RecsTrainBenchmark}, in its own JVM so that its peak memory is
 * its own: loads the prepared rows, fits item-kNN on the sessions (100 neighbours, λ 20, history
 * decay 0.8: the serving settings) or implicit ALS on one row per user, and for item-kNN times
 * real-time recommendations of 100 items for random users (their last 20 events as the context,
 * purchased items excluded). Prints one JSON line.
 *
 * <pre>
 * java -cp ... org.shopcast.bench.recommend.RecsTrainChild ROWS.csv iknn|als [ALS_ITERATIONS]
 *     [REQUESTS]
 * </pre>
 */
public final class RecsTrainChild {
  private RecsTrainChild() {}

  /**
   * Runs one measurement.
   *
   * @param args the prepared CSV, the model, ALS sweeps (default 10), latency requests (10,000)
   * @throws Exception when the rows cannot be read
   */
  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    String model = args[1];
    int iterations = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int requests = args.length > 3 ? Integer.parseInt(args[3]) : 10_000;
    long t0 = System.nanoTime();
    RecsRows rows = RecsRows.read(csv);
    SessionDataset data = rows.dataset("iknn".equals(model));
    double load = (System.nanoTime() - t0) / 1e9;
    StringBuilder json = new StringBuilder();
    json.append(
        String.format(
            Locale.ROOT,
            "{\"model\": \"%s\", \"events\": %d, \"rows\": %d, \"items\": %d, \"loadSeconds\": %.3f",
            model,
            rows.size(),
            data.sessions().size(),
            rows.items,
            load));
    long t1 = System.nanoTime();
    if ("iknn".equals(model)) {
      ItemKnnModel knn = ItemKnnModel.fit(data, new ItemKnnOptions(100, 20, 0.5, 0, 0.8));
      double fit = (System.nanoTime() - t1) / 1e9;
      long pairs = 0;
      for (int i = 0; i < knn.itemCount(); i++) {
        pairs += knn.similarItems(i).length;
      }
      json.append(String.format(Locale.ROOT, ", \"fitSeconds\": %.3f, \"pairs\": %d", fit, pairs));
      latency(rows, knn, requests, json);
    } else {
      AlsModel als = AlsModel.fit(data, new AlsOptions(32, 0.1, 40, iterations, 3, 42));
      double fit = (System.nanoTime() - t1) / 1e9;
      json.append(
          String.format(
              Locale.ROOT,
              ", \"fitSeconds\": %.3f, \"factors\": 32, \"iterations\": %d, \"cgSteps\": 3,"
                  + " \"checksum\": %.6f",
              fit,
              iterations,
              als.itemFactor(0)[0]));
    }
    System.out.println(json.append('}'));
  }

  /**
   * Real-time lists of 100: the serving kernel (one reused score accumulator) and the library call
   * {@link Recommendations#top} (rules, fallback chain; its per-thread accumulator is reused too).
   */
  private static void latency(RecsRows rows, ItemKnnModel knn, int requests, StringBuilder json) {
    int[] userEnd = userEnds(rows);
    SplittableRandom random = new SplittableRandom(7);
    Context[] contexts = new Context[requests];
    for (int r = 0; r < requests; r++) {
      int u = random.nextInt(userEnd.length);
      int end = userEnd[u];
      int start = Math.max(u == 0 ? 0 : userEnd[u - 1], end - 20);
      int[] items = Arrays.copyOfRange(rows.item, start, end);
      EventType[] types = new EventType[end - start];
      for (int k = start; k < end; k++) {
        types[k - start] = RecsRows.TYPES[rows.type[k]];
      }
      contexts[r] = Context.of(items, types, Arrays.copyOfRange(rows.time, start, end));
    }
    Rules rules = new Rules();
    Scores scores = new Scores(knn.itemCount());
    long[] kernel = new long[requests];
    long listed = 0;
    for (int pass = 0; pass < 2; pass++) { // pass 0 warms up
      for (int r = 0; r < requests; r++) {
        Context context = contexts[r];
        long t = System.nanoTime();
        scores.clear();
        knn.score(context, scores);
        int[] top = scores.top(100, item -> rules.rejects(item, context));
        kernel[r] = System.nanoTime() - t;
        listed += pass == 1 ? top.length : 0;
      }
    }
    long[] library = new long[requests];
    for (int pass = 0; pass < 2; pass++) {
      for (int r = 0; r < library.length; r++) {
        long t = System.nanoTime();
        List<Recommendation> list = Recommendations.top(List.of(knn), contexts[r], 100, rules);
        library[r] = System.nanoTime() - t;
        if (list.size() > 100) {
          throw new IllegalStateException("list longer than asked");
        }
      }
    }
    json.append(
        String.format(
            Locale.ROOT,
            ", \"requests\": %d, \"meanListed\": %.1f, \"kernelP50Ms\": %.4f, \"kernelP99Ms\":"
                + " %.4f, \"kernelMaxMs\": %.4f, \"libraryRequests\": %d, \"libraryP50Ms\": %.4f,"
                + " \"libraryP99Ms\": %.4f, \"libraryMaxMs\": %.4f",
            requests,
            (double) listed / requests,
            percentile(kernel, 0.50),
            percentile(kernel, 0.99),
            percentile(kernel, 1.0),
            library.length,
            percentile(library, 0.50),
            percentile(library, 0.99),
            percentile(library, 1.0)));
  }

  private static int[] userEnds(RecsRows rows) {
    int count = 0;
    for (int i = 1; i <= rows.size(); i++) {
      if (i == rows.size() || rows.user[i] != rows.user[i - 1]) {
        count++;
      }
    }
    int[] ends = new int[count];
    int u = 0;
    for (int i = 1; i <= rows.size(); i++) {
      if (i == rows.size() || rows.user[i] != rows.user[i - 1]) {
        ends[u++] = i;
      }
    }
    return ends;
  }

  /** The {@code q} quantile (nearest rank) in milliseconds. */
  static double percentile(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(q * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }
}
