package org.shopcast.server.triggers;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how matches are delivered.
 *
 * @param url the receiver; each match is POSTed there as JSON
 * @param maxAttempts attempts before a delivery is dead-lettered (status {@code dead})
 * @param initialBackoff the delay before the second attempt (before jitter)
 * @param maxBackoff the largest delay between attempts (before jitter)
 * @param timeout how long one attempt may take
 */
public record WebhookConfig(
    URI url, int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration timeout) {
  /** Validates the settings. */
  public WebhookConfig {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    Objects.requireNonNull(timeout, "timeout");
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("url must be http or https, got '" + url + "'");
    }
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be in [1, 100], got " + maxAttempts);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      throw new IllegalArgumentException("initialBackoff must be positive, got " + initialBackoff);
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException(
          "maxBackoff must be >= initialBackoff (" + initialBackoff + "), got " + maxBackoff);
    }
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
  }
}
