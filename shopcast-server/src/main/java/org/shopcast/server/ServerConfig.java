package org.shopcast.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How to serve.
 *
 * @param host interface to bind (default 127.0.0.1: loopback only)
 * @param port TCP port, 0 for any free one (default 7070)
 * @param maxBodyBytes largest request body accepted; larger ones get 413 (default 512 KiB,
 *     Segment's batch limit is 500 KB)
 * @param queueCapacity ingestion requests that may wait for the writer; more get 429 (default 256)
 * @param readConnections connections serving reads in parallel (default 4)
 * @param sessionGap inactivity that starts a new session (default 30 minutes)
 * @param drainTimeout how long shutdown waits for queued requests to commit (default 30 s)
 */
public record ServerConfig(
    String host,
    int port,
    long maxBodyBytes,
    int queueCapacity,
    int readConnections,
    Duration sessionGap,
    Duration drainTimeout) {
  /** The default port. */
  public static final int DEFAULT_PORT = 7070;

  /** Validates every setting. */
  public ServerConfig {
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(sessionGap, "sessionGap");
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 1024, got " + maxBodyBytes);
    }
    if (queueCapacity < 1) {
      throw new IllegalArgumentException("queueCapacity must be >= 1, got " + queueCapacity);
    }
    if (readConnections < 1) {
      throw new IllegalArgumentException("readConnections must be >= 1, got " + readConnections);
    }
    if (sessionGap.isNegative() || sessionGap.isZero()) {
      throw new IllegalArgumentException("sessionGap must be positive, got " + sessionGap);
    }
  }

  /** The defaults on {@code port}. */
  public static ServerConfig onPort(int port) {
    return new ServerConfig(
        "127.0.0.1", port, 512 * 1024, 256, 4, Duration.ofMinutes(30), Duration.ofSeconds(30));
  }

  /** A copy with another queue capacity. */
  public ServerConfig withQueueCapacity(int capacity) {
    return new ServerConfig(
        host, port, maxBodyBytes, capacity, readConnections, sessionGap, drainTimeout);
  }

  /** A copy with another body limit. */
  public ServerConfig withMaxBodyBytes(long bytes) {
    return new ServerConfig(
        host, port, bytes, queueCapacity, readConnections, sessionGap, drainTimeout);
  }

  /** A copy binding another interface. */
  public ServerConfig withHost(String newHost) {
    return new ServerConfig(
        newHost, port, maxBodyBytes, queueCapacity, readConnections, sessionGap, drainTimeout);
  }
}
