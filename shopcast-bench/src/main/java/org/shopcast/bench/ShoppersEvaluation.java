package org.shopcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;
import org.shopcast.predict.sessions.ShoppersCsv;
import org.shopcast.predict.sessions.ShoppersData;
import org.shopcast.predict.sessions.ShoppersEvaluator;
import org.shopcast.predict.sessions.StratifiedSplit;
import org.shopcast.testkit.SharedData;

/**
 * Session purchase intent on the UCI "Online Shoppers Purchasing Intention" data (Sakar et al.
 * 2019) and the CDNOW and Online Retail {@code purchase} training sets, Shopcast against a Python
 * peer on the same split. Shopcast's logistic regression and XGBoost4J (with the majority and
 * page-value baselines for the sessions) are trained in this JVM; the split is exported to {@code
 * train.csv}, {@code valid.csv} and {@code test.csv} and {@code
 * shopcast-bench/src/main/python/predict_peer.py} (scikit-learn {@code LogisticRegression}, xgboost
 * {@code XGBClassifier}, same parameters, run by {@code /usr/bin/python3} with the Debian packages)
 * trains on the same rows. Prints AUC, PR-AUC, F1 and training time of both sides and the time
 * ratio. Skips a dataset with a message when its file under {@code ../shared/data} is absent.
 *
 * <p>Run from the checkout root:
 *
 * <pre>
 * ./mvnw -q -o compile dependency:build-classpath -Dmdep.outputFile=target/bench.cp \
 *     -pl shopcast-bench -am
 * java -cp "$(cat shopcast-bench/target/bench.cp):shopcast-bench/target/classes" \
 *     org.shopcast.bench.ShoppersEvaluation [shoppers|cdnow|retail|cdnow-churn|retail-churn|all] [seed]
 * </pre>
 *
 * Sessions: a seeded stratified split, 60% training, 15% validation (early stopping, F1
 * thresholds), 25% test (seed 42 by default). CDNOW: the {@code purchase} task with H = 90 days,
 * Online Retail invoices with H = 30 days ({@code cdnow-churn} and {@code retail-churn}: the {@code
 * churn} task, buyers only, on the same data); three training cutoffs, the validation and holdout
 * cutoffs of {@link TemporalSplit}, as {@code shopcast evaluate --task purchase} uses them. Scratch
 * files go to {@code shopcast-bench/target/predict-peer/}.
 */
public final class ShoppersEvaluation {
  private static final Path PEER = Path.of("shopcast-bench/src/main/python/predict_peer.py");
  private static final Path WORK = Path.of("shopcast-bench/target/predict-peer");

  private ShoppersEvaluation() {}

