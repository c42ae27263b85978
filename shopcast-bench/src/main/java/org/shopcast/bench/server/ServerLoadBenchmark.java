package org.shopcast.bench.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Loads {@code shopcast serve} over loopback from a separate process. The server ({@link
 * BenchServer}) runs in its own JVM, so its CPU time (from {@code /proc}, split by thread name:
 * HTTP, writer, DuckDB, GC, JIT) and its garbage collector are apart from the load generator's,
 * whose CPU is reported on its own.
 *
 * <ul>
 *   <li><b>ingestion</b>: Segment batches of 100 {@code track} events ({@code POST /v1/batch},
 *       Basic auth), serialised once before the measurement, sent from T threads each holding one
 *       keep-alive connection and waiting for its answer (so up to T requests share a group
 *       commit), after a 200,000-event warm-up (so that the JIT has compiled the hot paths);
 *       events/s counts the events the 200 answers report as committed, checked against the store
 *       at the end;
 *   <li><b>reads</b>: {@code GET /api/v1/stats} and {@code GET /api/v1/users/{id}} alternately from
 *       an <b>open-loop</b> generator: request i is due at {@code start + i / rate} and sent by the
 *       first of 64 sender threads ({@code -Dbench.readSenders}) (one keep-alive connection each)
 *       free at that time; its latency runs from the due time, so a stalled server is charged for
 *       the requests queued behind the stall (no coordinated omission); optionally while ingestion
 *       continues in the background at a paced rate.
 * </ul>
 *
 * <p>Run: {@code ./mvnw -q -o compile dependency:build-classpath -pl shopcast-bench -am
 * -Dmdep.outputFile=/tmp/cp.txt && java -cp "$(cat /tmp/cp.txt):shopcast-bench/target/classes"
 * [-Dbench.serverJvm="-Xmx1g ..."] [-Dbench.readSenders=64]
 * org.shopcast.bench.server.ServerLoadBenchmark [events] [threads] [readRate] [readSeconds]
 * [backgroundEventsPerSecond]} (defaults 500000, 32, 1000, 20, 0).
 */
public final class ServerLoadBenchmark {
  private static final int BATCH = 100;
  private static final int USERS = 5000;
  private static final int READ_SENDERS = Integer.getInteger("bench.readSenders", 64);
  private static final int BACKGROUND_SENDERS = 4;
  private static final int SLOW_MS = 5;
  private static final long WARMUP = 200_000;
  private static final long BASE = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();

  private ServerLoadBenchmark() {}

