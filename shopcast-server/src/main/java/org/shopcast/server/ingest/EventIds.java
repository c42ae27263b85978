package org.shopcast.server.ingest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The 64-bit fingerprints of every event id in the store, in an open-addressing hash set (linear
 * probing, 8 bytes a slot, at most 3/4 full: 11-16 bytes per stored event). The writer asks it
 * which incoming ids may already be stored; a fingerprint that matches is only a candidate,
 * confirmed against the store by the writer, so a collision never drops an event. Single-threaded
 * (the writer's; also used for the distinct users and items of the live store statistics).
 */
public final class EventIds {
  /** Marks an empty slot; a fingerprint equal to it is stored as {@link #ZERO_STANDIN}. */
  private static final long EMPTY = 0L;

  private static final long ZERO_STANDIN = 0x9E3779B97F4A7C15L;

  private long[] slots;
  private int size;

  EventIds() {
    this(1 << 14);
  }

  /** An empty set sized for about {@code expected} fingerprints. */
  public EventIds(int expected) {
    slots = new long[Math.max(16, Integer.highestOneBit(Math.max(1, expected)) * 4)];
  }

  /**
   * Reads the fingerprint ({@link #fingerprint(long)}) of every event id of the store's {@code
   * events} table, from the low 64 bits of each id (read as two 32-bit halves: JDBC has no unsigned
   * 64-bit getter).
   */
  static EventIds load(Connection connection) throws SQLException {
    EventIds ids = new EventIds();
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT CAST(event_id % 4294967296 AS BIGINT), CAST((event_id // 4294967296) %"
                    + " 4294967296 AS BIGINT) FROM events")) {
      while (rs.next()) {
        ids.add(fingerprint(rs.getLong(2) << 32 | rs.getLong(1)));
      }
    }
    return ids;
  }

  /** Fingerprints stored. */
  public int size() {
    return size;
  }

  /** Whether {@code fingerprint} was added (the id may be stored: confirm before dropping). */
  boolean mayContain(long fingerprint) {
    long key = fingerprint == EMPTY ? ZERO_STANDIN : fingerprint;
    int mask = slots.length - 1;
    for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == key) {
        return true;
      }
      if (slot == EMPTY) {
        return false;
      }
    }
  }

  /** Adds {@code fingerprint}; whether it was absent. */
  public boolean add(long fingerprint) {
    if ((size + 1) * 4L > slots.length * 3L) {
      grow();
    }
    if (insert(slots, fingerprint == EMPTY ? ZERO_STANDIN : fingerprint)) {
      size++;
      return true;
    }
    return false;
  }

  private static boolean insert(long[] table, long key) {
    int mask = table.length - 1;
    for (int i = (int) (key ^ (key >>> 32)) & mask; ; i = (i + 1) & mask) {
      long slot = table[i];
      if (slot == key) {
        return false;
      }
      if (slot == EMPTY) {
        table[i] = key;
        return true;
      }
    }
  }

  private void grow() {
    long[] bigger = new long[slots.length * 2];
    for (long slot : slots) {
      if (slot != EMPTY) {
        insert(bigger, slot);
      }
    }
    slots = bigger;
  }

  /**
   * The fingerprint of a stored event id ({@code EventKeys}: an MD5, so its bits are already
   * uniform) from its low 64 bits {@code lower}: the MurmurHash3 64-bit finaliser (Appleby,
   * "MurmurHash3", 2011) of them, which spreads any regular ids over the table's index as well.
   */
  public static long fingerprint(long lower) {
    long h = lower;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /**
   * A 64-bit fingerprint of an id: FNV-1a over its UTF-16 code units, then the MurmurHash3 64-bit
   * finaliser (Appleby, "MurmurHash3", 2011) to spread the bits over the table's index.
   */
  public static long fingerprint(String id) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return fingerprint(h);
  }
}