  /** Runs the evaluation; see the class comment for the arguments. */
  public static void main(String[] args) throws Exception {
    String which = args.length > 0 ? args[0] : "all";
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    System.out.printf(
        Locale.ROOT,
        "%s, %d cores, load average %.1f%n",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    if (which.equals("all") || which.equals("shoppers")) {
      shoppers(seed);
    }
    if (which.equals("all") || which.equals("cdnow")) {
      purchaseTask(
          "CDNOW master", "cdnow/CDNOW_master.txt", "cdnow", ShoppersEvaluation::loadCdnow, 90);
    }
    if (which.equals("all") || which.equals("retail")) {
      purchaseTask(
          "UCI Online Retail invoices",
          "uci-online-retail/online_retail_invoice_level.csv",
          "retail",
          ShoppersEvaluation::loadRetail,
          30);
    }
    if (which.equals("all") || which.equals("cdnow-churn")) {
      task(
          Task.CHURN,
          "CDNOW master",
          "cdnow/CDNOW_master.txt",
          "cdnow-churn",
          ShoppersEvaluation::loadCdnow,
          90);
    }
    if (which.equals("all") || which.equals("retail-churn")) {
      task(
          Task.CHURN,
          "UCI Online Retail invoices",
          "uci-online-retail/online_retail_invoice_level.csv",
          "retail-churn",
          ShoppersEvaluation::loadRetail,
          30);
    }
  }

  private static void shoppers(long seed) throws IOException, InterruptedException {
    Optional<Path> file =
        SharedData.file("uci-online-shoppers-intention/online_shoppers_intention.csv");
    if (file.isEmpty()) {
      System.out.println("ShoppersEvaluation: uci-online-shoppers-intention absent: skipped");
      return;
    }
    ShoppersData data = ShoppersCsv.read(file.get());
    StratifiedSplit split = StratifiedSplit.of(data.labels(), seed);
    System.out.printf(
        Locale.ROOT,
        "%n## UCI online shoppers: %d sessions, %d buy (%.1f%%); split seed %d: train %d,"
            + " validation %d, test %d%n%n",
        data.size(),
        data.positives(),
        100.0 * data.positives() / data.size(),
        seed,
        split.train().length,
        split.validation().length,
        split.test().length);
    List<ShoppersEvaluator.Result> results = ShoppersEvaluator.evaluate(data, split);
    Path dir = WORK.resolve("shoppers");
    export(
        dir,
        data.featureNames(),
        data.subset(split.train()),
        data.subset(split.validation()),
        data.subset(split.test()));
    compare(results, peer(dir));
  }

  /** Puts a purchase log into a store. */
  private interface Loader {
    void load(EventStore store, Path file) throws SQLException;
  }

  private static void purchaseTask(
      String title, String relative, String name, Loader loader, int horizon)
      throws IOException, InterruptedException, SQLException {
    task(Task.PURCHASE, title, relative, name, loader, horizon);
  }

  /** A binary task's training set (its population only), Shopcast against the peer. */
  private static void task(
      Task task, String title, String relative, String name, Loader loader, int horizon)
      throws IOException, InterruptedException, SQLException {
    Optional<Path> file = SharedData.file(relative);
    if (file.isEmpty()) {
      System.out.println("ShoppersEvaluation: " + relative + " absent: skipped");
      return;
    }
    Path dir = WORK.resolve(name);
    Path workspace = dir.resolve("workspace");
    Files.createDirectories(dir);
    if (Files.exists(workspace)) {
      try (var paths = Files.walk(workspace)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    try (EventStore store = EventStore.open(workspace)) {
      loader.load(store, file.get());
      TemporalSplit split = TemporalSplit.plan(store.connection(), horizon, 3);
      List<Instant> cutoffs = new ArrayList<>(split.train());
      cutoffs.add(split.validation());
      cutoffs.add(split.test());
      TrainingSet built = TrainingSetBuilder.build(store.connection(), cutoffs, horizon);
      TrainingSet all = built.filter(i -> task.inPopulation(built, i));
      Set<Instant> train = new HashSet<>(split.train());
      ShoppersData tr = part(task, all, all.filter(i -> train.contains(all.cutoff(i))));
      ShoppersData va = part(task, all, all.filter(i -> all.cutoff(i).equals(split.validation())));
      ShoppersData te = part(task, all, all.filter(i -> all.cutoff(i).equals(split.test())));
      System.out.printf(
          Locale.ROOT,
          "%n## %s, %s, H = %d days: holdout %s, %d users, %d positive;"
              + " train %d rows, validation %d%n%n",
          title,
          task,
          horizon,
          split.test(),
          te.size(),
          te.positives(),
          tr.size(),
          va.size());
      ShoppersData joined = concat(tr, va, te);
      int[] trIdx = range(0, tr.size());
      int[] vaIdx = range(tr.size(), tr.size() + va.size());
      int[] teIdx = range(tr.size() + va.size(), joined.size());
      List<ShoppersEvaluator.Result> results =
          ShoppersEvaluator.evaluateModels(joined, new StratifiedSplit(trIdx, vaIdx, teIdx));
      export(dir, tr.featureNames(), tr, va, te);
      compare(results, peer(dir));
    }
  }

  /** CDNOW master into the store in one statement (same SQL as the predict module's tests). */
  private static void loadCdnow(EventStore store, Path file) throws SQLException {
    try (Statement statement = store.connection().createStatement()) {
      statement.execute(
          "INSERT INTO events (event_id, user_id, ts, type, quantity, price, import_id)"
              + " SELECT md5_number('cdnow-' || row_number() OVER ()),"
              + " CAST(CAST(f[1] AS INT) AS VARCHAR),"
              + " CAST(strptime(f[-3], '%Y%m%d') AS TIMESTAMP), 'PURCHASE', 1,"
              + " CAST(f[-1] AS DECIMAL(18, 4)), 0 FROM (SELECT string_split_regex(trim(line),"
              + " '\\s+') AS f FROM read_csv('"
              + file
              + "', columns = {'line': 'VARCHAR'}, header = false, delim = '|'))"
              + " WHERE f[1] <> 'customer_id'");
    }
  }

  /**
   * Online Retail invoices into the store in one statement (same SQL as the predict module's tests:
   * C invoices become returns).
   */
  private static void loadRetail(EventStore store, Path file) throws SQLException {
    try (Statement statement = store.connection().createStatement()) {
      statement.execute(
          "INSERT INTO events (event_id, user_id, ts, type, order_id, quantity, price,"
              + " import_id) SELECT md5_number('retail-' || InvoiceNo),"
              + " CAST(CustomerID AS VARCHAR),"
              + " CAST(strptime(InvoiceDate, '%m/%d/%Y %H:%M') AS TIMESTAMP),"
              + " CASE WHEN InvoiceNo LIKE 'C%' THEN 'RETURN' ELSE 'PURCHASE' END,"
              + " CAST(InvoiceNo AS VARCHAR), greatest(abs(Quantity), 1),"
              + " CAST(UnitPrice AS DECIMAL(18, 4)), 0 FROM read_csv('"
              + file
              + "', header = true, all_varchar = false, types = {'InvoiceNo': 'VARCHAR',"
              + " 'CustomerID': 'VARCHAR', 'InvoiceDate': 'VARCHAR'})"
              + " WHERE CustomerID IS NOT NULL");
    }
  }

  private static ShoppersData part(Task task, TrainingSet all, TrainingSet subset) {
    boolean[] labels = task.labels(subset);
    return new ShoppersData(all.featureNames(), subset.matrix(), labels);
  }

  private static ShoppersData concat(ShoppersData... parts) {
    List<double[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (ShoppersData p : parts) {
      for (int i = 0; i < p.size(); i++) {
        rows.add(p.rows()[i]);
        labels.add(p.labels()[i]);
      }
    }
    boolean[] l = new boolean[labels.size()];
    for (int i = 0; i < l.length; i++) {
      l[i] = labels.get(i);
    }
    return new ShoppersData(parts[0].featureNames(), rows.toArray(new double[0][]), l);
  }

  private static int[] range(int from, int to) {
    return java.util.stream.IntStream.range(from, to).toArray();
  }

  private static void export(
      Path dir, List<String> names, ShoppersData train, ShoppersData valid, ShoppersData test)
      throws IOException {
    Files.createDirectories(dir);
    Map<String, ShoppersData> parts = new LinkedHashMap<>();
    parts.put("train.csv", train);
    parts.put("valid.csv", valid);
    parts.put("test.csv", test);
    for (Map.Entry<String, ShoppersData> e : parts.entrySet()) {
      try (BufferedWriter out =
          Files.newBufferedWriter(dir.resolve(e.getKey()), StandardCharsets.UTF_8)) {
        out.write(String.join(",", names.stream().map(n -> n.replace(',', '_')).toList()));
        out.write(",label\n");
        ShoppersData d = e.getValue();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < d.size(); i++) {
          line.setLength(0);
          for (double x : d.rows()[i]) {
            line.append(Double.toString(x)).append(',');
          }
          line.append(d.labels()[i] ? '1' : '0').append('\n');
          out.write(line.toString());
        }
      }
    }
  }

  private static List<JsonNode> peer(Path dir) throws IOException, InterruptedException {
    if (!Files.isRegularFile(PEER)) {
      throw new IllegalStateException(PEER + " not found: run from the checkout root");
    }
    ChildRun run =
        ChildRun.run(
            List.of("/usr/bin/python3", PEER.toString(), dir.toString()), dir.resolve("tmp"));
    ObjectMapper mapper = new ObjectMapper();
    List<JsonNode> out = new ArrayList<>();
    for (String line : run.stdout().split("\n")) {
      if (line.startsWith("{")) {
        out.add(mapper.readTree(line));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "(Python peer process: %.1f s wall, %.1f s CPU, %.0f MiB peak RSS)%n%n",
        run.wallSeconds(),
        run.cpuSeconds(),
        run.peakRssMb());
    return out;
  }

  private static void compare(List<ShoppersEvaluator.Result> results, List<JsonNode> peer) {
    System.out.println("| model | AUC | PR-AUC | F1 | log loss | train s |");
    System.out.println("|---|---|---|---|---|---|");
    for (ShoppersEvaluator.Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.4f | %.4f | %.4f | %.4f | %.3f |%n",
          r.name(),
          r.auc(),
          r.prAuc(),
          r.f1(),
          r.logLoss(),
          r.trainSeconds());
    }
    for (JsonNode p : peer) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.4f | %.4f | %.4f | %.4f | %.3f |%n",
          p.get("name").asText(),
          p.get("auc").asDouble(),
          p.get("prAuc").asDouble(),
          p.get("f1").asDouble(),
          p.get("logLoss").asDouble(),
          p.get("trainSeconds").asDouble());
    }
    System.out.println();
    Map<String, String> pairs = Map.of("logistic", "sklearn-logistic", "xgboost", "python-xgboost");
    for (Map.Entry<String, String> pair : new java.util.TreeMap<>(pairs).entrySet()) {
      Optional<ShoppersEvaluator.Result> j =
          results.stream().filter(r -> r.name().equals(pair.getKey())).findFirst();
      Optional<JsonNode> p =
          peer.stream().filter(n -> n.get("name").asText().equals(pair.getValue())).findFirst();
      if (j.isPresent() && p.isPresent()) {
        System.out.printf(
            Locale.ROOT,
            "%s vs %s: AUC %+.4f, F1 %+.4f (Shopcast minus peer); training time Shopcast/peer"
                + " %.2f%n",
            pair.getKey(),
            pair.getValue(),
            j.get().auc() - p.get().get("auc").asDouble(),
            j.get().f1() - p.get().get("f1").asDouble(),
            j.get().trainSeconds() / p.get().get("trainSeconds").asDouble());
      }
    }
  }
}
