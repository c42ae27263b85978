package org.shopcast.bench.recommend;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.bench.ChildRuns;
import org.shopcast.data.generate.EventGenerator;
import org.shopcast.data.generate.Profile;

/**
 * Recommendation training at scale: generates N Taobao-format events with the data module's
 * generator (default profile, fitted from the bundled real sample), prepares them once with DuckDB
 * (dense user and item indices, 30-minute sessions, behaviour codes; not timed), then measures,
 * each in its own process (wall time, CPU time, peak resident memory):
 *
 * <ul>
 *   <li>Shopcast item-kNN on the sessions ({@link RecsTrainChild}), followed by the real-time
 *       latency of lists of 100 for random users;
 *   <li>the scipy peer ({@code iknn_scipy.py}: the same similarity with one sparse {@code XᵀX} and
 *       a top-100 per item), reporting the ratio peer fit time / Shopcast fit time;
 *   <li>Shopcast implicit ALS on one row per user (32 factors, CG, no Debian peer exists:
 *       python3-implicit is not packaged).
 * </ul>
 *
 * <p>Run from the project root:
 *
 * <pre>
 * ./mvnw -q -o package -pl shopcast-bench -am -DskipTests
 * java -cp "shopcast-bench/target/classes:$(cat shopcast-bench/target/classpath.txt)" \
 *     org.shopcast.bench.recommend.RecsTrainBenchmark --events 10000000 --data /tmp/bench [--json]
 * </pre>
 *
 * <p>Options: {@code --seed 1}; {@code --xmx 6g} heap of the Java children; {@code --als-iterations
 * 10}; {@code --requests 10000} latency requests; {@code --no-python}; {@code --no-als}; {@code
 * --python /usr/bin/python3}.
 */
