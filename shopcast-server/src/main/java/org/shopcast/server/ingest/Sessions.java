package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

  /** A user's latest event time and its session. */
  record Last(long ts, String session) {}

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
    Map<String, List<Integer>> byUser = new LinkedHashMap<>();
    for (int i = 0; i < events.size(); i++) {
      byUser.computeIfAbsent(events.get(i).userId(), u -> new ArrayList<>()).add(i);
    }
    loadMissing(events, byUser);
    String[] out = new String[events.size()];
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

  /** Loads the users not known yet. */
  private void loadMissing(List<Event> events, Map<String, List<Integer>> byUser)
      throws SQLException {
    List<String> missing = new ArrayList<>();
    long earliest = Long.MAX_VALUE;
    for (Map.Entry<String, List<Integer>> entry : byUser.entrySet()) {
      if (!last.containsKey(entry.getKey())) {
        missing.add(entry.getKey());
        for (int i : entry.getValue()) {
          earliest = Math.min(earliest, events.get(i).ts().toEpochMilli());
        }
      }
    }
    if (!missing.isEmpty()) {
      last.putAll(IngestSql.lastEvents(connection, missing, earliest - gapMillis));
    }
  }
}
