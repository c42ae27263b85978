package org.shopcast.data.quality;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-quality report of a store, the object {@code shopcast quality --json} prints.
 *
 * @param events events in the store
 * @param users distinct users with events
 * @param items distinct items with events
 * @param minTs earliest event time, null when the store is empty
 * @param maxTs latest event time, null when the store is empty
 * @param score weighted share of passed checks in 0..1 (warn counts half), see docs/quality.md
 * @param checks every check, in a fixed order
 * @param byType events by type, largest first
 * @param quarantineByCode quarantined rows of each source's first import, by error code
 * @param volumeByDay events per UTC day from the first to the last day, empty days included
 * @param generatedAt when the report was computed
 */
public record QualityReport(
    long events,
    long users,
    long items,
    Instant minTs,
    Instant maxTs,
    double score,
    List<QualityCheck> checks,
    Map<String, Long> byType,
    Map<String, Long> quarantineByCode,
    List<DailyVolume> volumeByDay,
    Instant generatedAt) {
  /** Copies the collections so the record stays immutable; checks the score's range. */
  public QualityReport {
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0, 1], got " + score);
    }
    checks = List.copyOf(checks);
    byType = Collections.unmodifiableMap(new LinkedHashMap<>(byType));
    quarantineByCode = Collections.unmodifiableMap(new LinkedHashMap<>(quarantineByCode));
    volumeByDay = List.copyOf(volumeByDay);
  }

  /** The checks with status warn or fail, fails first. */
  public List<QualityCheck> problems() {
    return checks.stream()
        .filter(c -> c.status() != CheckStatus.PASS)
        .sorted((a, b) -> b.status().compareTo(a.status()))
        .toList();
  }
}
