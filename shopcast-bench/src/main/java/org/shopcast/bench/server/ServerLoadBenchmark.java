package org.shopcast.bench.server;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.ServerConfig;
import org.shopcast.server.ShopcastServer;
import org.shopcast.server.auth.ApiKeys;

/**
 * Loads an in-process {@code shopcast serve} over loopback: ingestion of Segment batches of 100
 * events from several client threads (events committed per second, counted from the 200 answers and
 * checked against the store; CPU seconds of the whole process and of the server's threads per 1,000
 * events), then the read endpoints ({@code /api/v1/stats} and {@code /api/v1/users/{id}}
 * alternately) from an open-loop generator: request i is due at {@code start + i / rate} and its
 * latency is measured from that due time, not from when a sender got to it, so a stalled server is
 * charged for the requests that queued behind the stall (no coordinated omission). Client and
 * server share the machine's cores, so the figures are a lower bound of the server alone.
 *
 * <p>Run: {@code ./mvnw -q -o compile dependency:build-classpath -pl shopcast-bench -am
 * -Dmdep.outputFile=/tmp/cp.txt && java -Xmx1g -cp "$(cat
 * /tmp/cp.txt):shopcast-bench/target/classes" org.shopcast.bench.server.ServerLoadBenchmark
 * [events] [threads] [readRate] [readSeconds]} (defaults 500000, 32, 1000, 20).
 */
public final class ServerLoadBenchmark {
  private static final String WRITE = "bench-write-key";
  private static final String READ = "bench-read-key";
  private static final int BATCH = 100;
  private static final int USERS = 5000;
  private static final int READ_SENDERS = 64;
  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

  private ServerLoadBenchmark() {}

