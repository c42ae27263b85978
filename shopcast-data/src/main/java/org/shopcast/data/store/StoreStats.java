package org.shopcast.data.store;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Summary figures of the store, the object {@code shopcast stats --json} prints.
 *
 * @param events number of events
 * @param users distinct users with events
 * @param items distinct items with events
 * @param minTs earliest event time, null when the store is empty
 * @param maxTs latest event time, null when the store is empty
 * @param byType event counts by type, largest first
 */
public record StoreStats(
    long events, long users, long items, Instant minTs, Instant maxTs, Map<String, Long> byType) {
  /** Copies the map, keeping its order, so the record stays immutable. */
  public StoreStats {
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
  }
}
