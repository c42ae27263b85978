package org.shopcast.analytics.funnel;

import java.util.List;
import java.util.Map;

/**
 * A funnel: one row per step (and category, when split) with step, type, count, conversion (from
 * the previous step), overall (from the first), dropped, drop_rate and median_seconds.
 *
 * @param steps the step types in order
 * @param unit what is counted: user or session
 * @param window within one session ("session") or within N hours of step 1 ("Nh")
 * @param rows the rows
 */
public record FunnelResult(
    List<String> steps, String unit, String window, List<Map<String, Object>> rows) {
  /** Copies the lists. */
  public FunnelResult {
    steps = List.copyOf(steps);
    rows = List.copyOf(rows);
  }
}
