package org.shopcast.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * End-to-end import benchmark: in one run, loads the same generated Taobao-format CSV of N events
 * with {@code shopcast import} into a fresh workspace, with raw DuckDB ({@link RawCsvLoad}: {@code
 * CREATE TABLE t AS SELECT * FROM read_csv(...)}, the I/O limit) and with a pandas script doing the
 * same parse, checks, dedup, sessions and counts (Debian {@code python3-pandas}). Each peer runs as
 * its own process, measured by wall time, CPU time and peak resident memory, after one read of the
 * file to warm the page cache. Prints times and the ratios {@code raw time / peer time} (1.0 means
 * as fast as raw DuckDB).
 *
 * <p>Run from the project root:
 *
 * <pre>
 * ./mvnw -q -o package -pl shopcast-bench -am -DskipTests
 * java -cp "shopcast-bench/target/classes:$(cat shopcast-bench/target/classpath.txt)" \
 *     org.shopcast.bench.ImportBenchmark --events 10000000 [--seed 1] [--repeat 1] [--json]
 * </pre>
 *
 * <p>Options: {@code --data DIR} where the CSV and workspaces go (default {@code target/bench});
 * {@code --no-pandas}; {@code --memory 1GB} the DuckDB memory limit of both DuckDB peers; {@code
 * --python /usr/bin/python3}. The CSV ({@code taobao-N-S.csv}) is generated with {@code shopcast
 * generate} when absent and reused otherwise.
 */
public final class ImportBenchmark {
  private final Map<String, String> options;
  private final Path data;

  private ImportBenchmark(Map<String, String> options) {
    this.options = options;
    this.data = Path.of(options.getOrDefault("data", "target/bench")).toAbsolutePath();
  }

