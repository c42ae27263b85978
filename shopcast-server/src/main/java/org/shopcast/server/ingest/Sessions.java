package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

  /** The session of each event, continuing the user's last session when it has none. */
  Map<Event, String> assign(List<Event> events) throws SQLException {
    List<Event> all = new ArrayList<>(events);
    all.sort(Comparator.comparing(Event::userId).thenComparing(Event::ts));
    if (last.size() > MAX_USERS) {
      forget();
    }
    loadMissing(all);
    Map<Event, String> out = new IdentityHashMap<>();
    for (Event event : all) {
      long ts = event.ts().toEpochMilli();
      Last before = last.get(event.userId());
      String session = event.sessionId();
      if (session == null) {
        boolean continues = before != null && Math.abs(ts - before.ts()) <= gapMillis;
        session = continues ? before.session() : event.userId() + ":" + ts;
      }
      out.put(event, session);
      if (before == null || ts >= before.ts()) {
        last.put(event.userId(), new Last(ts, session));
      }
    }
    return out;
  }

  /** Loads the users not known yet; {@code sorted} is ordered by user, then time. */
  private void loadMissing(List<Event> sorted) throws SQLException {
    List<String> missing = new ArrayList<>();
    long earliest = Long.MAX_VALUE;
    for (Event event : sorted) {
      String user = event.userId();
      if (!last.containsKey(user)) {
        if (missing.isEmpty() || !missing.get(missing.size() - 1).equals(user)) {
          missing.add(user);
        }
        earliest = Math.min(earliest, event.ts().toEpochMilli());
      }
    }
    if (!missing.isEmpty()) {
      last.putAll(IngestSql.lastEvents(connection, missing, earliest - gapMillis));
    }
  }
}
