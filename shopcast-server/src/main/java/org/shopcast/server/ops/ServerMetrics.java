package org.shopcast.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The server's Prometheus metrics: requests by route, method and status with latency ({@code
 * http_server_requests_seconds}), events accepted, duplicated and rejected, ingest queue depth,
 * commit latency and the JVM's memory, GC, threads and CPU.
 */
public final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Counter accepted;
  private final Counter duplicates;
  private final Timer commits;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Map<RequestKey, Timer> requests = new ConcurrentHashMap<>();

  /** The tags of one request timer. */
  private record RequestKey(String route, String method, int status) {}

  /** Metrics reading the queue depth and rejected count from the given suppliers. */
  public ServerMetrics(Supplier<Number> queueDepth, Supplier<Number> rejectedEvents) {
    accepted =
        Counter.builder("shopcast.events.accepted")
            .description("events committed new to the store")
            .register(registry);
    duplicates =
        Counter.builder("shopcast.events.duplicates")
            .description("events received whose id was already stored")
            .register(registry);
    Gauge.builder("shopcast.events.rejected", rejectedEvents, s -> s.get().doubleValue())
        .description("events refused by validation (their requests answered 422)")
        .register(registry);
    Gauge.builder("shopcast.ingest.queue.depth", queueDepth, s -> s.get().doubleValue())
        .description("ingestion requests waiting for the writer")
        .register(registry);
    commits =
        Timer.builder("shopcast.ingest.commit")
            .description("time to commit one group of requests")
            .register(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
  }

  /** Records one answered request. */
  public void request(String route, String method, int status, long nanos) {
    // the timer of each route, method and status is looked up once, not rebuilt per request
    requests
        .computeIfAbsent(
            new RequestKey(route, method, status),
            key ->
                Timer.builder("http.server.requests")
                    .tag("route", key.route())
                    .tag("method", key.method())
                    .tag("status", Integer.toString(key.status()))
                    .register(registry))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Records one committed group. */
  public void committed(int newEvents, int duplicateEvents, long nanos) {
    accepted.increment(newEvents);
    duplicates.increment(duplicateEvents);
    commits.record(Duration.ofNanos(nanos));
  }

  /** The metrics in the Prometheus text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
