package org.shopcast.analytics.report;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import org.shopcast.analytics.kpi.KpiOptions;

/**
 * Settings of the HTML report.
 *
 * @param zone the time zone of KPI buckets and cohorts
 * @param grain the KPI grain
 * @param minSupport minimum support of the basket rules (order baskets), in (0, 1]
 * @param segments include the k-means segments (k 2..6; slower on large stores)
 */
public record ReportOptions(
    ZoneId zone, KpiOptions.Grain grain, double minSupport, boolean segments) {
  /** Validates the settings. */
  public ReportOptions {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(grain, "grain");
    if (!(minSupport > 0 && minSupport <= 1)) {
      throw new IllegalArgumentException("minSupport must be in (0, 1], got " + minSupport);
    }
  }

  /** UTC, daily, support 0.01, with segments. */
  public ReportOptions() {
    this(ZoneOffset.UTC, KpiOptions.Grain.DAY, 0.01, true);
  }
}
