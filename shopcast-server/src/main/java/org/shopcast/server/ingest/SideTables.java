package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;

/**
 * Which user and item ids the store's {@code users} and {@code items} tables hold, remembered so
 * that a commit looks up only ids it has not met (the tables have no key: see the store's Schema).
 * Bounded: past {@link #MAX_IDS} ids a set is emptied and refilled from the store as ids come back.
 * Single-threaded (the writer's).
 */
final class SideTables {
  private static final int MAX_IDS = 1_000_000;

  private final Set<String> users = new HashSet<>();
  private final Set<String> items = new HashSet<>();

  /** Drops what is known (after a failed commit). */
  void forget() {
    users.clear();
    items.clear();
  }

  /** The users of {@code events} not in the {@code users} table, in order of first appearance. */
  List<String> newUsers(Connection connection, List<Event> events) throws SQLException {
    Set<String> unknown = new LinkedHashSet<>();
    for (Event event : events) {
      if (!users.contains(event.userId())) {
        unknown.add(event.userId());
      }
    }
    Set<String> stored = IngestSql.existing(connection, "users", "user_id", unknown);
    remember(users, stored);
    List<String> out = new ArrayList<>();
    for (String user : unknown) {
      if (!stored.contains(user)) {
        out.add(user);
      }
    }
    return out;
  }

  /**
   * The items of {@code events} not in the {@code items} table, each with the category and price of
   * its latest event.
   */
  List<IngestSql.NewItem> newItems(Connection connection, List<Event> events) throws SQLException {
    Map<String, Event> latest = new LinkedHashMap<>();
    for (Event event : events) {
      String item = event.itemId();
      if (item != null && !items.contains(item)) {
        Event before = latest.get(item);
        if (before == null || event.ts().isAfter(before.ts())) {
          latest.put(item, event);
        }
      }
    }
    Set<String> stored = IngestSql.existing(connection, "items", "item_id", latest.keySet());
    remember(items, stored);
    List<IngestSql.NewItem> out = new ArrayList<>();
    for (Map.Entry<String, Event> entry : latest.entrySet()) {
      if (!stored.contains(entry.getKey())) {
        Event event = entry.getValue();
        out.add(new IngestSql.NewItem(entry.getKey(), event.categoryId(), event.price()));
      }
    }
    return out;
  }

  /** Records the ids a commit stored. */
  void stored(List<String> newUsers, List<IngestSql.NewItem> newItems, List<UserTraits> traits) {
    remember(users, newUsers);
    List<String> traitUsers = new ArrayList<>();
    traits.forEach(t -> traitUsers.add(t.userId()));
    remember(users, traitUsers);
    List<String> itemIds = new ArrayList<>();
    newItems.forEach(i -> itemIds.add(i.itemId()));
    remember(items, itemIds);
  }

  private static void remember(Set<String> known, java.util.Collection<String> ids) {
    if (known.size() + ids.size() > MAX_IDS) {
      known.clear();
    }
    known.addAll(ids);
  }
}
