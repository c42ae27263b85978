package org.shopcast.analytics.retention;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * Settings of a retention analysis.
 *
 * @param firstPurchase cohorts by first purchase instead of first activity
 * @param weekly weekly periods (ISO weeks, Monday first) instead of days
 * @param purchases count a user retained in period k when they buy in it (instead of any event)
 * @param zone the time zone whose local days and weeks define the periods
 */
public record RetentionOptions(
    boolean firstPurchase, boolean weekly, boolean purchases, ZoneId zone) {
  /** Validates the settings. */
  public RetentionOptions {
    Objects.requireNonNull(zone, "zone");
  }

  /** First activity, days, any activity, UTC. */
  public RetentionOptions() {
    this(false, false, false, ZoneOffset.UTC);
  }
}
