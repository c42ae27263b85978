package org.shopcast.server.api;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.event.Event;
import org.shopcast.core.event.EventType;
import org.shopcast.data.store.EventStore;
import org.shopcast.data.store.StoreStats;
import org.shopcast.server.ingest.EventIds;
import org.shopcast.server.internal.ReadPool;

/**
 * The store statistics ({@code GET /api/v1/stats}, the figures of {@link EventStore#stats()}) kept
 * in memory: computed by the store on first use (the first read or commit), then advanced by each
 * commit with the events it added, so a read never touches the store and costs the same under
 * ingestion as at rest. Event and per-type counts and the time range are exact sums, minima and
 * maxima; distinct users and items are counted as distinct 64-bit fingerprints of their ids ({@link
 * EventIds}, loaded with one scan at start, 11-16 bytes per id), so two different ids would have to
 * share a fingerprint (probability about n²/2^65: 3·10^-8 for a million ids) for a count to come
 * out one low. Like the rest of the server it assumes it owns the store once in use: rows written
 * by others afterwards are not seen. The commit hook runs on the writer thread before the requests
 * are answered, so a 2xx is counted by the next read.
 */
final class LiveStats {
  private static final EventType[] TYPES = EventType.values();

  private final ReadPool pool;
  private EventIds users;
  private EventIds items;
  private final Map<String, Long> byType = new HashMap<>();
  private long events;
  private long minMillis = Long.MAX_VALUE;
  private long maxMillis = Long.MIN_VALUE;
  private volatile StoreStats current;

  /** Statistics of the store read through {@code pool} (on first use). */
  LiveStats(ReadPool pool) {
    this.pool = pool;
  }

  /** Reads the store's figures and the fingerprints of its user and item ids. */
  private void start() {
    StoreStats start = pool.read(EventStore::stats);
    this.users = new EventIds((int) Math.min(Integer.MAX_VALUE / 8, start.users()));
    this.items = new EventIds((int) Math.min(Integer.MAX_VALUE / 8, start.items()));
    pool.read(
        connection -> {
          load(connection, "user_id", users);
          load(connection, "item_id", items);
          return null;
        });
    events = start.events();
    byType.putAll(start.byType());
    if (start.minTs() != null) {
      minMillis = start.minTs().toEpochMilli();
      maxMillis = start.maxTs().toEpochMilli();
    }
    current = start;
  }

  private static void load(Connection connection, String column, EventIds into) {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT DISTINCT " + column + " FROM events WHERE " + column + " IS NOT NULL")) {
      while (rs.next()) {
        into.add(EventIds.fingerprint(rs.getString(1)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the store's " + column + "s: " + e, e);
    }
  }

  /** The figures as of the latest commit. */
  StoreStats get() {
    StoreStats now = current;
    if (now != null) {
      return now;
    }
    synchronized (this) {
      if (current == null) {
        start();
      }
      return current;
    }
  }

  /** A commit added {@code added} (new to the store); called on the writer thread. */
  synchronized void committed(List<Event> added) {
    if (current == null) {
      start(); // the store's figures already hold this commit
      return;
    }
    if (added.isEmpty()) {
      return;
    }
    long[] perType = new long[TYPES.length];
    for (Event event : added) {
      events++;
      perType[event.type().ordinal()]++;
      long ts = event.ts().toEpochMilli();
      minMillis = Math.min(minMillis, ts);
      maxMillis = Math.max(maxMillis, ts);
      users.add(EventIds.fingerprint(event.userId()));
      if (event.itemId() != null) {
        items.add(EventIds.fingerprint(event.itemId()));
      }
    }
    for (EventType type : TYPES) {
      if (perType[type.ordinal()] > 0) {
        byType.merge(type.name(), perType[type.ordinal()], Long::sum);
      }
    }
    // the store's order: count descending, then type
    List<Map.Entry<String, Long>> types = new ArrayList<>(byType.entrySet());
    types.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    Map<String, Long> ordered = new LinkedHashMap<>();
    types.forEach(e -> ordered.put(e.getKey(), e.getValue()));
    current =
        new StoreStats(
            events,
            users.size(),
            items.size(),
            Instant.ofEpochMilli(minMillis),
            Instant.ofEpochMilli(maxMillis),
            ordered);
  }
}
