package org.shopcast.data.quality;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Events of one UTC day.
 *
 * @param day the UTC day
 * @param events all events of the day
 * @param byType the day's events by type
 * @param abnormal whether the day's volume lies outside the robust fence (see docs/quality.md)
 */
public record DailyVolume(LocalDate day, long events, Map<String, Long> byType, boolean abnormal) {
  /** Copies the map, keeping its order. */
  public DailyVolume {
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
  }
}
