package org.shopcast.server.ops;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.shopcast.server.internal.ReadPool;

/** {@code /health/live}, {@code /health/ready}, {@code /metrics} and {@code /openapi.json}. */
public final class OpsRoutes {
  private final ServerMetrics metrics;
  private final ReadPool pool;
  private final BooleanSupplier writerOpen;
  private final String openapi;

  /** Routes over the server's metrics, read pool and writer state. */
  public OpsRoutes(ServerMetrics metrics, ReadPool pool, BooleanSupplier writerOpen) {
    this.metrics = metrics;
    this.pool = pool;
    this.writerOpen = writerOpen;
    this.openapi = openapiText();
  }

  /** The OpenAPI document bundled with the server. */
  public static String openapiText() {
    try (InputStream in = OpsRoutes.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the server jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read openapi.json", e);
    }
  }

  /** The process is up. */
  public void live(Context ctx) {
    ctx.json(Map.of("status", "up"));
  }

  /** The store answers and the writer takes events; 503 otherwise. */
  public void ready(Context ctx) {
    boolean storeOk;
    try {
      storeOk =
          pool.read(
              c -> {
                try (var st = c.createStatement();
                    var rs = st.executeQuery("SELECT 1")) {
                  return rs.next();
                }
              });
    } catch (RuntimeException e) {
      storeOk = false;
    }
    boolean ready = storeOk && writerOpen.getAsBoolean();
    ctx.status(ready ? 200 : 503)
        .json(
            Map.of(
                "status",
                ready ? "ready" : "not ready",
                "store",
                storeOk,
                "writer",
                writerOpen.getAsBoolean()));
  }

  /** Prometheus text exposition. */
  public void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  /** The OpenAPI 3 document. */
  public void openapi(Context ctx) {
    ctx.contentType("application/json").result(openapi);
  }
}
