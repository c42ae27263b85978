package org.shopcast.analytics.kpi;

import java.util.List;
import java.util.Map;

/**
 * A KPI series: one row per bucket (and group, when split), gaps filled with zeros. Each row holds
 * {@code t} (bucket start, ISO-8601 local time with offset), the group column when split, then
 * views, users, carts, favourites, orders, buyers, items_sold, revenue, view_to_cart,
 * cart_to_purchase, view_to_purchase, buyer_share and aov.
 *
 * @param grain hour, day or week
 * @param zone the time zone id of the buckets
 * @param by the split (none, category or channel)
 * @param rows the rows, by group then time
 */
public record KpiSeries(String grain, String zone, String by, List<Map<String, Object>> rows) {
  /** Copies the rows. */
  public KpiSeries {
    rows = List.copyOf(rows);
  }
}
