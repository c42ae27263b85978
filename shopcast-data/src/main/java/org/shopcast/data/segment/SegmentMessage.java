package org.shopcast.data.segment;

import java.util.List;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.Event;

/**
 * What one Segment message became: events (several for an order with several products), user traits
 * (identify), or one error that rejects the whole message.
 *
 * @param events the events, empty for identify and for a rejected message
 * @param traits the user's traits from an identify call, null otherwise
 * @param error why the message was rejected, null when it was mapped
 */
public record SegmentMessage(List<Event> events, UserTraits traits, RowError error) {
  /** Copies the event list. */
  public SegmentMessage {
    events = List.copyOf(events);
  }

  static SegmentMessage of(List<Event> events) {
    return new SegmentMessage(events, null, null);
  }

  static SegmentMessage of(UserTraits traits) {
    return new SegmentMessage(List.of(), traits, null);
  }

  static SegmentMessage rejected(RowError error) {
    return new SegmentMessage(List.of(), null, error);
  }

  /** Whether the message was rejected. */
  public boolean isRejected() {
    return error != null;
  }
}
