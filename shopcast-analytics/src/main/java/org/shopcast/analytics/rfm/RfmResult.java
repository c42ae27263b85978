package org.shopcast.analytics.rfm;

import java.util.List;
import java.util.Map;

/**
 * RFM scores and segments.
 *
 * @param asOf the reference time recency is measured to (the store's last event), ISO-8601 UTC
 * @param valueUnit "revenue", or "units" when the store has no prices
 * @param buyers the users scored (those with a purchase)
 * @param segments one row per segment: segment, users, share, value, value_share, mean recency
 *     days, mean frequency, mean monetary
 * @param users one row per buyer (user_id, recency_days, frequency, monetary, r, f, m, segment);
 *     empty unless asked for
 */
public record RfmResult(
    String asOf,
    String valueUnit,
    long buyers,
    List<Map<String, Object>> segments,
    List<Map<String, Object>> users) {
  /** Copies the lists. */
  public RfmResult {
    segments = List.copyOf(segments);
    users = List.copyOf(users);
  }
}
