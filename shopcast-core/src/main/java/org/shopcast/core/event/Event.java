package org.shopcast.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * One canonical behaviour event, whatever the source (see docs/event-schema.md).
 *
 * @param eventId idempotency key; derived from the row's content when the source has none
 * @param userId who acted (required)
 * @param ts when, UTC, millisecond precision (required)
 * @param type what happened (required)
 * @param itemId the item, required for item events
 * @param categoryId the item's category
 * @param sessionId the session; derived by inactivity gap when absent
 * @param orderId groups purchase lines
 * @param quantity units, default 1
 * @param price unit price; revenue = quantity x price
 * @param query search text
 * @param channel utm source, device or campaign
 * @param properties anything else, as a JSON object text
 */
public record Event(
    String eventId,
    String userId,
    Instant ts,
    EventType type,
    String itemId,
    String categoryId,
    String sessionId,
    String orderId,
    int quantity,
    BigDecimal price,
    String query,
    String channel,
    String properties) {

  /** Checks the required fields; the optional ones may be null. */
  public Event {
    Objects.requireNonNull(ts, "ts");
    Objects.requireNonNull(type, "type");
    if (userId == null || userId.isBlank()) {
      throw new IllegalArgumentException("userId must not be blank, got '" + userId + "'");
    }
  }

  /** This event with another event id. */
  public Event withEventId(String id) {
    return withIds(id, sessionId);
  }

  /** This event with another session id (itself when it already has that one). */
  public Event withSessionId(String session) {
    if (Objects.equals(session, sessionId)) {
      return this;
    }
    return withIds(eventId, session);
  }

  private Event withIds(String id, String session) {
    return new Event(
        id,
        userId,
        ts,
        type,
        itemId,
        categoryId,
        session,
        orderId,
        quantity,
        price,
        query,
        channel,
        properties);
  }
}
