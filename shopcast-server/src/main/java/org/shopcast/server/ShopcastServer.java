package org.shopcast.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.api.AnalyticsRoutes;
import org.shopcast.server.api.ReadRoutes;
import org.shopcast.server.api.ResponseCache;
import org.shopcast.server.api.SegmentRoutes;
import org.shopcast.server.auth.ApiKeys;
import org.shopcast.server.auth.Role;
import org.shopcast.server.ingest.CommitHooks;
import org.shopcast.server.ingest.EventWriter;
import org.shopcast.server.ingest.IngestRoutes;
import org.shopcast.server.ingest.ServingFlags;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.Problem;
import org.shopcast.server.internal.ReadPool;
import org.shopcast.server.ops.OpsRoutes;
import org.shopcast.server.ops.ServerMetrics;
import org.shopcast.server.recs.LiveRecs;
import org.shopcast.server.recs.RecsRoutes;
import org.shopcast.server.scores.ScoreRoutes;
import org.shopcast.server.scores.UserScorer;
import org.shopcast.server.triggers.TriggerConfig;
import org.shopcast.server.triggers.Triggers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Shopcast server over one workspace's store: Segment-compatible and native ingestion
 * through a single grouping writer, the read API, health, metrics, the OpenAPI document and the
 * dashboard. {@link #close()} drains queued batches before stopping.
 */
public final class ShopcastServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShopcastServer.class);

  /** How often the server looks for newer precomputed recommendation lists. */
  private static final Duration RECS_CHECK = Duration.ofSeconds(10);

  private final ServerConfig config;
  private final EventStore store;
  private final ApiKeys keys;
  private final EventWriter writer;
  private final ReadPool pool;
  private final ServerMetrics metrics;
  private final List<Route> routes = new ArrayList<>();
  private final Javalin app;
  private final Triggers triggers;
  private final ServingFlags flags;
  private final LiveRecs recs;
  private Path serverFile;

  private ShopcastServer(
      ServerConfig config,
      EventStore store,
      ApiKeys keys,
      Clock clock,
      TriggerConfig triggerConfig) {
    this.config = config;
    this.store = store;
    this.keys = keys;
    ObjectMapper json =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    this.pool = new ReadPool(store.connection(), config.readConnections());
    IngestRoutes[] ingestRef = new IngestRoutes[1];
    ServerMetrics[] metricsRef = new ServerMetrics[1];
    this.writer =
        new EventWriter(
            store,
            config.queueCapacity(),
            config.sessionGap(),
            clock,
            (requests, accepted, duplicates, nanos) ->
                metricsRef[0].committed(accepted, duplicates, nanos));
    IngestRoutes ingest =
        new IngestRoutes(
            writer,
            json,
            clock,
            config.maxBodyBytes(),
            (ctx, key) -> check(key, Role.WRITE, ctx.method() + " " + ctx.path()));
    ingestRef[0] = ingest;
    UserScorer scorer = new UserScorer(store.workspace());
    this.triggers =
        triggerConfig == null ? null : new Triggers(store, triggerConfig, clock, scorer);
    if (triggers != null && triggers.scoreHook() != null) {
      writer.addHook(triggers.scoreHook());
    }
    this.flags = new ServingFlags(store, writer.importId(), Duration.ofMinutes(1));
    writer.setTransactionHook(CommitHooks.of(flags, triggers));
    this.metrics = new ServerMetrics(writer::queueDepth, ingest::rejectedEvents);
    metricsRef[0] = metrics;
    ReadRoutes read = new ReadRoutes(pool, clock, config.sessionGap(), json);
    writer.addHook(read.commitHook());
    ResponseCache answers = new ResponseCache();
    writer.addHook(answers.commitHook());
    AnalyticsRoutes analytics = new AnalyticsRoutes(pool, clock, answers);
    SegmentRoutes segments = new SegmentRoutes(pool, answers);
    ScoreRoutes scores = new ScoreRoutes(pool, scorer);
    this.recs = new LiveRecs(store, RECS_CHECK, clock);
    RecsRoutes recsRoutes = new RecsRoutes(pool, recs, clock, config.sessionGap());
    read.setUserExtras(new UserExtras(scores, recsRoutes));
    OpsRoutes ops = new OpsRoutes(metrics, pool, writer::isOpen);
    this.app =
        Javalin.create(
            cfg -> {
              cfg.showJavalinBanner = false;
              cfg.startupWatcherEnabled = false;
              cfg.jetty.defaultHost = config.host();
              cfg.http.maxRequestSize = config.maxBodyBytes();
              cfg.router.ignoreTrailingSlashes = true;
              cfg.jsonMapper(new JavalinJackson(json, false));
              cfg.staticFiles.add(
                  files -> {
                    files.hostedPath = "/";
                    files.directory = "/dashboard";
                    files.location = Location.CLASSPATH;
                  });
              cfg.staticFiles.enableWebjars();
            });
    segmentRoute("/v1/batch", ingest::batch);
    segmentRoute("/v1/import", ingest::batch);
    segmentRoute("/v1/track", ctx -> ingest.single(ctx, "track"));
    segmentRoute("/v1/identify", ctx -> ingest.single(ctx, "identify"));
    segmentRoute("/v1/page", ctx -> ingest.single(ctx, "page"));
    segmentRoute("/v1/screen", ctx -> ingest.single(ctx, "screen"));
    route("POST", "/api/v1/events", Role.WRITE, ingest::events);
    route("GET", "/api/v1/stats", Role.READ, read::stats);
    route("GET", "/api/v1/users/{id}", Role.READ, read::user);
    route("GET", "/api/v1/volume", Role.READ, read::volume);
    route("GET", "/api/v1/quality", Role.READ, analytics::quality);
    route("GET", "/api/v1/kpis", Role.READ, analytics::kpis);
    route("GET", "/api/v1/funnel", Role.READ, analytics::funnel);
    route("GET", "/api/v1/retention", Role.READ, analytics::retention);
    route("GET", "/api/v1/rfm", Role.READ, analytics::rfm);
    route("GET", "/api/v1/segments", Role.READ, segments::segments);
    route("GET", "/api/v1/users/{id}/profile", Role.READ, segments::profile);
    route("GET", "/api/v1/users/{id}/scores", Role.READ, scores::scores);
    route("GET", "/api/v1/users/{id}/recommendations", Role.READ, recsRoutes::recommendations);
    route("GET", "/api/v1/items/{id}/similar", Role.READ, recsRoutes::similar);
    route("POST", "/api/v1/admin/recs/reload", Role.ADMIN, recsRoutes::reload);
    route("POST", "/api/v1/admin/recs/train", Role.ADMIN, recsRoutes::train);
    route("GET", "/api/v1/admin/recs/train", Role.ADMIN, recsRoutes::trainStatus);
    route("GET", "/api/v1/triggers", Role.READ, this::triggerSummary);
    route("GET", "/openapi.json", Role.READ, ops::openapi);
    route("GET", "/metrics", Role.READ, ops::metrics);
    route("GET", "/health/live", null, ops::live);
    route("GET", "/health/ready", null, ops::ready);
    app.exception(HttpProblem.class, (e, ctx) -> answer(ctx, e));
    app.exception(
        HttpResponseException.class,
        (e, ctx) ->
            answer(ctx, HttpProblem.of(e.getStatus(), statusCode(e.getStatus()), e.getMessage())));
    app.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
          answer(ctx, HttpProblem.of(500, "Internal", "internal error; see the server log"));
        });
  }

  /**
   * Starts serving {@code store}.
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public static ShopcastServer start(
      ServerConfig config, EventStore store, ApiKeys keys, Clock clock) {
    return start(config, store, keys, clock, null);
  }

  /**
   * Starts serving {@code store} with trigger rules ({@code triggers} null for none).
   *
   * @throws IllegalStateException when the port cannot be bound
   */
  public static ShopcastServer start(
      ServerConfig config, EventStore store, ApiKeys keys, Clock clock, TriggerConfig triggers) {
    ShopcastServer server = new ShopcastServer(config, store, keys, clock, triggers);
    try {
      server.app.start(config.host(), config.port());
    } catch (RuntimeException e) {
      server.writer.close();
      server.flags.close();
      server.recs.close();
      if (server.triggers != null) {
        server.triggers.close();
      }
      server.pool.close();
      throw new IllegalStateException(
          "cannot listen on " + config.host() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    server.writeServerFile();
    return server;
  }

  /** {@code GET /api/v1/triggers}: outbox rows by rule and status, the latest dead deliveries. */
  private void triggerSummary(Context ctx) {
    if (triggers == null) {
      throw HttpProblem.of(
          404, "NoTriggers", "this server runs no trigger rules (start it with --triggers FILE)");
    }
    ctx.json(pool.read(triggers::summary));
  }

  /** The port the server listens on. */
  public int port() {
    return app.port();
  }

  /** The base URL, e.g. {@code http://127.0.0.1:7070}. */
  public String url() {
    return "http://" + config.host() + ":" + port();
  }

  /** Every endpoint with the role it needs. */
  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /**
   * A Segment endpoint: the write key comes from the Authorization header or, as analytics-java 3.x
   * sends it, from the body's {@code writeKey} (checked by {@link IngestRoutes}).
   */
  private void segmentRoute(String path, Handler handler) {
    route("POST", path, Role.WRITE, handler, true);
  }

  private void route(String method, String path, Role role, Handler handler) {
    route(method, path, role, handler, false);
  }

  private void route(String method, String path, Role role, Handler handler, boolean bodyKey) {
    routes.add(new Route(method, path, role));
    app.addHttpHandler(
        HandlerType.valueOf(method),
        path,
        ctx -> {
          long started = System.nanoTime();
          int status = 500;
          try {
            if (bodyKey && ctx.header("Authorization") == null) {
              ctx.attribute(IngestRoutes.KEY_IN_BODY, true);
            } else if (role != null) {
              authorize(ctx, role, method + " " + path);
            }
            handler.handle(ctx);
            status = ctx.statusCode();
          } catch (HttpProblem e) {
            status = e.status();
            throw e;
          } finally {
            metrics.request(path, method, status, System.nanoTime() - started);
          }
        });
  }

  private void authorize(Context ctx, Role needed, String endpoint) {
    check(presentedKey(ctx.header("Authorization")), needed, endpoint);
  }

  private void check(String key, Role needed, String endpoint) {
    Map<String, String> challenge = Map.of("WWW-Authenticate", "Basic realm=\"shopcast\"");
    if (key == null) {
      throw new HttpProblem(
          401,
          List.of(
              Problem.of(
                  "Unauthorized",
                  "expected an API key: 'Authorization: Bearer <key>' or HTTP Basic with the key"
                      + " as user name (Segment endpoints also take the body's writeKey)")),
          challenge);
    }
    Role role =
        keys.roleOf(key)
            .orElseThrow(
                () ->
                    new HttpProblem(
                        401,
                        List.of(
                            Problem.of("Unauthorized", "the API key is not one of this server's")),
                        challenge));
    if (!role.allows(needed)) {
      throw HttpProblem.of(
          403,
          "Forbidden",
          endpoint
              + " needs a "
              + needed.name().toLowerCase(java.util.Locale.ROOT)
              + " or admin key, got a "
              + role.name().toLowerCase(java.util.Locale.ROOT)
              + " key");
    }
  }

  /** The key in a Bearer or Basic (user name, else password) Authorization header. */
  static String presentedKey(String header) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    if (value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String key = value.substring(7).trim();
      return key.isEmpty() ? null : key;
    }
    if (value.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(
                Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
      int colon = decoded.indexOf(':');
      String user = colon < 0 ? decoded : decoded.substring(0, colon);
      String password = colon < 0 ? "" : decoded.substring(colon + 1);
      String key = user.isEmpty() ? password : user;
      return key.isEmpty() ? null : key;
    }
    return null;
  }

  private static void answer(Context ctx, HttpProblem problem) {
    problem.headers().forEach(ctx::header);
    ctx.status(problem.status()).json(Map.of("errors", problem.problems()));
  }

  private static String statusCode(int status) {
    return switch (status) {
      case 404 -> "NotFound";
      case 405 -> "MethodNotAllowed";
      case 413 -> "PayloadTooLarge";
      default -> "Http" + status;
    };
  }

  private void writeServerFile() {
    Path file = store.workspace().resolve(EventStore.SERVER_FILE);
    String text =
        "{\"pid\": "
            + ProcessHandle.current().pid()
            + ", \"url\": \""
            + url()
            + "\", \"started\": \""
            + Instant.now()
            + "\"}\n";
    try {
      Files.writeString(file, text);
      serverFile = file;
    } catch (IOException e) {
      LOG.warn("cannot write {}: {}", file, e.getMessage());
    }
  }

  /** Stops taking events, commits every queued batch, then stops the HTTP server. */
  @Override
  public void close() {
    writer.close(config.drainTimeout());
    flags.close();
    if (triggers != null) {
      triggers.close();
    }
    app.stop();
    recs.close();
    pool.close();
    metrics.close();
    if (serverFile != null) {
      try {
        Files.deleteIfExists(serverFile);
      } catch (IOException e) {
        LOG.warn("cannot delete {}: {}", serverFile, e.getMessage());
      }
    }
  }
}
