package org.shopcast.bench.server;

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
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
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
 * checked against the store), then the read endpoints ({@code /api/v1/stats} and {@code
 * /api/v1/users/{id}} alternately) at a fixed request rate (p50, p99 latency). Client and server
 * share the machine's cores, so the figures are a lower bound of the server alone.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests package -pl shopcast-bench -am && java -cp
 * "shopcast-cli/target/shopcast.jar:shopcast-bench/target/classes"
 * org.shopcast.bench.server.ServerLoadBenchmark [events] [threads] [readRate] [readSeconds]}
 * (defaults 500000, 8, 1000, 10).
 */
public final class ServerLoadBenchmark {
  private static final String WRITE = "bench-write-key";
  private static final String READ = "bench-read-key";
  private static final int BATCH = 100;
  private static final Pattern ACCEPTED = Pattern.compile("\"accepted\":(\\d+)");

  private ServerLoadBenchmark() {}

  /** Runs the benchmark and prints one line per measurement. */
  public static void main(String[] args) throws Exception {
    long events = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    int readRate = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int readSeconds = args.length > 3 ? Integer.parseInt(args[3]) : 10;
    Path workspace = Files.createTempDirectory("shopcast-server-bench");
    try (EventStore store = EventStore.open(workspace)) {
      ShopcastServer server =
          ShopcastServer.start(
              ServerConfig.onPort(0).withQueueCapacity(1024),
              store,
              ApiKeys.of(WRITE, READ, "bench-admin-key"),
              Clock.systemUTC());
      try {
        ingest(server.url(), events, threads);
        read(server.url(), readRate, readSeconds);
      } finally {
        server.close();
      }
      System.out.printf(Locale.ROOT, "store events after the run: %d%n", store.stats().events());
    }
  }

  private static void ingest(String url, long events, int threads) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    String auth =
        "Basic "
            + Base64.getEncoder().encodeToString((WRITE + ":").getBytes(StandardCharsets.UTF_8));
    long batches = events / BATCH;
    AtomicLong next = new AtomicLong();
    AtomicLong accepted = new AtomicLong();
    AtomicInteger throttled = new AtomicInteger();
    long base = Instant.parse("2024-05-01T00:00:00Z").toEpochMilli();
    List<Thread> workers = new ArrayList<>();
    long started = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                for (long b = next.getAndIncrement(); b < batches; b = next.getAndIncrement()) {
                  String body = batch(b, base);
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
              });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
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
  }

  private static void read(String url, int rate, int seconds) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    int total = rate * seconds;
    long[] latencies = new long[total];
    AtomicInteger failures = new AtomicInteger();
    List<CompletableFuture<Void>> pending = new ArrayList<>(total);
    long started = System.nanoTime();
    long periodNanos = 1_000_000_000L / rate;
    for (int i = 0; i < total; i++) {
      long due = started + i * periodNanos;
      long wait = due - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      }
      String path = i % 2 == 0 ? "/api/v1/stats" : "/api/v1/users/u" + (i % 5000);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(url + path))
              .header("Authorization", "Bearer " + READ)
              .build();
      int index = i;
      long sent = System.nanoTime();
      pending.add(
          http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
              .handle(
                  (r, error) -> {
                    if (error != null || r.statusCode() != 200) {
                      failures.incrementAndGet();
                      latencies[index] = Long.MAX_VALUE;
                    } else {
                      latencies[index] = System.nanoTime() - sent;
                    }
                    return null;
                  }));
    }
    CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
    double elapsed = (System.nanoTime() - started) / 1e9;
    Arrays.sort(latencies);
    int ok = total - failures.get();
    System.out.printf(
        Locale.ROOT,
        "read: %d requests (stats and user state alternately) at %d/s offered, %.0f/s done,"
            + " %d failed: p50 %.2f ms, p99 %.2f ms, max %.2f ms (of the answered)%n",
        total,
        rate,
        total / elapsed,
        failures.get(),
        ok == 0 ? Double.NaN : latencies[ok / 2] / 1e6,
        ok == 0 ? Double.NaN : latencies[(int) (ok * 0.99)] / 1e6,
        ok == 0 ? Double.NaN : latencies[ok - 1] / 1e6);
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
          .append(n % 5000)
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
}
