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
 * once that time has passed. A <b>score</b> rule ({@code score} set, {@code when} null) matches a
 * user whose {@code score} (a task of the model registry: purchase, churn, clv, time-to-purchase)
 * is above {@code above} when recomputed after their events are committed, at most once per {@code
 * cooldown}; it is evaluated on a background thread, never in the ingestion transaction.
 *
 * @param name the rule's name, sent with each delivery (letters, digits, {@code -_.}, 1 to 64)
 * @param when the event type that starts a match, e.g. {@code CART_ADD}; null for a score rule
 * @param minPrice the least unit price of the event, null for any
 * @param unless for an absence rule, the event type whose absence completes the match (e.g. {@code
 *     PURCHASE}); null for an event rule
 * @param within for an absence rule, how long after the event {@code unless} may still come
 * @param lookback for an absence rule, the oldest event considered (relative to now)
 * @param score for a score rule, the task whose score is watched; null otherwise
 * @param above for a score rule, the score a match must exceed
 * @param cooldown for a score rule, how long after a match the same user cannot match again
 */
public record TriggerRule(
    String name,
    String when,
    BigDecimal minPrice,
    String unless,
    Duration within,
    Duration lookback,
    String score,
    Double above,
    Duration cooldown) {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  /** Validates the rule. */
  public TriggerRule {
    Objects.requireNonNull(name, "name");
    if (score == null) {
      Objects.requireNonNull(when, "when");
    } else {
      if (when != null || unless != null || minPrice != null) {
        throw new IllegalArgumentException(
            "a score rule takes no when, unless or minPrice, got when=" + when);
      }
      Objects.requireNonNull(above, "above");
      Objects.requireNonNull(cooldown, "cooldown");
      if (!Double.isFinite(above)) {
        throw new IllegalArgumentException("above must be a finite number, got " + above);
      }
      if (cooldown.isNegative()) {
        throw new IllegalArgumentException("cooldown must not be negative, got " + cooldown);
      }
    }
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

  /** An event rule ({@code unless} null) or an absence rule. */
  public TriggerRule(
      String name,
      String when,
      BigDecimal minPrice,
      String unless,
      Duration within,
      Duration lookback) {
    this(name, when, minPrice, unless, within, lookback, null, null, null);
  }

  /** A score rule: {@code score} above {@code above}, once per {@code cooldown} and user. */
  public static TriggerRule score(String name, String score, double above, Duration cooldown) {
    return new TriggerRule(name, null, null, null, null, null, score, above, cooldown);
  }

  /** Whether this rule watches a score (evaluated after commits, off the ingestion path). */
  public boolean isScore() {
    return score != null;
  }

  /** Whether this rule waits for an absence (evaluated on the timer). */
  public boolean isAbsence() {
    return unless != null;
  }
}
