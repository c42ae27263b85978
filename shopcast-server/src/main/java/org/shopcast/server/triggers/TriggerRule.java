package org.shopcast.server.triggers;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One trigger rule.
 *
 * <p>An <b>event</b> rule ({@code unless} null) matches each newly committed event of type {@code
 * when} (with a price of at least {@code minPrice} when given); it is evaluated in the ingestion
 * transaction, so its outbox row commits together with the event. An <b>absence</b> rule matches an
 * event of type {@code when} (received over HTTP, not older than {@code lookback}) after which the
 * same user had no event of type {@code unless} within {@code within}; it is evaluated on the timer
 * once that time has passed.
 *
 * @param name the rule's name, sent with each delivery (letters, digits, {@code -_.}, 1 to 64)
 * @param when the event type that starts a match, e.g. {@code CART_ADD}
 * @param minPrice the least unit price of the event, null for any
 * @param unless for an absence rule, the event type whose absence completes the match (e.g. {@code
 *     PURCHASE}); null for an event rule
 * @param within for an absence rule, how long after the event {@code unless} may still come
 * @param lookback for an absence rule, the oldest event considered (relative to now)
 */
public record TriggerRule(
    String name,
    String when,
    BigDecimal minPrice,
    String unless,
    Duration within,
    Duration lookback) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Validates the rule. */
  public TriggerRule {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(when, "when");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be 1 to 64 letters, digits, '-', '_' or '.', got '" + name + "'");
    }
    if (unless != null) {
      Objects.requireNonNull(within, "within");
      Objects.requireNonNull(lookback, "lookback");
      if (within.isNegative() || within.isZero()) {
        throw new IllegalArgumentException("within must be positive, got " + within);
      }
      if (lookback.compareTo(within) <= 0) {
        throw new IllegalArgumentException(
            "lookback must be longer than within (" + within + "), got " + lookback);
      }
    }
  }

  /** Whether this rule waits for an absence (evaluated on the timer). */
  public boolean isAbsence() {
    return unless != null;
  }
}