  /** Runs the benchmark and prints one line per measurement. */
  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int readRate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int readSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    int background = args.length > 4 ? Integer.parseInt(args[4]) : 0;
    Path workspace = Files.createTempDirectory("shopcast-server-bench");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    String jvm = System.getProperty("bench.serverJvm", "-Xmx1g");
    command.addAll(Arrays.asList(jvm.trim().split("\\s+")));
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            BenchServer.class.getName(),
            workspace.toString()));
    Process server =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    BufferedReader fromServer =
        new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
    URI url = URI.create(await(fromServer, "url "));
    System.out.printf(
        Locale.ROOT, "server pid %d (%s), load average %s%n", server.pid(), jvm, loadAverage());
    long expected = WARMUP + events / BATCH * BATCH;
    Batches batches = new Batches(url, expected / BATCH + 2_000_000L / BATCH);
    ingest(server, url, batches, 0, WARMUP, threads, false);
    ingest(server, url, batches, WARMUP, events, threads, true);
    read(server, url, batches, readRate, Math.max(5, readSeconds / 2), background, false);
    read(server, url, batches, readRate, readSeconds, background, true);
    try (Writer stop = new OutputStreamWriter(server.getOutputStream(), StandardCharsets.UTF_8)) {
      stop.write("stop\n");
    }
    long stored = Long.parseLong(await(fromServer, "events "));
    server.waitFor();
    System.out.printf(
        Locale.ROOT,
        "store events after the run: %d (expected %d), load average %s%n",
        stored,
        expected + batches.backgroundSent() * BATCH,
        loadAverage());
  }

  private static String await(BufferedReader in, String prefix) throws IOException {
    String line;
    while ((line = in.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    throw new IOException("the server process ended before printing '" + prefix + "'");
  }

  /** The request bodies, serialised before they are needed: batch b holds events 100b..100b+99. */
  private static final class Batches {
    private final URI url;
    private final byte[][] requests;
    private final AtomicLong nextBackground;
    private final long firstBackground;

    Batches(URI url, long count) {
      this.url = url;
      this.requests = new byte[(int) count][];
      this.firstBackground = count - 2_000_000L / BATCH;
      this.nextBackground = new AtomicLong(firstBackground);
    }

    /** Builds batches {@code from} (inclusive) to {@code to} (exclusive). */
    void prepare(long from, long to) {
      String auth =
          "Basic "
              + java.util.Base64.getEncoder()
                  .encodeToString((BenchServer.WRITE + ":").getBytes(StandardCharsets.UTF_8));
      for (long b = from; b < to; b++) {
        if (requests[(int) b] == null) {
          requests[(int) b] =
              KeepAliveClient.request(
                  "POST", url, "/v1/batch", auth, body(b).getBytes(StandardCharsets.UTF_8));
        }
      }
    }

    byte[] get(long b) {
      return requests[(int) b];
    }

    /** The next background batch (prepared ahead), or -1 when they are used up. */
    long takeBackground() {
      long b = nextBackground.getAndIncrement();
      return b < requests.length ? b : -1;
    }

    long backgroundSent() {
      return Math.min(nextBackground.get(), requests.length) - firstBackground;
    }

    private static String body(long b) {
      StringBuilder body = new StringBuilder(BATCH * 200).append("{\"batch\":[");
      for (int i = 0; i < BATCH; i++) {
        long n = b * BATCH + i;
        if (i > 0) {
          body.append(',');
        }
        body.append("{\"type\":\"track\",\"messageId\":\"m")
            .append(n)
            .append("\",\"userId\":\"u")
            .append(n % USERS)
            .append("\",\"event\":\"")
            .append(n % 10 == 0 ? "Product Added" : "Product Viewed")
            .append("\",\"properties\":{\"product_id\":\"p")
            .append(n % 20_000)
            .append("\",\"price\":")
            .append(1 + n % 97)
            .append(".5},\"timestamp\":\"")
            .append(Instant.ofEpochMilli(BASE + n * 1000))
            .append("\"}");
      }
      return body.append("]}").toString();
    }
  }

  /** The accepted count in an ingestion answer. */
  private static long accepted(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    int at = text.indexOf("\"accepted\":");
    if (at < 0) {
      return 0;
    }
    int from = at + "\"accepted\":".length();
    int to = from;
    while (to < text.length() && Character.isDigit(text.charAt(to))) {
      to++;
    }
    return Long.parseLong(text.substring(from, to));
  }

  /** Sends one batch until it is answered 200 (retrying 429); returns the events accepted. */
  private static long post(KeepAliveClient client, byte[] request, AtomicInteger throttled)
      throws IOException {
    while (true) {
      KeepAliveClient.Answer answer = client.send(request);
      if (answer.status() == 200) {
        return accepted(answer.body());
      }
      if (answer.status() != 429) {
        throw new IllegalStateException(
            "HTTP " + answer.status() + ": " + new String(answer.body(), StandardCharsets.UTF_8));
      }
      throttled.incrementAndGet();
      sleepNanos(50_000_000L);
    }
  }

  private static void ingest(
      Process server,
      URI url,
      Batches batches,
      long first,
      long events,
      int threads,
      boolean report)
      throws Exception {
    long firstBatch = first / BATCH;
    long count = events / BATCH;
    batches.prepare(firstBatch, firstBatch + count);
    AtomicLong next = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicInteger throttled = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    Map<String, Double> serverBefore = threadCpu(server.pid());
    long serverCpuBefore = cpuNanos(server);
    long clientCpuBefore = ownCpuNanos();
    String loadBefore = loadAverage();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                try (KeepAliveClient client = new KeepAliveClient(url)) {
                  for (long b = next.getAndIncrement(); b < count; b = next.getAndIncrement()) {
                    accepted.addAndGet(post(client, batches.get(firstBatch + b), throttled));
                  }
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              },
              "bench-client-" + t);
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (!report) {
      return;
    }
    double perThousand = 1000.0 / Math.max(1, accepted.get());
    long serverCpu = cpuNanos(server) - serverCpuBefore;
    long clientCpu = ownCpuNanos() - clientCpuBefore;
    System.out.printf(
        Locale.ROOT,
        "ingest: %d events in %d batches of %d from %d connections: %.1f s, %.0f events/s"
            + " committed, %d answers 429; load average before %s, after %s%n",
        accepted.get(),
        count,
        BATCH,
        threads,
        seconds,
        accepted.get() / seconds,
        throttled.get(),
        loadBefore,
        loadAverage());
    System.out.printf(
        Locale.ROOT,
        "ingest CPU per 1,000 events: server process %.1f ms (%.2f cores), load generator process"
            + " %.1f ms (%.2f cores); server threads: %s%n",
        serverCpu / 1e6 * perThousand,
        serverCpu / 1e9 / seconds,
        clientCpu / 1e6 * perThousand,
        clientCpu / 1e9 / seconds,
        split(serverBefore, threadCpu(server.pid()), perThousand));
  }

  private static void read(
      Process server,
      URI url,
      Batches batches,
      int rate,
      int seconds,
      int background,
      boolean report)
      throws Exception {
    int total = rate * seconds;
    String auth = "Bearer " + BenchServer.READ;
    byte[][] requests = new byte[total][];
    for (int i = 0; i < total; i++) {
      String path = i % 2 == 0 ? "/api/v1/stats" : "/api/v1/users/u" + (i * 7919L % USERS);
      requests[i] = KeepAliveClient.request("GET", url, path, auth, null);
    }
    long backgroundBatches = (long) background * (seconds + 1) / BATCH;
    long firstBackground = batches.firstBackground + batches.backgroundSent();
    batches.prepare(
        firstBackground, Math.min(batches.requests.length, firstBackground + backgroundBatches));
    long[] latencies = new long[total];
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger nextRequest = new AtomicInteger();
    long periodNanos = 1_000_000_000L / rate;
    Map<String, Double> serverBefore = threadCpu(server.pid());
    Map<String, Double> serverWaitBefore = threadWait(server.pid());
    double clientWaitBefore = total(threadWait(ProcessHandle.current().pid()));
    long serverCpuBefore = cpuNanos(server);
    long clientCpuBefore = ownCpuNanos();
    String loadBefore = loadAverage();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong backgroundAccepted = new AtomicLong();
    List<Thread> feeders = new ArrayList<>();
    long started = System.nanoTime() + 50_000_000L;
    Instant startedWall = Instant.now().plusMillis(50);
    if (background > 0) {
      long batchPeriod = 1_000_000_000L * BATCH / background;
      AtomicLong nextDue = new AtomicLong();
      for (int s = 0; s < BACKGROUND_SENDERS; s++) {
        Thread feeder =
            new Thread(
                () -> {
                  AtomicInteger throttled = new AtomicInteger();
                  try (KeepAliveClient client = new KeepAliveClient(url)) {
                    while (!done.get()) {
                      long due = started + nextDue.getAndIncrement() * batchPeriod;
                      long wait = due - System.nanoTime();
                      if (wait > 0) {
                        sleepNanos(wait);
                      }
                      long b = batches.takeBackground();
                      if (b < 0 || done.get()) {
                        return;
                      }
                      backgroundAccepted.addAndGet(post(client, batches.get(b), throttled));
                    }
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                },
                "bench-feeder-" + s);
        feeder.start();
        feeders.add(feeder);
      }
    }
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < READ_SENDERS; s++) {
      Thread sender =
          new Thread(
              () -> {
                try (KeepAliveClient client = new KeepAliveClient(url)) {
                  for (int i = nextRequest.getAndIncrement();
                      i < total;
                      i = nextRequest.getAndIncrement()) {
                    long due = started + i * periodNanos;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                      sleepNanos(wait);
                    }
                    try {
                      if (client.send(requests[i]).status() != 200) {
                        failures.incrementAndGet();
                      }
                    } catch (IOException e) {
                      failures.incrementAndGet();
                    }
                    latencies[i] = System.nanoTime() - due;
                  }
                }
              },
              "bench-reader-" + s);
      sender.start();
      senders.add(sender);
    }
    for (Thread sender : senders) {
      sender.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    done.set(true);
    for (Thread feeder : feeders) {
      feeder.join();
    }
    if (!report) {
      return;
    }
    long serverCpu = cpuNanos(server) - serverCpuBefore;
    long clientCpu = ownCpuNanos() - clientCpuBefore;
    Map<String, Double> serverWait = threadWait(server.pid());
    double clientWait = total(threadWait(ProcessHandle.current().pid())) - clientWaitBefore;
    System.out.printf(
        Locale.ROOT,
        "read: %d requests (stats and user state alternately) at %d/s offered, %.0f/s done, %d"
            + " failed%s; load average before %s, after %s%n",
        total,
        rate,
        total / elapsed,
        failures.get(),
        background > 0
            ? String.format(
                Locale.ROOT,
                ", while ingesting %.0f events/s (%d offered)",
                backgroundAccepted.get() / elapsed,
                background)
            : "",
        loadBefore,
        loadAverage());
    System.out.printf(
        Locale.ROOT,
        "read CPU: server process %.2f cores, load generator process %.2f cores; server threads"
            + " (ms per request): %s%n",
        serverCpu / 1e9 / elapsed,
        clientCpu / 1e9 / elapsed,
        split(serverBefore, threadCpu(server.pid()), 1.0 / total));
    System.out.printf(
        Locale.ROOT,
        "read wait for a core (runnable, not running; ms per request): server %.3f (%s), load"
            + " generator %.3f%n",
        (total(serverWait) - total(serverWaitBefore)) * 1000 / total,
        split(serverWaitBefore, serverWait, 1.0 / total),
        clientWait * 1000 / total);
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "read latency from the intended send time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9"
            + " %.2f ms, max %.2f ms%n",
        sorted[total / 2] / 1e6,
        sorted[(int) (total * 0.9)] / 1e6,
        sorted[(int) (total * 0.99)] / 1e6,
        sorted[(int) (total * 0.999)] / 1e6,
        sorted[total - 1] / 1e6);
    StringBuilder histogram = new StringBuilder("read latency histogram (ms: requests):");
    long bound = 1;
    int from = 0;
    while (from < total) {
      int to = from;
      while (to < total && sorted[to] < bound * 1_000_000L) {
        to++;
      }
      if (to > from) {
        histogram.append(String.format(Locale.ROOT, " <%d: %d,", bound, to - from));
      }
      from = to;
      bound *= 2;
    }
    System.out.println(histogram.substring(0, histogram.length() - 1));
    System.out.println(slowSeconds(latencies, startedWall, periodNanos));
  }

  /**
   * When the slow requests (over {@value #SLOW_MS} ms from the due time) were due, by UTC second
   * ({@code HH:mm:ss count max-ms}), to line them up with the server's GC, JIT or periodic work.
   */
  private static String slowSeconds(long[] latencies, Instant startedWall, long periodNanos) {
    Map<Long, long[]> bySecond = new java.util.TreeMap<>();
    for (int i = 0; i < latencies.length; i++) {
      if (latencies[i] > SLOW_MS * 1_000_000L) {
        long second = (startedWall.toEpochMilli() + i * periodNanos / 1_000_000L) / 1000;
        long[] seen = bySecond.computeIfAbsent(second, k -> new long[2]);
        seen[0]++;
        seen[1] = Math.max(seen[1], latencies[i]);
      }
    }
    StringBuilder out = new StringBuilder("read requests over " + SLOW_MS + " ms by due second:");
    for (Map.Entry<Long, long[]> entry : bySecond.entrySet()) {
      out.append(
          String.format(
              Locale.ROOT,
              " %s %d (max %.1f),",
              java.time.LocalTime.ofSecondOfDay(Math.floorMod(entry.getKey(), 86_400L)),
              entry.getValue()[0],
              entry.getValue()[1] / 1e6));
    }
    return bySecond.isEmpty() ? out + " none" : out.substring(0, out.length() - 1);
  }

  /** The per-thread-group CPU between two snapshots, scaled, largest first. */
  private static String split(Map<String, Double> before, Map<String, Double> after, double scale) {
    List<Map.Entry<String, Double>> used = new ArrayList<>();
    for (Map.Entry<String, Double> entry : after.entrySet()) {
      double ms = (entry.getValue() - before.getOrDefault(entry.getKey(), 0.0)) * 1000 * scale;
      if (ms >= 0.05) {
        used.add(Map.entry(entry.getKey(), ms));
      }
    }
    used.sort(Map.Entry.<String, Double>comparingByValue().reversed());
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Double> entry : used) {
      out.append(String.format(Locale.ROOT, "%s %.2f, ", entry.getKey(), entry.getValue()));
    }
    return out.length() == 0 ? "" : out.substring(0, out.length() - 2);
  }

  /**
   * CPU seconds of the live threads of process {@code pid} by thread name with digits dropped (the
   * kernel's 15-character names: {@code JettyServerThre}, {@code shopcast-writer}, {@code GC
   * Thread#}, {@code C2 CompilerThre}; DuckDB's own threads carry the JVM's name {@code java}).
   */
  private static Map<String, Double> threadCpu(long pid) {
    Map<String, Double> out = new TreeMap<>();
    double ticks = 100.0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          int open = stat.indexOf('(');
          int close = stat.lastIndexOf(')');
          String name = stat.substring(open + 1, close).replaceAll("[0-9]+", "").trim();
          String[] fields = stat.substring(close + 2).split(" ");
          double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / ticks;
          out.merge(name, cpu, Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static long cpuNanos(Process process) {
    return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static long ownCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() {
    try {
      String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
      return parts[0] + " " + parts[1] + " " + parts[2];
    } catch (IOException e) {
      return "?";
    }
  }

  /**
   * Waits {@code nanos}. {@code Thread.sleep(ms, ns)} rounds any sub-millisecond remainder up to a
   * whole millisecond on JDK 17, which made a read start up to 1 ms after its due time and charged
   * that to the server; {@code parkNanos} wakes within the kernel's timer slack (~50 µs).
   */
  private static void sleepNanos(long nanos) {
    long until = System.nanoTime() + nanos;
    for (long left = nanos; left > 0; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  /**
   * Nanoseconds the threads of process {@code pid} spent runnable but waiting for a core ({@code
   * /proc/PID/task/TID/schedstat}, second field), by thread name as in {@link #threadCpu}.
   */
  private static Map<String, Double> threadWait(long pid) {
    Map<String, Double> out = new TreeMap<>();
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name =
              stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                  .replaceAll("[0-9]+", "")
                  .trim();
          String[] sched = Files.readString(task.resolve("schedstat")).trim().split(" ");
          out.merge(name, Long.parseLong(sched[1]) / 1e9, Double::sum);
        } catch (IOException | RuntimeException e) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  private static double total(Map<String, Double> values) {
    return values.values().stream().mapToDouble(Double::doubleValue).sum();
  }
}
