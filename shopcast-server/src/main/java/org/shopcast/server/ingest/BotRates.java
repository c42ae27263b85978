package org.shopcast.server.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.event.Event;

/**
 * The peak events per minute of each user of a serving, counted in memory as commits land, so the
 * {@code BotLikeRate} check needs no scan of the store: for each (user, minute) pair the number of
 * the serving's events, and for each user the largest of them. Counts only grow (a late event adds
 * to its own minute), so a user's peak is the running maximum of their pairs' counts, exactly what
 * the importer's {@code GROUP BY user_id, date_trunc('minute', ts)} then {@code max} gives.
 *
 * <p>Memory: one slot (12 bytes: a 64-bit key of user number and minute, a count) per distinct
 * (user, minute) pair, in an open-addressing table at most 3/4 full (16-32 bytes per pair), plus
 * one entry per user. Thread-safe: the writer adds, the check reads.
 */
final class BotRates {
  private static final long MINUTE_MILLIS = 60_000L;

  private final Map<String, Integer> index = new HashMap<>();
  private final List<String> users = new ArrayList<>();
  private int[] peaks = new int[1024];

  /**
   * Pair table: key (user index + 1) << 32 | the minute's offset from {@link #base} (0 marks an
   * empty slot), and its count.
   */
  private long[] slotKey = new long[1 << 12];

  private int[] slotCount = new int[1 << 12];
  private int pairs;

  /** The first minute counted: pairs are keyed by their offset from it. */
  private long base = Long.MIN_VALUE;

  /** Pairs whose minute is over 2^31 minutes (4,000 years) from {@link #base}. */
  private final Map<String, Integer> far = new HashMap<>();

  /** Counts committed events of the serving. */
  synchronized void add(List<Event> events) {
    for (Event event : events) {
      Integer at = index.get(event.userId());
      if (at == null) {
        at = users.size();
        index.put(event.userId(), at);
        users.add(event.userId());
        if (at == peaks.length) {
          peaks = Arrays.copyOf(peaks, peaks.length * 2);
        }
      }
      int count = increment(at + 1, Math.floorDiv(event.ts().toEpochMilli(), MINUTE_MILLIS));
      if (count > peaks[at]) {
        peaks[at] = count;
      }
    }
  }

  /** Distinct (user, minute) pairs counted. */
  synchronized int pairs() {
    return pairs;
  }

  /** Each user's peak events per minute, in order of their first event. */
  synchronized Map<String, Integer> peaks() {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < users.size(); i++) {
      out.put(users.get(i), peaks[i]);
    }
    return out;
  }

  /**
   * The users whose peak is at least {@code minPeak} and above the median user's peak by more than
   * {@code fence} robust deviations (1.4826 x the median absolute deviation, at least 1), with
   * their peaks; the medians interpolate between the two middle values of an even count, as
   * DuckDB's {@code median} does.
   */
  Map<String, Integer> botLike(int minPeak, double fence) {
    int[] all;
    List<String> names;
    synchronized (this) {
      all = Arrays.copyOf(peaks, users.size());
      names = List.copyOf(users);
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    if (all.length == 0) {
      return out;
    }
    double[] sorted = new double[all.length];
    for (int i = 0; i < all.length; i++) {
      sorted[i] = all[i];
    }
    double median = median(sorted);
    for (int i = 0; i < all.length; i++) {
      sorted[i] = Math.abs(all[i] - median);
    }
    double mad = median(sorted) * 1.4826;
    double bound = median + fence * Math.max(mad, 1);
    for (int i = 0; i < all.length; i++) {
      if (all[i] >= minPeak && all[i] > bound) {
        out.put(names.get(i), all[i]);
      }
    }
    return out;
  }

  /** The median of {@code values} (sorted in place), interpolated as DuckDB's quantile_cont. */
  private static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    if (n % 2 == 1) {
      return values[n / 2];
    }
    double lo = values[n / 2 - 1];
    double hi = values[n / 2];
    return lo + (hi - lo) * 0.5;
  }

  private int increment(int user, long minute) {
    if (base == Long.MIN_VALUE) {
      base = minute;
    }
    long offset = minute - base;
    if (offset != (int) offset) {
      pairs += far.containsKey(user + ":" + minute) ? 0 : 1;
      return far.merge(user + ":" + minute, 1, Integer::sum);
    }
    if ((pairs + 1) * 4L > slotKey.length * 3L) {
      grow();
    }
    long key = (long) user << 32 | (offset & 0xFFFFFFFFL);
    int mask = slotKey.length - 1;
    for (int i = slot(key) & mask; ; i = (i + 1) & mask) {
      if (slotKey[i] == 0) {
        slotKey[i] = key;
        slotCount[i] = 1;
        pairs++;
        return 1;
      }
      if (slotKey[i] == key) {
        return ++slotCount[i];
      }
    }
  }

  private static int slot(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    h ^= h >>> 32;
    return (int) h;
  }

  private void grow() {
    long[] oldKey = slotKey;
    int[] oldCount = slotCount;
    slotKey = new long[oldKey.length * 2];
    slotCount = new int[oldKey.length * 2];
    int mask = slotKey.length - 1;
    for (int j = 0; j < oldKey.length; j++) {
      if (oldKey[j] != 0) {
        int i = slot(oldKey[j]) & mask;
        while (slotKey[i] != 0) {
          i = (i + 1) & mask;
        }
        slotKey[i] = oldKey[j];
        slotCount[i] = oldCount[j];
      }
    }
  }
}
