package org.shopcast.analytics.retention;

import java.util.List;
import java.util.Map;

/**
 * A retention matrix.
 *
 * @param cohortBy "first_activity" or "first_purchase"
 * @param period "day" or "week"
 * @param measure "active" or "purchase"
 * @param zone the time zone id of the periods
 * @param buyers users with at least one purchase
 * @param repeatPurchaseRate share of buyers with two or more orders
 * @param cohorts one row per cohort: cohort (local date of the period start), size and retention
 *     (the list of rates for k = 0, 1, ... up to the last period with data)
 * @param cells one row per cohort and period: cohort, size, k, users, rate
 */
public record RetentionResult(
    String cohortBy,
    String period,
    String measure,
    String zone,
    long buyers,
    double repeatPurchaseRate,
    List<Map<String, Object>> cohorts,
    List<Map<String, Object>> cells) {
  /** Copies the lists. */
  public RetentionResult {
    cohorts = List.copyOf(cohorts);
    cells = List.copyOf(cells);
  }
}
