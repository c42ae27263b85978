package org.shopcast.bench.analytics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
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
 * the same events (the store's, exported to CSV with their session ids); each side's time is the
 * best of 3 runs of the three analyses, reading excluded. Prints both times, the ratio and the
 * figures both sides found (funnel counts, buyers), which must agree.
 *
 * <p>Run: {@code ./mvnw -q -o package -pl shopcast-bench -am -DskipTests} then {@code java -cp
 * "shopcast-bench/target/classes:$(cat cp.txt)" org.shopcast.bench.analytics.AnalyticsBenchmark
 * 1000000 DIR} (events, work directory). Not part of the test run.
 */
public final class AnalyticsBenchmark {
  private AnalyticsBenchmark() {}

  /** Runs the benchmark: {@code args = [events, workDir]}. */
  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
    Path dir = Path.of(args.length > 1 ? args[1] : "target/analytics-bench");
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
    double java = Double.POSITIVE_INFINITY;
    double javaCpu = 0;
    FunnelResult funnel = null;
    RfmResult rfm = null;
    KpiSeries kpis = null;
    try (EventStore store = EventStore.open(workspace)) {
      out.printf(Locale.ROOT, "events in store: %,d%n", store.stats().events());
      for (int run = 0; run < 3; run++) {
        long start = System.nanoTime();
        double cpu = processCpuSeconds();
        kpis = Kpis.compute(store.connection(), new KpiOptions());
        funnel = Funnels.compute(store.connection(), new FunnelOptions());
        rfm = Rfm.compute(store.connection(), false);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (elapsed < java) {
          java = elapsed;
          javaCpu = processCpuSeconds() - cpu;
        }
      }
      try (Statement statement = store.connection().createStatement()) {
        statement.execute(
            "COPY (SELECT user_id, strftime(ts, '%Y-%m-%d %H:%M:%S') AS ts, type, session_id"
                + " FROM events) TO '"
                + exported.toAbsolutePath().toString().replace("'", "''")
                + "' (HEADER, DELIMITER ',')");
      }
    }
    JsonNode pandas = pandas(exported);
    double peer = pandas.get("seconds").asDouble();
    List<Long> javaFunnel = new ArrayList<>();
    for (Map<String, Object> row : funnel.rows()) {
      javaFunnel.add((Long) row.get("count"));
    }
    double peerCpu = pandas.get("cpu_seconds").asDouble();
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
        "pandas:            %.2f s (cpu %.2f s)  days %d  funnel %s  buyers %d"
            + " (read %.2f s, not counted)%n",
        peer,
        peerCpu,
        pandas.get("days").asInt(),
        pandas.get("funnel"),
        pandas.get("buyers").asLong(),
        pandas.get("read_seconds").asDouble());
    out.printf(
        Locale.ROOT, "kpi totals: shopcast %s  pandas %s%n", javaTotals, pandas.get("kpi_totals"));
    out.printf(
        Locale.ROOT,
        "rfm segments: shopcast %s  pandas %s%n",
        javaSegments,
        pandas.get("segments"));
    out.printf(
        Locale.ROOT,
        "ratio pandas / shopcast: %.2f wall, %.2f cpu%n",
        peer / java,
        peerCpu / javaCpu);
    List<String> differ = new ArrayList<>();
    if (kpis.rows().size() != pandas.get("days").asInt()) {
      differ.add("days");
    }
    if (!javaFunnel.toString().replace(" ", "").equals(pandas.get("funnel").toString())) {
      differ.add("funnel");
    }
    if (rfm.buyers() != pandas.get("buyers").asLong()) {
      differ.add("buyers");
    }
    javaTotals.forEach(
        (name, value) -> {
          if (value != pandas.path("kpi_totals").path(name).asLong(-1)) {
            differ.add("kpi " + name);
          }
        });
    javaSegments.forEach(
        (name, value) -> {
          if (value != pandas.path("segments").path(name).asLong(-1)) {
            differ.add("segment " + name);
          }
        });
    if (javaSegments.size() != pandas.path("segments").size()) {
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

  private static JsonNode pandas(Path csv) throws IOException, InterruptedException {
    Path script = Path.of("shopcast-bench/src/main/python/analytics_pandas.py");
    Process process =
        new ProcessBuilder(python(), script.toString(), csv.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("pandas peer failed (is python3-pandas installed?)");
    }
    return new ObjectMapper().readTree(text);
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