public final class RecsTrainBenchmark {
  private RecsTrainBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args options, see the class documentation
   * @throws Exception when a step fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> o = options(args);
    long events = Long.parseLong(o.getOrDefault("events", "10000000"));
    long seed = Long.parseLong(o.getOrDefault("seed", "1"));
    Path data = Path.of(o.getOrDefault("data", "target/bench")).toAbsolutePath();
    Files.createDirectories(data);
    Path csv = data.resolve("taobao-" + events + "-" + seed + ".csv");
    if (!Files.exists(csv)) {
      EventGenerator.of(Profile.defaultTaobao(), events, seed).writeCsv(csv, n -> {});
    }
    Path rows = data.resolve("recs-rows-" + events + "-" + seed + ".csv");
    if (!Files.exists(rows)) {
      prepare(csv, rows);
    }
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode result = mapper.createObjectNode();
    result.put("events", events);
    result.put("loadAverageBefore", ChildRuns.loadAverage());
    String java = ProcessHandle.current().info().command().orElse("java");
    String cp = System.getProperty("java.class.path");
    String xmx = "-Xmx" + o.getOrDefault("xmx", "6g");
    String child = RecsTrainChild.class.getName();
    Path work = data.resolve("recs-work");
    ObjectNode iknn =
        ChildRuns.measure(
            mapper,
            List.of(
                java,
                xmx,
                "-cp",
                cp,
                child,
                rows.toString(),
                "iknn",
                "0",
                o.getOrDefault("requests", "10000")),
            work);
    result.set("iknn", iknn);
    if (!o.containsKey("no-python")) {
      Path script = data.resolve("iknn_scipy.py");
      try (InputStream in = RecsTrainBenchmark.class.getResourceAsStream("iknn_scipy.py")) {
        if (in == null) {
          throw new IllegalStateException("iknn_scipy.py is missing from the classpath");
        }
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
      }
      ObjectNode p =
          ChildRuns.measure(
              mapper,
              List.of(
                  o.getOrDefault("python", "/usr/bin/python3"), script.toString(), rows.toString()),
              work);
      result.set("scipyPeer", p);
      double ratio =
          p.get("result").get("fitSeconds").asDouble()
              / result.get("iknn").get("result").get("fitSeconds").asDouble();
      result.put("fitRatioPeerOverShopcast", ratio);
      result.put(
          "wallRatioPeerOverShopcast",
          p.get("wallSeconds").asDouble() / iknn.get("wallSeconds").asDouble());
    }
    if (!o.containsKey("no-als")) {
      ObjectNode als =
          ChildRuns.measure(
              mapper,
              List.of(
                  java,
                  xmx,
                  "-cp",
                  cp,
                  child,
                  rows.toString(),
                  "als",
                  o.getOrDefault("als-iterations", "10")),
              work);
      result.set("als", als);
    }
    result.put("loadAverageAfter", ChildRuns.loadAverage());
    if (o.containsKey("json")) {
      System.out.println(mapper.writeValueAsString(result));
    } else {
      printText(result);
    }
  }

  /** Writes the prepared rows: user, session, item, type, ts ordered by user then time. */
  static void prepare(Path csv, Path rows) throws SQLException, IOException {
    Path tmp = rows.resolveSibling(rows.getFileName() + ".tmp");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE e AS SELECT column0 AS u, column1 AS i, column3 AS b, column4 AS ts"
              + " FROM read_csv('"
              + csv.toString().replace("'", "''")
              + "', header = false, columns = {'column0': 'VARCHAR', 'column1': 'VARCHAR',"
              + " 'column2': 'VARCHAR', 'column3': 'VARCHAR', 'column4': 'BIGINT'})");
      s.execute(
          "COPY (WITH k AS (SELECT dense_rank() OVER (ORDER BY u) - 1 AS user,"
              + " dense_rank() OVER (ORDER BY i) - 1 AS item,"
              + " CASE b WHEN 'pv' THEN 0 WHEN 'fav' THEN 1 WHEN 'cart' THEN 2 ELSE 3 END AS type,"
              + " ts, row_number() OVER (ORDER BY u, ts, i, b) AS rn FROM e),"
              + " g AS (SELECT *, CASE WHEN ts - lag(ts) OVER (PARTITION BY user ORDER BY rn)"
              + " <= 1800 THEN 0 ELSE 1 END AS new FROM k)"
              + " SELECT user, sum(new) OVER (ORDER BY rn ROWS UNBOUNDED PRECEDING) - 1 AS session,"
              + " item, type, ts FROM g ORDER BY rn) TO '"
              + tmp.toString().replace("'", "''")
              + "' (HEADER, FORMAT csv)");
    }
    Files.move(tmp, rows, StandardCopyOption.REPLACE_EXISTING);
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> flags = List.of("json", "no-python", "no-als");
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected an option like --events, got " + args[i]);
      }
      String name = args[i].substring(2);
      if (flags.contains(name)) {
        options.put(name, "true");
      } else if (i + 1 < args.length) {
        options.put(name, args[++i]);
      } else {
        throw new IllegalArgumentException("option --" + name + " needs a value");
      }
    }
    return options;
  }

  private static void printText(JsonNode r) {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%,d events; load average before %s, after %s",
            r.get("events").asLong(),
            r.get("loadAverageBefore").asText(),
            r.get("loadAverageAfter").asText()));
    for (String name : List.of("iknn", "scipyPeer", "als")) {
      JsonNode run = r.get(name);
      if (run == null) {
        continue;
      }
      JsonNode res = run.get("result");
      lines.add(
          String.format(
              Locale.ROOT,
              "%-9s load %7.1f s  fit %7.1f s  wall %7.1f s  cpu %7.1f s  peak RSS %,7.0f MB",
              name,
              res.get("loadSeconds").asDouble(),
              res.get("fitSeconds").asDouble(),
              run.get("wallSeconds").asDouble(),
              run.get("cpuSeconds").asDouble(),
              run.get("peakRssMb").asDouble()));
    }
    if (r.has("fitRatioPeerOverShopcast")) {
      lines.add(
          String.format(
              Locale.ROOT,
              "item-kNN fit: scipy / Shopcast = %.2f (wall %.2f)",
              r.get("fitRatioPeerOverShopcast").asDouble(),
              r.get("wallRatioPeerOverShopcast").asDouble()));
    }
    JsonNode k = r.get("iknn").get("result");
    lines.add(
        String.format(
            Locale.ROOT,
            "real-time item-kNN n=100 (%d requests, mean %.1f listed): kernel p50 %.3f ms, p99 %.3f"
                + " ms, max %.3f ms; Recommendations.top p50 %.3f ms, p99 %.3f ms, max %.3f ms",
            k.get("requests").asInt(),
            k.get("meanListed").asDouble(),
            k.get("kernelP50Ms").asDouble(),
            k.get("kernelP99Ms").asDouble(),
            k.get("kernelMaxMs").asDouble(),
            k.get("libraryP50Ms").asDouble(),
            k.get("libraryP99Ms").asDouble(),
            k.get("libraryMaxMs").asDouble()));
    lines.forEach(System.out::println);
  }
}
