package org.shopcast.recommend;

import java.util.Arrays;
import org.shopcast.core.event.EventType;

/**
 * What a recommendation is asked for: the events seen so far (the current session's prefix or a
 * user's history), oldest first, items as {@link org.shopcast.recommend.session.ItemIndex} indices.
 * Items the index does not know are left out by the caller.
 */
public final class Context {
  private final int[] items;
  private final EventType[] types;
  private final long[] times;

  private Context(int[] items, EventType[] types, long[] times) {
    if (items.length != types.length || items.length != times.length) {
      throw new IllegalArgumentException(
          "items, types and times must have the same length, got "
              + items.length
              + ", "
              + types.length
              + ", "
              + times.length);
    }
    this.items = items;
    this.types = types;
    this.times = times;
  }

  /** A context from parallel arrays (copied). */
  public static Context of(int[] items, EventType[] types, long[] times) {
    return new Context(items.clone(), types.clone(), times.clone());
  }

  /** A context of views at time 0, for callers without types or times. */
  public static Context ofViews(int... items) {
    EventType[] types = new EventType[items.length];
    Arrays.fill(types, EventType.VIEW);
    return new Context(items.clone(), types, new long[items.length]);
  }

  /** Number of events. */
  public int size() {
    return items.length;
  }

  /** Whether there are no events (a cold start). */
  public boolean isEmpty() {
    return items.length == 0;
  }

  /** The item of event {@code i}. */
  public int item(int i) {
    return items[i];
  }

  /** The behaviour of event {@code i}. */
  public EventType type(int i) {
    return types[i];
  }

  /** The time of event {@code i}, epoch milliseconds. */
  public long time(int i) {
    return times[i];
  }

  /** The most recent item, or -1 when empty. */
  public int lastItem() {
    return items.length == 0 ? -1 : items[items.length - 1];
  }

  /** Whether {@code item} was purchased in this context. */
  public boolean purchased(int item) {
    for (int i = 0; i < items.length; i++) {
      if (items[i] == item && types[i] == EventType.PURCHASE) {
        return true;
      }
    }
    return false;
  }
}
