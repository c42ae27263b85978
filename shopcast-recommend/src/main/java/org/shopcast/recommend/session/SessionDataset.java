package org.shopcast.recommend.session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.event.EventType;

/**
 * Sessions built from clicks: grouped by session id, each ordered by time (file order breaks ties),
 * items indexed by an {@link ItemIndex}. The sessions are ordered by their start time.
 */
public final class SessionDataset {
  private final ItemIndex items;
  private final List<Session> sessions;
  private final long clicks;
  private final long droppedClicks;

  private SessionDataset(ItemIndex items, List<Session> sessions, long dropped) {
    this.items = items;
    this.sessions = List.copyOf(sessions);
    this.clicks = sessions.stream().mapToLong(Session::size).sum();
    this.droppedClicks = dropped;
  }

  /** Training data: every item of {@code clicks} is added to a new index. */
  public static SessionDataset train(List<Click> clicks) {
    return build(clicks, new ItemIndex(), true, 1);
  }

  /**
   * Test data encoded against the training index: clicks on items the training data never saw are
   * dropped (no model can predict them), then sessions shorter than {@code minLength} are dropped.
   */
  public static SessionDataset test(List<Click> clicks, ItemIndex trainItems, int minLength) {
    return build(clicks, trainItems, false, minLength);
  }

  /**
   * Training data from sessions already encoded against {@code items} (e.g. read as integer arrays
   * from a large file, where building one {@link Click} per event would cost too much memory).
   */
  public static SessionDataset of(ItemIndex items, List<Session> sessions) {
    List<Session> sorted = new ArrayList<>(sessions);
    sorted.sort(Comparator.comparingLong((Session s) -> s.size() == 0 ? 0 : s.time(0)));
    return new SessionDataset(items, sorted, 0);
  }

  private static SessionDataset build(
      List<Click> clicks, ItemIndex index, boolean addItems, int minLength) {
    Map<String, List<Click>> bySession = new LinkedHashMap<>();
    for (Click click : clicks) {
      bySession.computeIfAbsent(click.sessionId(), k -> new ArrayList<>()).add(click);
    }
    List<Session> sessions = new ArrayList<>(bySession.size());
    long dropped = 0;
    for (Map.Entry<String, List<Click>> entry : bySession.entrySet()) {
      List<Click> events = entry.getValue();
      events.sort(Comparator.comparingLong(Click::timeMillis).thenComparingLong(Click::line));
      int[] ids = new int[events.size()];
      long[] times = new long[events.size()];
      EventType[] types = new EventType[events.size()];
      int n = 0;
      for (Click click : events) {
        int item = addItems ? index.add(click.itemId()) : index.indexOf(click.itemId());
        if (item < 0) {
          dropped++;
          continue;
        }
        ids[n] = item;
        times[n] = click.timeMillis();
        types[n] = click.type();
        n++;
      }
      if (n < minLength) {
        dropped += n;
        continue;
      }
      sessions.add(
          new Session(
              entry.getKey(),
              events.get(0).userId(),
              java.util.Arrays.copyOf(ids, n),
              java.util.Arrays.copyOf(times, n),
              java.util.Arrays.copyOf(types, n)));
    }
    sessions.sort(Comparator.comparingLong((Session s) -> s.time(0)));
    return new SessionDataset(index, sessions, dropped);
  }

  /** The item index (shared with the training data for test sets). */
  public ItemIndex items() {
    return items;
  }

  /** The sessions, ordered by start time. */
  public List<Session> sessions() {
    return Collections.unmodifiableList(sessions);
  }

  /** Number of clicks kept. */
  public long clicks() {
    return clicks;
  }

  /** Number of clicks dropped (unknown items, sessions too short). */
  public long droppedClicks() {
    return droppedClicks;
  }

  /** The time of the last event, epoch ms (0 when empty). */
  public long endTime() {
    return sessions.stream().mapToLong(Session::endTime).max().orElse(0);
  }
}
