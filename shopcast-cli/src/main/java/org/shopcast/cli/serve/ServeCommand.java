package org.shopcast.cli.serve;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.ServerConfig;
import org.shopcast.server.ShopcastServer;
import org.shopcast.server.auth.ApiKeys;
import org.shopcast.server.auth.Role;
import org.shopcast.server.triggers.TriggerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast serve}: the HTTP server owning the workspace until stopped. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the workspace over HTTP: Segment-compatible ingestion (/v1/batch, /v1/track,"
          + " /v1/identify, /v1/page), native ingestion (POST /api/v1/events), the read API"
          + " (/api/v1/stats, /api/v1/users/{id}), /metrics, /health/live, /health/ready,"
          + " /openapi.json and the dashboard at /.",
      "",
      "Keys come from SHOPCAST_WRITE_KEY (ingestion), SHOPCAST_READ_KEY (reads) and"
          + " SHOPCAST_ADMIN_KEY (both); each one unset is generated and printed once.",
      "The server owns the workspace while it runs: other commands on it fail and name the"
          + " server. Stop it with Ctrl-C or SIGTERM; queued batches are committed first."
    })
public final class ServeCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "P",
      defaultValue = "7070",
      description = "TCP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(
      names = "--host",
      paramLabel = "ADDR",
      defaultValue = "127.0.0.1",
      description = "Interface to bind (default: ${DEFAULT-VALUE}, loopback only).")
  String host;

  @Option(
      names = "--max-body-kb",
      paramLabel = "KB",
      defaultValue = "512",
      description = "Largest request body in KiB; larger ones get 413 (default: ${DEFAULT-VALUE}).")
  int maxBodyKb;

  @Option(
      names = "--queue",
      paramLabel = "N",
      defaultValue = "256",
      description =
          "Ingestion requests that may wait for the writer; more get 429 (default: ${DEFAULT-VALUE}).")
  int queue;

  @Option(
      names = "--triggers",
      paramLabel = "FILE",
      description =
          "Trigger rules and their webhook, a JSON file (format in docs/server.md); matches are"
              + " kept in the store's trigger_outbox table and posted at least once. Default: none.")
  Path triggers;

  @Option(
      names = "--json",
      description = "Print one JSON line when listening: url, workspace, generated keys.")
  boolean json;

  @Override
  public Integer call() throws InterruptedException {
    ServerConfig config =
        ServerConfig.onPort(port)
            .withHost(host)
            .withMaxBodyBytes(maxBodyKb * 1024L)
            .withQueueCapacity(queue);
    TriggerConfig triggerConfig = triggers == null ? null : TriggerConfig.read(triggers);
    Map<Role, String> generated = new EnumMap<>(Role.class);
    ApiKeys keys = ApiKeys.fromEnvironment(System.getenv(), new SecureRandom(), generated);
    EventStore store = EventStore.open(root.workspace());
    ShopcastServer server;
    try {
      server = ShopcastServer.start(config, store, keys, Clock.systemUTC(), triggerConfig);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  store.close();
                  stopped.countDown();
                },
                "shopcast-shutdown"));
    announce(server, generated);
    stopped.await();
    return 0;
  }

  private void announce(ShopcastServer server, Map<Role, String> generated) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("url", server.url());
      line.put("workspace", root.workspace().toAbsolutePath().normalize().toString());
      Map<String, String> keys = new LinkedHashMap<>();
      generated.forEach(
          (role, key) -> keys.put(role.name().toLowerCase(java.util.Locale.ROOT), key));
      line.put("generatedKeys", keys);
      Json.print(out, line);
      return;
    }
    generated.forEach(
        (role, key) ->
            out.printf(
                "generated %s key (set %s to choose one): %s%n",
                role.name().toLowerCase(java.util.Locale.ROOT), envName(role), key));
    out.printf(
        "serving %s at %s (dashboard %s/, stop with Ctrl-C)%n",
        root.workspace().toAbsolutePath().normalize(), server.url(), server.url());
    out.flush();
  }

  private static String envName(Role role) {
    return switch (role) {
      case WRITE -> ApiKeys.WRITE_ENV;
      case READ -> ApiKeys.READ_ENV;
      case ADMIN -> ApiKeys.ADMIN_ENV;
    };
  }
}
