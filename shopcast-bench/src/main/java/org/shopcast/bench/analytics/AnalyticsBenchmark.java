package org.shopcast.bench.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.FunnelResult;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.kpi.KpiSeries;
import org.shopcast.analytics.kpi.Kpis;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.analytics.rfm.RfmResult;
import org.shopcast.cli.Shopcast;
import org.shopcast.data.store.EventStore;

/**
 * KPI series (daily, UTC) + funnel (VIEW, CART_ADD, PURCHASE per user within a session) + RFM on
 * generated events: shopcast-analytics (DuckDB SQL in the store) against the same tables in pandas
 * ({@code src/main/python/analytics_pandas.py}, Debian python3-pandas), in the same run. Both read
 * the same events (the store's, exported to CSV with their session ids); reading is not timed (the
 * pandas process reads the CSV once, then runs the analyses on request). After one warm-up run of
 * each side, rounds alternate one Shopcast run and one pandas run, so that both are timed under the
 * same machine load; each side's figure is its best round. Prints every round (wall and CPU time of
 * both sides, the load average), the best-of ratio and the median of the per-round ratios, and the
 * figures both sides found (days, funnel counts, buyers, KPI totals, RFM segment sizes), which must
 * agree or the run fails.
 *
 * <p>Run: {@code ./mvnw -q -o package -pl shopcast-bench -am -DskipTests} then {@code java -cp
 * "shopcast-bench/target/classes:$(cat cp.txt)" org.shopcast.bench.analytics.AnalyticsBenchmark
 * 1000000 DIR [ROUNDS]} (events, work directory, rounds, default 5). Not part of the test run.
 */
public final class AnalyticsBenchmark {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AnalyticsBenchmark() {}

