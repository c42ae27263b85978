package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shopcast.core.event.Event;

/**
 * The last event time and session of users, continued across requests: a user's session continues
 * while events arrive within the gap of the user's last event, else a new session {@code
 * <user_id>:<epoch ms>} starts (the importers' scheme). A user the writer has not seen yet is
 * looked up in the store once, among the events no older than the gap before the user's earliest
 * new event (older ones cannot continue a session, and the bound lets DuckDB skip row groups by
 * their time range). Single-threaded (the writer's).
 */
final class Sessions {
  private static final int MAX_USERS = 200_000;

  private final Connection connection;
  private final long gapMillis;
  private final Map<String, Last> last = new HashMap<>();

  /** Numbers the calls of {@link #assign}, to tell a {@link Last} set by the current one. */
  private long group;

  /** A user's latest event time and its session, set by call {@code group} (0: from the store). */
  record Last(long ts, String session, long group) {
    Last(long ts, String session) {
      this(ts, session, 0);
    }
  }

  Sessions(Connection connection, Duration gap) {
    this.connection = connection;
    this.gapMillis = gap.toMillis();
  }

  /** Drops what is known (after a failed commit, whose events may not be stored). */
  void forget() {
    last.clear();
  }

  /**
   * The session of each event (by index in {@code events}), continuing the user's last session when
   * it has none. Each user's events are taken in time order (ties in the given order).
   */
  String[] assign(List<Event> events) throws SQLException {
    if (last.size() > MAX_USERS) {
      forget();
    }
    loadMissing(events);
    group++;
    String[] out = new String[events.size()];
    if (assignInOrder(events, out)) {
      return out;
    }
    Map<String, List<Integer>> byUser = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      byUser.computeIfAbsent(events.get(i).userId(), u -> new ArrayList<>()).add(i);
    }
    Comparator<Integer> byTime = Comparator.comparing(i -> events.get(i).ts());
    for (Map.Entry<String, List<Integer>> entry : byUser.entrySet()) {
      List<Integer> indexes = entry.getValue();
      if (!inTimeOrder(events, indexes)) {
        indexes.sort(byTime);
      }
      Last before = last.get(entry.getKey());
      for (int i : indexes) {
        Event event = events.get(i);
        long ts = event.ts().toEpochMilli();
        String session = event.sessionId();
        if (session == null) {
          boolean continues = before != null && Math.abs(ts - before.ts()) <= gapMillis;
          session = continues ? before.session() : event.userId() + ":" + ts;
        }
        out[i] = session;
        if (before == null || ts >= before.ts()) {
          before = new Last(ts, session);
        }
      }
      last.put(entry.getKey(), before);
    }
    return out;
  }

  private static boolean inTimeOrder(List<Event> events, List<Integer> indexes) {
    for (int k = 1; k < indexes.size(); k++) {
      if (events.get(indexes.get(k)).ts().isBefore(events.get(indexes.get(k - 1)).ts())) {
        return false;
      }
    }
    return true;
  }

  /**
   * The common case in one pass over the events in request order: valid while each user's events
   * come in time order. On the first event earlier than its user's previous one in this group, the
   * states it changed are restored and false is returned (the caller then sorts by user and time).
   */
  private boolean assignInOrder(List<Event> events, String[] out) {
    List<Object> undo = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      Event event = events.get(i);
      String user = event.userId();
      Last before = last.get(user);
      long ts = event.ts().toEpochMilli();
      if (before == null || before.group() != group) {
        undo.add(user);
        undo.add(before);
      } else if (ts < before.ts()) {
        for (int k = undo.size() - 2; k >= 0; k -= 2) {
          String touched = (String) undo.get(k);
          Last previous = (Last) undo.get(k + 1);
          if (previous == null) {
            last.remove(touched);
          } else {
            last.put(touched, previous);
          }
        }
        return false;
      }
      String session = event.sessionId();
      if (session == null) {
        boolean continues = before != null && Math.abs(ts - before.ts()) <= gapMillis;
        session = continues ? before.session() : user + ":" + ts;
      }
      out[i] = session;
      if (before == null || ts >= before.ts()) {
        last.put(user, new Last(ts, session, group));
      } else if (before.group() != group) {
        // an event older than the stored latest one: the state stays, marked as met in this group
        last.put(user, new Last(before.ts(), before.session(), group));
      }
    }
    return true;
  }

  /** Loads the users not known yet. */
  private void loadMissing(List<Event> events) throws SQLException {
    Set<String> missing = new LinkedHashSet<>();
    long earliest = Long.MAX_VALUE;
    for (Event event : events) {
      if (!last.containsKey(event.userId())) {
        missing.add(event.userId());
        earliest = Math.min(earliest, event.ts().toEpochMilli());
      }
    }
    if (!missing.isEmpty()) {
      last.putAll(IngestSql.lastEvents(connection, missing, earliest - gapMillis));
    }
  }
}
