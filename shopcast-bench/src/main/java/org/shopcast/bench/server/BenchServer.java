package org.shopcast.bench.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.ServerConfig;
import org.shopcast.server.ShopcastServer;
import org.shopcast.server.auth.ApiKeys;

/**
 * The server side of {@link ServerLoadBenchmark}, run as its own JVM so that its CPU time and its
 * garbage collector are separate from the load generator's: starts {@code shopcast serve} on a free
 * loopback port over the workspace given as argument, prints {@code url <url>}, and on a line
 * {@code stop} on stdin closes the server (draining queued batches) and prints {@code events <n>},
 * the store's event count.
 */
public final class BenchServer {
  static final String WRITE = "bench-write-key";
  static final String READ = "bench-read-key";

  private BenchServer() {}

  /** Serves {@code args[0]} until stdin says {@code stop}. */
  public static void main(String[] args) throws Exception {
    try (EventStore store = EventStore.open(Path.of(args[0]))) {
      ShopcastServer server =
          ShopcastServer.start(
              ServerConfig.onPort(0).withQueueCapacity(1024),
              store,
              ApiKeys.of(WRITE, READ, "bench-admin-key"),
              Clock.systemUTC());
      System.out.println("url " + server.url());
      System.out.flush();
      BufferedReader in =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line;
      while ((line = in.readLine()) != null && !line.equals("stop")) {
        // wait for the benchmark to finish
      }
      server.close();
      System.out.println("events " + store.stats().events());
      System.out.flush();
    }
  }
}