  /**
   * Runs the benchmark.
   *
   * @param args options, see the class documentation
   * @throws Exception when a peer fails
   */
  public static void main(String[] args) throws Exception {
    Map<String, String> options = parse(args);
    Map<String, Object> result = new ImportBenchmark(options).run();
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (options.containsKey("json")) {
      System.out.println(mapper.writeValueAsString(result));
    } else {
      printText(result);
    }
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> options = new LinkedHashMap<>();
    List<String> flags = List.of("json", "no-pandas");
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

  private Map<String, Object> run() throws Exception {
    long events = Long.parseLong(options.getOrDefault("events", "10000000"));
    long seed = Long.parseLong(options.getOrDefault("seed", "1"));
    int repeat = Integer.parseInt(options.getOrDefault("repeat", "1"));
    if (events < 1 || repeat < 1) {
      throw new IllegalArgumentException(
          "--events and --repeat must be >= 1, got " + events + " and " + repeat);
    }
    Files.createDirectories(data);
    Path csv = data.resolve("taobao-" + events + "-" + seed + ".csv");
    if (!Files.exists(csv)) {
      ChildRun gen =
          ChildRun.run(
              shopcast(
                  data.resolve("gen-ws"),
                  "generate",
                  "--events",
                  Long.toString(events),
                  "--seed",
                  Long.toString(seed),
                  "--out",
                  csv.toString()),
              data);
      System.err.printf(Locale.ROOT, "generated %s in %.1f s%n", csv, gen.wallSeconds());
    }
    warm(csv);
    String loadBefore = loadAverage();
    Path pandasScript = extractPandasScript();
    List<ChildRun> raw = new ArrayList<>();
    List<ChildRun> imports = new ArrayList<>();
    List<ChildRun> pandas = new ArrayList<>();
    for (int r = 0; r < repeat; r++) {
      raw.add(runRaw(csv));
      imports.add(runImport(csv));
      if (!options.containsKey("no-pandas")) {
        pandas.add(
            ChildRun.run(
                List.of(
                    options.getOrDefault("python", "/usr/bin/python3"),
                    pandasScript.toString(),
                    csv.toString()),
                data));
      }
    }
    ObjectMapper mapper = new ObjectMapper();
    ChildRun rawRun = median(raw);
    ChildRun importRun = median(imports);
    JsonNode importJson = mapper.readTree(importRun.stdout());
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("date", Instant.now().toString());
    result.put("events", events);
    result.put("seed", seed);
    result.put("file", csv.toString());
    result.put("fileBytes", Files.size(csv));
    result.put("repeat", repeat);
    result.put("cores", Runtime.getRuntime().availableProcessors());
    result.put("loadAverageBefore", loadBefore);
    result.put("loadAverageAfter", loadAverage());
    result.put("duckdbMemoryLimit", options.getOrDefault("memory", "1GB"));
    result.put("raw", peer(rawRun, null));
    Map<String, Object> imp = peer(importRun, rawRun);
    imp.put("accepted", importJson.path("accepted").asLong());
    imp.put("duplicates", importJson.path("duplicates").asLong());
    imp.put("rejected", importJson.path("rejected").asLong());
    imp.put("timingsMillis", importJson.path("files").path(0).path("timings"));
    result.put("import", imp);
    if (!pandas.isEmpty()) {
      ChildRun pandasRun = median(pandas);
      JsonNode pandasJson = mapper.readTree(pandasRun.stdout());
      Map<String, Object> pd = peer(pandasRun, rawRun);
      pd.put("accepted", pandasJson.path("accepted").asLong());
      pd.put("duplicates", pandasJson.path("duplicates").asLong());
      pd.put("rejected", pandasJson.path("rejected").asLong());
      result.put("pandas", pd);
      result.put(
          "countsAgree",
          pandasJson.path("accepted").asLong() == importJson.path("accepted").asLong()
              && pandasJson.path("rejected").asLong() == importJson.path("rejected").asLong()
              && pandasJson.path("users").asLong() == importJson.path("users").asLong()
              && pandasJson.path("items").asLong() == importJson.path("items").asLong());
    }
    return result;
  }

  private ChildRun runRaw(Path csv) throws IOException, InterruptedException {
    Path db = data.resolve("raw.duckdb");
    List<String> command = java();
    command.addAll(List.of(RawCsvLoad.class.getName(), csv.toString(), db.toString()));
    ChildRun run = ChildRun.run(command, data);
    Files.deleteIfExists(db);
    Files.deleteIfExists(data.resolve("raw.duckdb.wal"));
    return run;
  }

  private ChildRun runImport(Path csv) throws IOException, InterruptedException {
    Path workspace = data.resolve("import-ws");
    deleteTree(workspace);
    ChildRun run =
        ChildRun.run(
            shopcast(workspace, "import", csv.toString(), "--format", "taobao", "--json"), data);
    deleteTree(workspace);
    return run;
  }

  private List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx1g");
    command.add("-Dshopcast.memory=" + options.getOrDefault("memory", "1GB"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    return command;
  }

  private List<String> shopcast(Path workspace, String... args) {
    List<String> command = java();
    command.add("org.shopcast.cli.Shopcast");
    command.add("--workspace");
    command.add(workspace.toString());
    command.addAll(Arrays.asList(args));
    return command;
  }

  private static Map<String, Object> peer(ChildRun run, ChildRun raw) {
    Map<String, Object> peer = new LinkedHashMap<>();
    peer.put("wallSeconds", round(run.wallSeconds()));
    peer.put("cpuSeconds", round(run.cpuSeconds()));
    peer.put("peakRssMb", Math.round(run.peakRssMb()));
    if (raw != null) {
      peer.put("speedVsRaw", round(raw.wallSeconds() / run.wallSeconds()));
      if (run.cpuSeconds() > 0 && raw.cpuSeconds() > 0) {
        peer.put("cpuSpeedVsRaw", round(raw.cpuSeconds() / run.cpuSeconds()));
      }
    }
    return peer;
  }

  private static ChildRun median(List<ChildRun> runs) {
    List<ChildRun> sorted = new ArrayList<>(runs);
    sorted.sort((a, b) -> Double.compare(a.wallSeconds(), b.wallSeconds()));
    return sorted.get(sorted.size() / 2);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private Path extractPandasScript() throws IOException {
    Path script = data.resolve("pandas_import.py");
    try (InputStream in = ImportBenchmark.class.getResourceAsStream("pandas_import.py")) {
      if (in == null) {
        throw new IllegalStateException("pandas_import.py is missing from the classpath");
      }
      Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
    }
    return script;
  }

  private static void warm(Path file) throws IOException {
    byte[] buffer = new byte[1 << 20];
    try (InputStream in = Files.newInputStream(file)) {
      while (in.read(buffer) >= 0) {
        // read only to bring the file into the page cache
      }
    }
  }

  private static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static void printText(Map<String, Object> r) {
    System.out.printf(
        Locale.ROOT,
        "import benchmark: %s events (%s, %s bytes), %s cores, load %s -> %s, %s%n",
        r.get("events"),
        r.get("file"),
        r.get("fileBytes"),
        r.get("cores"),
        r.get("loadAverageBefore"),
        r.get("loadAverageAfter"),
        r.get("date"));
    System.out.printf(
        Locale.ROOT,
        "%-16s %9s %9s %9s %12s %12s%n",
        "peer",
        "wall s",
        "cpu s",
        "peak MB",
        "raw/peer",
        "cpu raw/peer");
    for (String name : List.of("raw", "import", "pandas")) {
      Map<String, Object> p = (Map<String, Object>) r.get(name);
      if (p == null) {
        continue;
      }
      System.out.printf(
          Locale.ROOT,
          "%-16s %9s %9s %9s %12s %12s%n",
          "raw".equals(name) ? "duckdb read_csv" : "import".equals(name) ? "shopcast import" : name,
          p.get("wallSeconds"),
          p.get("cpuSeconds"),
          p.get("peakRssMb"),
          p.getOrDefault("speedVsRaw", "1.0"),
          p.getOrDefault("cpuSpeedVsRaw", "1.0"));
    }
    Map<String, Object> imp = (Map<String, Object>) r.get("import");
    System.out.println("import steps (ms): " + imp.get("timingsMillis"));
    if (r.containsKey("countsAgree")) {
      System.out.println("pandas and shopcast counts agree: " + r.get("countsAgree"));
    }
  }
}
