package org.shopcast.server.api;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A user's live state, read from the committed events at request time.
 *
 * @param userId the user
 * @param traits the attributes from identify calls (a JSON object), null when none
 * @param counters events by type
 * @param revenue sum of quantity x price over purchases minus returns
 * @param firstSeen earliest event time, null when the user has only traits
 * @param lastSeen latest event time
 * @param session the current (latest) session
 * @param cart items added and not since removed or bought, with their net quantity
 * @param recent the latest events, newest first
 */
public record UserState(
    String userId,
    @JsonRawValue String traits,
    Map<String, Long> counters,
    BigDecimal revenue,
    Instant firstSeen,
    Instant lastSeen,
    Session session,
    List<CartLine> cart,
    List<RecentEvent> recent) {

  /**
   * The latest session.
   *
   * @param sessionId its id
   * @param started its first event time
   * @param lastEvent its latest event time
   * @param events its events
   * @param active whether its latest event lies within the inactivity gap of now
   */
  public record Session(
      String sessionId, Instant started, Instant lastEvent, long events, boolean active) {}

  /**
   * An item in the cart.
   *
   * @param itemId the item
   * @param quantity units added minus units removed since the last purchase of it
   * @param price the latest price seen with it
   */
  public record CartLine(String itemId, long quantity, BigDecimal price) {}

  /**
   * One recent event.
   *
   * @param eventId its id
   * @param ts when
   * @param type what
   * @param itemId the item, if any
   * @param quantity units
   * @param price unit price, if any
   * @param query search text, if any
   * @param sessionId its session
   */
  public record RecentEvent(
      String eventId,
      Instant ts,
      String type,
      String itemId,
      int quantity,
      BigDecimal price,
      String query,
      String sessionId) {}
}
