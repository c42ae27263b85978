package org.shopcast.recommend.session;

import java.util.Objects;
import org.shopcast.core.event.EventType;

/**
 * One event of a session log as read from a file.
 *
 * @param sessionId the session the click belongs to
 * @param userId the user, or null when the source has none (anonymous)
 * @param itemId the item clicked
 * @param timeMillis the event time, epoch milliseconds (UTC)
 * @param type the behaviour; session click logs hold views only
 * @param line the 1-based line of the file the click came from (0 when not from a file)
 */
public record Click(
    String sessionId, String userId, String itemId, long timeMillis, EventType type, long line) {

  /** Checks the required fields. */
  public Click {
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(itemId, "itemId");
    Objects.requireNonNull(type, "type");
  }
}
