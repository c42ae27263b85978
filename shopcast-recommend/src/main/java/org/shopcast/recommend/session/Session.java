package org.shopcast.recommend.session;

import java.util.Arrays;
import java.util.Objects;
import org.shopcast.core.event.EventType;

/**
 * One session: its events in time order, items as {@link ItemIndex} indices. Immutable; the
 * accessors read single positions so evaluation loops copy nothing.
 */
public final class Session {
  private final String id;
  private final String userId;
  private final int[] items;
  private final long[] times;
  private final EventType[] types;

  /** Creates a session; the arrays are copied and must have the same length. */
  public Session(String id, String userId, int[] items, long[] times, EventType[] types) {
    this.id = Objects.requireNonNull(id, "id");
    this.userId = userId;
    if (items.length != times.length || items.length != types.length) {
      throw new IllegalArgumentException(
          "items, times and types must have the same length, got "
              + items.length
              + ", "
              + times.length
              + ", "
              + types.length);
    }
    this.items = items.clone();
    this.times = times.clone();
    this.types = types.clone();
  }

  /** The session id. */
  public String id() {
    return id;
  }

  /** The user, or null for an anonymous session. */
  public String userId() {
    return userId;
  }

  /** Number of events. */
  public int size() {
    return items.length;
  }

  /** The item index of event {@code i}. */
  public int item(int i) {
    return items[i];
  }

  /** The time of event {@code i}, epoch milliseconds. */
  public long time(int i) {
    return times[i];
  }

  /** The behaviour of event {@code i}. */
  public EventType type(int i) {
    return types[i];
  }

  /** A copy of the item indices. */
  public int[] items() {
    return items.clone();
  }

  /** The time of the last event. */
  public long endTime() {
    return times[times.length - 1];
  }

  /** The first {@code length} events as a recommendation context. */
  public org.shopcast.recommend.Context prefix(int length) {
    return org.shopcast.recommend.Context.of(
        Arrays.copyOf(items, length), Arrays.copyOf(types, length), Arrays.copyOf(times, length));
  }
}
