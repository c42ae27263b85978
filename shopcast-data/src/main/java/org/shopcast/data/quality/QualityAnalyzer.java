package org.shopcast.data.quality;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.shopcast.data.store.EventStore;
import org.shopcast.data.store.StoreStats;

/**
 * Computes the data-quality report of an event store, all figures in DuckDB SQL: per-field
 * completeness and validity, duplicates and rejected rows, time range and volume anomalies, and
 * behavioural consistency. docs/quality.md lists every check, its rule, thresholds and weight.
 *
 * <p>The overall score is the weighted mean of the checks' credits (pass 1, warn 0.5, fail 0); an
 * empty store scores 0.
 */
public final class QualityAnalyzer {
  private final Clock clock;

  /**
   * An analyzer judging timestamps against {@code clock} (events more than a day after it are
   * invalid) and stamping reports with its time.
   */
  public QualityAnalyzer(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Analyzes the store; reads only. */
  public QualityReport analyze(EventStore store) {
    return analyze(store.connection());
  }

  /**
   * Analyzes the store behind {@code connection} (e.g. a server's read connection, a duplicate of
   * the store's); reads only.
   */
  public QualityReport analyze(Connection connection) {
    Instant now = clock.instant();
    StoreStats stats = EventStore.stats(connection);
    try {
      Map<String, Long> quarantine = ImportChecks.quarantineByCode(connection);
      List<QualityCheck> checks = new ArrayList<>();
      checks.add(
          QualityCheck.of(
              "store.events",
              stats.events() > 0 ? CheckStatus.PASS : CheckStatus.FAIL,
              stats.events(),
              String.format(
                  java.util.Locale.ROOT, "%,d events in the store (fail when 0)", stats.events()),
              1));
      if (stats.events() == 0) {
        return new QualityReport(
            0, 0, 0, null, null, 0, checks, stats.byType(), quarantine, List.of(), now);
      }
      checks.addAll(FieldChecks.run(connection, now));
      checks.addAll(ImportChecks.run(connection));
      VolumeChecks.Result volume = VolumeChecks.run(connection);
      checks.addAll(volume.checks());
      checks.addAll(ConsistencyChecks.run(connection));
      return new QualityReport(
          stats.events(),
          stats.users(),
          stats.items(),
          stats.minTs(),
          stats.maxTs(),
          score(checks),
          checks,
          stats.byType(),
          quarantine,
          volume.days(),
          now);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot compute the quality report: " + e.getMessage(), e);
    }
  }

  /** Weighted mean of the checks' credits; 0 when the weights sum to 0. */
  static double score(List<QualityCheck> checks) {
    double earned = 0;
    double total = 0;
    for (QualityCheck check : checks) {
      earned += check.weight() * check.status().credit();
      total += check.weight();
    }
    return total > 0 ? earned / total : 0;
  }
}