  /** Runs the benchmark and prints one line per measurement. */
  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int readRate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int readSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 20;
    Path workspace = Files.createTempDirectory("shopcast-server-bench");
    try (EventStore store = EventStore.open(workspace)) {
      ShopcastServer server =
          ShopcastServer.start(
              ServerConfig.onPort(0).withQueueCapacity(1024),
              store,
              ApiKeys.of(WRITE, READ, "bench-admin-key"),
              Clock.systemUTC());
      try {
        // a short warm-up so the JIT has compiled the hot paths before the measured runs
        ingest(server.url(), 0, 20_000, threads, false);
        ingest(server.url(), 20_000, events, threads, true);
        read(server.url(), readRate, Math.max(1, readSeconds / 4), false);
        read(server.url(), readRate, readSeconds, true);
      } finally {
        server.close();
      }
      System.out.printf(
          Locale.ROOT,
          "store events after the run: %d (expected %d)%n",
          store.stats().events(),
          20_000 + events / BATCH * BATCH);
    }
  }

  private static void ingest(String url, long first, long events, int threads, boolean report)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auth =
        "Basic "
            + Base64.getEncoder().encodeToString((WRITE + ":").getBytes(StandardCharsets.UTF_8));
    long firstBatch = first / BATCH;
    long batches = events / BATCH;
    AtomicLong next = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicInteger throttled = new AtomicInteger();
    AtomicLong clientCpu = new AtomicLong();
    long base = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    List<Thread> workers = new ArrayList<>();
    Map<String, Long> cpuBefore = cpuByThreadGroup();
    long processCpuBefore = processCpuNanos();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                  String body = batch(firstBatch + b, base);
                  while (true) {
                    HttpResponse<String> response = post(http, url + "/v1/batch", auth, body);
                    if (response.statusCode() == 200) {
                      Matcher m = ACCEPTED.matcher(response.body());
                      accepted.addAndGet(m.find() ? Long.parseLong(m.group(1)) : 0);
                      break;
                    }
                    if (response.statusCode() != 429) {
                      throw new IllegalStateException(
                          "HTTP " + response.statusCode() + ": " + response.body());
                    }
                    throttled.incrementAndGet();
                    sleep(50);
                  }
                }
                clientCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
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
    Map<String, Long> cpuAfter = cpuByThreadGroup();
    StringBuilder split = new StringBuilder();
    long client = clientCpu.get();
    for (Map.Entry<String, Long> entry : cpuAfter.entrySet()) {
      long used = entry.getValue() - cpuBefore.getOrDefault(entry.getKey(), 0L);
      if (entry.getKey().startsWith("HttpClient-")) {
        client += used;
      }
      if (used > 10_000_000L) {
        split.append(
            String.format(Locale.ROOT, " %s %.1f ms,", entry.getKey(), used / 1e6 * perThousand));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "ingest: %d events in %d batches of %d from %d threads: %.1f s, %.0f events/s committed,"
            + " %d answers 429%n",
        accepted.get(),
        batches,
        BATCH,
        threads,
        seconds,
        accepted.get() / seconds,
        throttled.get());
    long process = processCpuNanos() - processCpuBefore;
    System.out.printf(
        Locale.ROOT,
        "ingest CPU per 1,000 events: process %.1f ms, of which load generator (client threads and"
            + " the JDK HTTP client's) %.1f ms, server (the rest: HTTP, writer, DuckDB, GC, JIT)"
            + " %.1f ms; Java threads:%s%n",
        process / 1e6 * perThousand,
        client / 1e6 * perThousand,
        (process - client) / 1e6 * perThousand,
        split.length() == 0 ? "" : split.substring(0, split.length() - 1));
  }

  private static void read(String url, int rate, int seconds, boolean report) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger failures = new AtomicInteger();
    AtomicInteger nextRequest = new AtomicInteger();
    long periodNanos = 1_000_000_000L / rate;
    long processCpuBefore = processCpuNanos();
    long clientCpuBefore = cpuOf("bench-reader-", "HttpClient-");
    AtomicLong readerCpu = new AtomicLong();
    long started = System.nanoTime() + 50_000_000L;
    List<Thread> senders = new ArrayList<>();
    for (int s = 0; s < READ_SENDERS; s++) {
      Thread sender =
          new Thread(
              () -> {
                for (int i = nextRequest.getAndIncrement();
                    i < total;
                    i = nextRequest.getAndIncrement()) {
                  long due = started + i * periodNanos;
                  long wait = due - System.nanoTime();
                  if (wait > 0) {
                    sleepNanos(wait);
                  }
                  String path =
                      i % 2 == 0 ? "/api/v1/stats" : "/api/v1/users/u" + (i * 7919L % USERS);
                  HttpRequest request =
                      HttpRequest.newBuilder(URI.create(url + path))
                          .header("Authorization", "Bearer " + READ)
                          .build();
                  try {
                    HttpResponse<Void> r =
                        http.send(request, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() != 200) {
                      failures.incrementAndGet();
                    }
                  } catch (java.io.IOException e) {
                    failures.incrementAndGet();
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                  latencies[i] = System.nanoTime() - due;
                }
                readerCpu.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
              },
              "bench-reader-" + s);
      sender.start();
      senders.add(sender);
    }
    for (Thread sender : senders) {
      sender.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    if (!report) {
      return;
    }
    long process = processCpuNanos() - processCpuBefore;
    long client = readerCpu.get() + cpuOf("HttpClient-") - clientCpuBefore;
    System.out.printf(
        Locale.ROOT,
        "read CPU per request: process %.3f ms, of which load generator %.3f ms, server %.3f ms%n",
        process / 1e6 / total,
        client / 1e6 / total,
        (process - client) / 1e6 / total);
    long[] sorted = latencies.clone();
    java.util.Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "read: %d requests (stats and user state alternately) at %d/s offered, %.0f/s done,"
            + " %d failed; latency from the intended send time: p50 %.2f ms, p90 %.2f ms, p99"
            + " %.2f ms, p99.9 %.2f ms, max %.2f ms%n",
        total,
        rate,
        total / elapsed,
        failures.get(),
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
  }

  private static String batch(long b, long base) {
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
          .append(Instant.ofEpochMilli(base + n * 1000))
          .append("\"}");
    }
    return body.append("]}").toString();
  }

  /** CPU nanoseconds of live threads, by name with digits dropped (e.g. {@code bench-client-}). */
  private static Map<String, Long> cpuByThreadGroup() {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    Map<String, Long> out = new TreeMap<>();
    for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
      if (info == null) {
        continue;
      }
      long cpu = bean.getThreadCpuTime(info.getThreadId());
      if (cpu > 0) {
        out.merge(info.getThreadName().replaceAll("[0-9]+", ""), cpu, Long::sum);
      }
    }
    return out;
  }

  /** CPU nanoseconds of the live threads whose name starts with one of {@code prefixes}. */
  private static long cpuOf(String... prefixes) {
    long sum = 0;
    for (Map.Entry<String, Long> entry : cpuByThreadGroup().entrySet()) {
      for (String prefix : prefixes) {
        if (entry.getKey().startsWith(prefix)) {
          sum += entry.getValue();
        }
      }
    }
    return sum;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static HttpResponse<String> post(HttpClient http, String url, String auth, String body) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(url))
              .header("Authorization", auth)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void sleepNanos(long nanos) {
    try {
      Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
