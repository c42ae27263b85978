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
 * @param split one funnel per category (every step on an item of that category) or per user segment
 *     (the k-means segment of table {@code user_segments}), or one funnel
 * @param topGroups with a split, only the groups with most first steps
 */
public record FunnelOptions(
    List<String> steps, boolean perSession, int withinHours, Split split, int topGroups) {
  /** What a funnel is split by. */
  public enum Split {
    /** One funnel. */
    NONE,
    /** One funnel per item category. */
    CATEGORY,
    /** One funnel per user segment ({@code user_segments}, from {@code analyze segments}). */
    SEGMENT
  }

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
    Objects.requireNonNull(split, "split");
    if (topGroups < 1) {
      throw new IllegalArgumentException("topGroups must be >= 1, got " + topGroups);
    }
  }

  /** VIEW, CART_ADD, PURCHASE per user within a session. */
  public FunnelOptions() {
    this(List.of("VIEW", "CART_ADD", "PURCHASE"), false, 0, Split.NONE, 10);
  }
}
