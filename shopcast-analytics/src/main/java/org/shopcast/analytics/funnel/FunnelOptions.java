package org.shopcast.analytics.funnel;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Settings of a funnel.
 *
 * @param steps the event types in order, at least two (e.g. VIEW, CART_ADD, PURCHASE)
 * @param perSession count sessions instead of users
 * @param withinHours the time every later step must follow the first within, in hours; 0 means the
 *     steps must happen within one session
 * @param byCategory one funnel per category (every step on an item of that category)
 * @param topCategories with {@code byCategory}, only the categories with most first steps
 */
public record FunnelOptions(
    List<String> steps,
    boolean perSession,
    int withinHours,
    boolean byCategory,
    int topCategories) {
  /** The event types a step may name. */
  public static final Set<String> TYPES =
      Set.of("VIEW", "SEARCH", "FAVORITE", "CART_ADD", "CART_REMOVE", "PURCHASE", "RETURN");

  /** Validates the settings. */
  public FunnelOptions {
    steps = List.copyOf(Objects.requireNonNull(steps, "steps"));
    if (steps.size() < 2) {
      throw new IllegalArgumentException("a funnel needs at least 2 steps, got " + steps);
    }
    for (String step : steps) {
      if (!TYPES.contains(step)) {
        throw new IllegalArgumentException(
            "funnel step must be one of " + TYPES + ", got '" + step + "'");
      }
    }
    if (withinHours < 0) {
      throw new IllegalArgumentException("withinHours must be >= 0, got " + withinHours);
    }
    if (topCategories < 1) {
      throw new IllegalArgumentException("topCategories must be >= 1, got " + topCategories);
    }
  }

  /** VIEW, CART_ADD, PURCHASE per user within a session. */
  public FunnelOptions() {
    this(List.of("VIEW", "CART_ADD", "PURCHASE"), false, 0, false, 10);
  }
}
