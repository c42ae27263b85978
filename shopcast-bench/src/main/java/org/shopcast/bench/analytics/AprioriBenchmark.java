package org.shopcast.bench.analytics;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.shopcast.analytics.rules.AssociationRules;
import org.shopcast.analytics.rules.BasketReader;
import org.shopcast.analytics.rules.Baskets;
import org.shopcast.analytics.rules.FpGrowth;
import org.shopcast.analytics.rules.FrequentItemset;
import org.shopcast.analytics.rules.FrequentItemsets;
import org.shopcast.analytics.rules.RuleOptions;
import org.shopcast.cli.Json;

/**
 * Frequent itemsets on a basket file: Shopcast's FP-growth against a plain level-wise Apriori
 * ({@link PlainApriori}) in the same run. Both must find exactly the same itemsets with the same
 * counts (checked; the run fails otherwise). Each side's time is the best of {@code --repeats} runs
 * after one warm-up, reading excluded; the ratio is Apriori time / FP-growth time. Also times the
 * association rules derived from the FP-growth itemsets.
 *
 * <p>Run: {@code ./mvnw -q -o package -pl shopcast-bench -am -DskipTests} then {@code java -cp
 * "shopcast-bench/target/classes:$(cat shopcast-bench/target/classpath.txt)"
 * org.shopcast.bench.analytics.AprioriBenchmark [BASKETS [MIN_SUPPORT [MIN_CONFIDENCE]]]}; the
 * default basket file is {@code ../shared/data/uci-online-retail/online_retail_baskets.csv} at
 * support 0.01 and confidence 0.5. Not part of the test run.
 */
public final class AprioriBenchmark {
  private static final Path DEFAULT_BASKETS =
      Path.of("../shared/data/uci-online-retail/online_retail_baskets.csv");
  private static final int REPEATS = 3;

  private AprioriBenchmark() {}

  /** Runs the benchmark; prints a text summary and then one JSON line. */
  public static void main(String[] args) {
    Path file = args.length > 0 ? Path.of(args[0]) : DEFAULT_BASKETS;
    double minSupport = args.length > 1 ? Double.parseDouble(args[1]) : 0.01;
    double minConfidence = args.length > 2 ? Double.parseDouble(args[2]) : 0.5;
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    if (!Files.isRegularFile(file)) {
      out.println("SKIPPED: basket file " + file.toAbsolutePath() + " is absent");
      return;
    }
    Baskets baskets = BasketReader.read(file);
    int maxLength = RuleOptions.DEFAULT_MAX_LENGTH;

    FrequentItemsets fp = FpGrowth.mine(baskets, minSupport, maxLength);
    Map<PlainApriori.Key, Integer> apriori = PlainApriori.mine(baskets, minSupport, maxLength);
    String mismatch = compare(baskets, fp, apriori);
    if (mismatch != null) {
      throw new IllegalStateException("FP-growth and Apriori disagree: " + mismatch);
    }
    long fpNanos = best(() -> FpGrowth.mine(baskets, minSupport, maxLength));
    long aprioriNanos = best(() -> PlainApriori.mine(baskets, minSupport, maxLength));
    RuleOptions options = RuleOptions.of(minSupport, minConfidence).withMaxLength(maxLength);
    long rulesNanos = best(() -> AssociationRules.mine(baskets, options));
    int rules = AssociationRules.mine(baskets, options).rules().size();

    Map<String, Object> result = new LinkedHashMap<>();
    result.put("baskets", baskets.size());
    result.put("items", baskets.itemCount());
    result.put("minSupport", minSupport);
    result.put("minConfidence", minConfidence);
    result.put("itemsets", fp.size());
    result.put("rules", rules);
    result.put("fpGrowthMs", fpNanos / 1e6);
    result.put("aprioriMs", aprioriNanos / 1e6);
    result.put("rulesFromBasketsMs", rulesNanos / 1e6);
    result.put("ratio", (double) aprioriNanos / fpNanos);
    out.printf(
        Locale.ROOT,
        "%,d baskets, %,d items, support %s: %,d itemsets (identical in both), %,d rules at"
            + " confidence %s%n",
        baskets.size(),
        baskets.itemCount(),
        minSupport,
        fp.size(),
        rules,
        minConfidence);
    out.printf(
        Locale.ROOT,
        "FP-growth %.1f ms, plain Apriori %.1f ms: FP-growth %.1fx faster; itemsets + rules %.1f"
            + " ms (best of %d)%n",
        fpNanos / 1e6,
        aprioriNanos / 1e6,
        (double) aprioriNanos / fpNanos,
        rulesNanos / 1e6,
        REPEATS);
    Json.print(out, result);
  }

  private static String compare(
      Baskets baskets, FrequentItemsets fp, Map<PlainApriori.Key, Integer> apriori) {
    Map<String, Integer> fpCounts = new HashMap<>();
    for (FrequentItemset set : fp.itemsets()) {
      fpCounts.put(String.join("\u0001", set.items().stream().sorted().toList()), set.count());
    }
    Map<String, Integer> aprioriCounts = new HashMap<>();
    apriori.forEach(
        (key, count) ->
            aprioriCounts.put(
                String.join(
                    "\u0001",
                    Arrays.stream(key.items()).mapToObj(baskets::itemName).sorted().toList()),
                count));
    if (fpCounts.equals(aprioriCounts)) {
      return null;
    }
    return "FP-growth found " + fpCounts.size() + " itemsets, Apriori " + aprioriCounts.size();
  }

  private static long best(Runnable work) {
    work.run();
    long best = Long.MAX_VALUE;
    for (int i = 0; i < REPEATS; i++) {
      long start = System.nanoTime();
      work.run();
      best = Math.min(best, System.nanoTime() - start);
    }
    return best;
  }
}
