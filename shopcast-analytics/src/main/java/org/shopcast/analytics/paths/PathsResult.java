package org.shopcast.analytics.paths;

import java.util.List;
import java.util.Map;

/**
 * Paths through sessions.
 *
 * @param types transitions between event types: from, to ("(exit)" after a session's last event),
 *     count, share (of transitions leaving {@code from})
 * @param categories the most frequent transitions between different categories: from, to, count,
 *     share
 * @param toPurchase the most frequent paths ending in a session's first purchase (consecutive
 *     repeats collapsed): path, sessions, share (of sessions with a purchase)
 */
public record PathsResult(
    List<Map<String, Object>> types,
    List<Map<String, Object>> categories,
    List<Map<String, Object>> toPurchase) {
  /** Copies the lists. */
  public PathsResult {
    types = List.copyOf(types);
    categories = List.copyOf(categories);
    toPurchase = List.copyOf(toPurchase);
  }
}