  /** Runs the benchmark: {@code args = [events, workDir]}. */
  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    Path dir = Path.of(args.length > 1 ? args[1] : "target/analytics-bench");
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Files.createDirectories(dir);
    Path workspace = dir.resolve("ws");
    Path generated = dir.resolve("generated.csv");
    Path exported = dir.resolve("events.csv");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    if (!Files.exists(workspace.resolve(EventStore.DATABASE_FILE))) {
      check(
          Shopcast.run(
              "--workspace",
              workspace.toString(),
              "generate",
              "--events",
              Long.toString(events),
              "--seed",
              "1",
              "--out",
              generated.toString()));
      check(
          Shopcast.run(
              "--workspace",
              workspace.toString(),
              "import",
              generated.toString(),
              "--format",
              "taobao"));
    }
    try (EventStore store = EventStore.open(workspace);
        Statement statement = store.connection().createStatement()) {
      statement.execute(
          "COPY (SELECT user_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, type, session_id"
              + " FROM events) TO '"
              + exported.toAbsolutePath().toString().replace("'", "''")
              + "' (HEADER, DELIMITER ',')");
    }
    double java = Double.POSITIVE_INFINITY;
    double javaCpu = 0;
    double peer = Double.POSITIVE_INFINITY;
    double peerCpu = 0;
    List<Double> roundRatios = new ArrayList<>();
    FunnelResult funnel = null;
    RfmResult rfm = null;
    KpiSeries kpis = null;
    JsonNode pandas = null;
    Process process = pandasServer(exported);
    try (EventStore store = EventStore.open(workspace);
        BufferedReader fromPandas =
            new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Writer toPandas =
            new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
      out.printf(Locale.ROOT, "events in store: %,d%n", store.stats().events());
      JsonNode ready = pandasLine(fromPandas);
      out.printf(
          Locale.ROOT,
          "pandas read the CSV in %.2f s (not counted)%n",
          ready.get("read_seconds").asDouble());
      // one warm-up run of each side, then rounds that alternate the two sides so both are timed
      // under the same (shared, changing) machine load
      for (int round = 0; round <= rounds; round++) {
        long start = System.nanoTime();
        double cpu = processCpuSeconds();
        kpis = Kpis.compute(store.connection(), new KpiOptions());
        funnel = Funnels.compute(store.connection(), new FunnelOptions());
        rfm = Rfm.compute(store.connection(), false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        double used = processCpuSeconds() - cpu;
        toPandas.write("run\n");
        toPandas.flush();
        pandas = pandasLine(fromPandas);
        double peerElapsed = pandas.get("seconds").asDouble();
        double peerUsed = pandas.get("cpu_seconds").asDouble();
        out.printf(
            Locale.ROOT,
            "%s %d: shopcast %.2f s (cpu %.2f s), pandas %.2f s (cpu %.2f s), ratio %.2f wall"
                + " %.2f cpu, load %s%n",
            round == 0 ? "warm-up" : "round",
            round,
            elapsed,
            used,
            peerElapsed,
            peerUsed,
            peerElapsed / elapsed,
            peerUsed / used,
            Files.readString(Path.of("/proc/loadavg")).strip());
        if (round == 0) {
          continue;
        }
        roundRatios.add(peerElapsed / elapsed);
        if (elapsed < java) {
          java = elapsed;
          javaCpu = used;
        }
        if (peerElapsed < peer) {
          peer = peerElapsed;
          peerCpu = peerUsed;
        }
      }
    } finally {
      process.getOutputStream().close();
      if (process.waitFor() != 0) {
        throw new IllegalStateException("pandas peer failed (is python3-pandas installed?)");
      }
    }
    JsonNode peerFigures = pandas;
    List<Long> javaFunnel = new ArrayList<>();
    for (Map<String, Object> row : funnel.rows()) {
      javaFunnel.add((Long) row.get("count"));
    }
    Map<String, Long> javaTotals = kpiTotals(kpis);
    Map<String, Long> javaSegments = new LinkedHashMap<>();
    for (Map<String, Object> row : rfm.segments()) {
      if ((Long) row.get("users") > 0) {
        javaSegments.put((String) row.get("segment"), (Long) row.get("users"));
      }
    }
    out.printf(
        Locale.ROOT,
        "shopcast (DuckDB): %.2f s (cpu %.2f s)  days %d  funnel %s  buyers %d%n",
        java,
        javaCpu,
        kpis.rows().size(),
        javaFunnel,
        rfm.buyers());
    out.printf(
        Locale.ROOT,
        "pandas:            %.2f s (cpu %.2f s)  days %d  funnel %s  buyers %d%n",
        peer,
        peerCpu,
        peerFigures.get("days").asInt(),
        peerFigures.get("funnel"),
        peerFigures.get("buyers").asLong());
    out.printf(
        Locale.ROOT,
        "kpi totals: shopcast %s  pandas %s%n",
        javaTotals,
        peerFigures.get("kpi_totals"));
    out.printf(
        Locale.ROOT,
        "rfm segments: shopcast %s  pandas %s%n",
        javaSegments,
        peerFigures.get("segments"));
    out.printf(
        Locale.ROOT,
        "ratio pandas / shopcast (best of %d rounds each): %.2f wall, %.2f cpu;"
            + " per-round wall ratios %s (median %.2f)%n",
        rounds,
        peer / java,
        peerCpu / javaCpu,
        roundRatios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList(),
        median(roundRatios));
    List<String> differ = new ArrayList<>();
    if (kpis.rows().size() != peerFigures.get("days").asInt()) {
      differ.add("days");
    }
    if (!javaFunnel.toString().replace(" ", "").equals(peerFigures.get("funnel").toString())) {
      differ.add("funnel");
    }
    if (rfm.buyers() != peerFigures.get("buyers").asLong()) {
      differ.add("buyers");
    }
    javaTotals.forEach(
        (name, value) -> {
          if (value != peerFigures.path("kpi_totals").path(name).asLong(-1)) {
            differ.add("kpi " + name);
          }
        });
    javaSegments.forEach(
        (name, value) -> {
          if (value != peerFigures.path("segments").path(name).asLong(-1)) {
            differ.add("segment " + name);
          }
        });
    if (javaSegments.size() != peerFigures.path("segments").size()) {
      differ.add("segment names");
    }
    if (!differ.isEmpty()) {
      throw new IllegalStateException("shopcast and pandas disagree on " + differ);
    }
    out.println("results agree: days, funnel, buyers, kpi totals, rfm segments");
  }

  /** Each daily count of the KPI series summed over the days (the figures pandas also prints). */
  private static Map<String, Long> kpiTotals(KpiSeries kpis) {
    Map<String, Long> totals = new LinkedHashMap<>();
    for (String name :
        List.of("views", "users", "carts", "favourites", "orders", "buyers", "items_sold")) {
      long sum = 0;
      for (Map<String, Object> row : kpis.rows()) {
        sum += ((Number) row.get(name)).longValue();
      }
      totals.put(name, sum);
    }
    return totals;
  }

  /** User plus system CPU time of this process so far (all threads, DuckDB's included). */
  private static double processCpuSeconds() throws IOException {
    String stat = Files.readString(Path.of("/proc/self/stat"));
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    return ticks / 100.0;
  }

  /** Starts the pandas peer in serve mode: it reads the CSV, then runs once per "run" line. */
  private static Process pandasServer(Path csv) throws IOException {
    Path script = Path.of("shopcast-bench/src/main/python/analytics_pandas.py");
    return new ProcessBuilder(python(), script.toString(), csv.toString(), "--serve")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static JsonNode pandasLine(BufferedReader in) throws IOException {
    String line = in.readLine();
    if (line == null) {
      throw new IllegalStateException("pandas peer stopped (is python3-pandas installed?)");
    }
    return JSON.readTree(line);
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** Debian's python3 (which has python3-pandas) before whatever python3 is on the PATH. */
  private static String python() {
    return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
  }

  private static void check(int code) {
    if (code != 0) {
      throw new IllegalStateException("shopcast command failed with exit code " + code);
    }
  }

  static {
    // keep the store's timestamps in UTC whatever the machine's zone
    java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
  }
}
