package org.shopcast.analytics.rules.sequence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.shopcast.analytics.rules.RuleOptions;

/**
 * Sequential patterns by PrefixSpan: J. Pei, J. Han, B. Mortazavi-Asl, H. Pinto, Q. Chen, U. Dayal,
 * M.-C. Hsu (2001), "PrefixSpan: Mining sequential patterns efficiently by prefix-projected pattern
 * growth", ICDE 2001. Each frequent prefix projects the database onto the postfixes that follow its
 * first occurrence (pseudo-projection: a sequence index and a position, no copying); the frequent
 * items of the projected database extend the prefix either within its last element ({@code (ab)})
 * or as a new element ({@code a b}), recursively.
 *
 * <p>Use it for ordered behaviour: categories bought in successive orders, event types or pages
 * within sessions. Support counts a sequence once however often the pattern occurs in it.
 */
public final class PrefixSpan {
  private final int[][][] db;
  private final int items;
  private final int minCount;
  private final int maxLength;
  private final List<int[][]> patterns = new ArrayList<>();
  private final List<Integer> counts = new ArrayList<>();

  private PrefixSpan(SequenceDatabase database, int minCount, int maxLength) {
    this.db = database.raw();
    this.items = database.itemCount();
    this.minCount = minCount;
    this.maxLength = maxLength;
  }

  /**
   * All frequent sequential patterns, ordered element by element by item name (a pattern before its
   * extensions), so the order is deterministic.
   */
  public static List<SequentialPattern> mine(SequenceDatabase database, PrefixSpanOptions options) {
    Objects.requireNonNull(database, "database");
    Objects.requireNonNull(options, "options");
    int minCount = RuleOptions.minCount(options.minSupport(), database.size());
    PrefixSpan miner = new PrefixSpan(database, minCount, options.maxLength());
    miner.run();
    Integer[] order = new Integer[miner.patterns.size()];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparing(i -> miner.patterns.get(i), PrefixSpan::compare));
    List<SequentialPattern> out = new ArrayList<>(order.length);
    double n = database.size();
    for (int i : order) {
      int[][] pattern = miner.patterns.get(i);
      List<List<String>> elements = new ArrayList<>(pattern.length);
      for (int[] element : pattern) {
        List<String> names = new ArrayList<>(element.length);
        for (int id : element) {
          names.add(database.itemName(id));
        }
        elements.add(names);
      }
      int count = miner.counts.get(i);
      out.add(new SequentialPattern(elements, count, count / n));
    }
    return out;
  }

  private void run() {
    Projection all = new Projection(db.length);
    for (int s = 0; s < db.length; s++) {
      all.add(s, -1, -1);
    }
    grow(new int[0][], 0, all);
  }

  /** Counts the extensions of {@code pattern} in its projection and recurses into the frequent. */
  private void grow(int[][] pattern, int length, Projection projection) {
    if (length >= maxLength) {
      return;
    }
    int[] last = pattern.length == 0 ? null : pattern[pattern.length - 1];
    int[] iCount = new int[items];
    int[] sCount = new int[items];
    int[] iSeen = new int[items];
    int[] sSeen = new int[items];
    for (int k = 0; k < projection.size; k++) {
      int stamp = k + 1;
      int[][] seq = db[projection.seq[k]];
      int e = projection.element[k];
      if (e >= 0) {
        int[] partial = seq[e];
        for (int q = projection.position[k] + 1; q < partial.length; q++) {
          stamp(iCount, iSeen, partial[q], stamp);
        }
      }
      for (int j = e + 1; j < seq.length; j++) {
        for (int x : seq[j]) {
          stamp(sCount, sSeen, x, stamp);
        }
        if (last != null && containsAll(seq[j], last)) {
          int lastItem = last[last.length - 1];
          for (int x : seq[j]) {
            if (x > lastItem) {
              stamp(iCount, iSeen, x, stamp);
            }
          }
        }
      }
    }
    for (int x = 0; x < items; x++) {
      if (last != null && iCount[x] >= minCount) {
        int[][] extended = pattern.clone();
        int[] element = Arrays.copyOf(last, last.length + 1);
        element[last.length] = x;
        extended[pattern.length - 1] = element;
        emitAndGrow(extended, length + 1, projectItemset(projection, last, x), iCount[x]);
      }
      if (sCount[x] >= minCount) {
        int[][] extended = Arrays.copyOf(pattern, pattern.length + 1);
        extended[pattern.length] = new int[] {x};
        emitAndGrow(extended, length + 1, projectSequence(projection, x), sCount[x]);
      }
    }
  }

  private void emitAndGrow(int[][] pattern, int length, Projection projection, int count) {
    patterns.add(pattern);
    counts.add(count);
    grow(pattern, length, projection);
  }

  /** Postfixes after the first occurrence of {@code x} in a later element. */
  private Projection projectSequence(Projection from, int x) {
    Projection to = new Projection(from.size);
    for (int k = 0; k < from.size; k++) {
      int[][] seq = db[from.seq[k]];
      for (int j = from.element[k] + 1; j < seq.length; j++) {
        int q = Arrays.binarySearch(seq[j], x);
        if (q >= 0) {
          to.add(from.seq[k], j, q);
          break;
        }
      }
    }
    return to;
  }

  /**
   * Postfixes after the first occurrence of {@code x} together with the last element: in the
   * current element after the matched position, else in the first later element holding the whole
   * last element and {@code x}.
   */
  private Projection projectItemset(Projection from, int[] last, int x) {
    Projection to = new Projection(from.size);
    for (int k = 0; k < from.size; k++) {
      int[][] seq = db[from.seq[k]];
      int e = from.element[k];
      int q = Arrays.binarySearch(seq[e], x);
      if (q > from.position[k]) {
        to.add(from.seq[k], e, q);
        continue;
      }
      for (int j = e + 1; j < seq.length; j++) {
        q = Arrays.binarySearch(seq[j], x);
        if (q >= 0 && containsAll(seq[j], last)) {
          to.add(from.seq[k], j, q);
          break;
        }
      }
    }
    return to;
  }

  private static void stamp(int[] count, int[] seen, int x, int stamp) {
    if (seen[x] != stamp) {
      seen[x] = stamp;
      count[x]++;
    }
  }

  /** Whether sorted {@code element} holds every item of sorted {@code items}. */
  private static boolean containsAll(int[] element, int[] items) {
    int i = 0;
    for (int x : element) {
      if (i < items.length && x == items[i]) {
        i++;
      }
    }
    return i == items.length;
  }

  /** Element by element, items ascending; a pattern sorts before its extensions. */
  private static int compare(int[][] a, int[][] b) {
    for (int i = 0; i < Math.min(a.length, b.length); i++) {
      int c = Arrays.compare(a[i], b[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.length, b.length);
  }

  /** A pseudo-projected database: per sequence, the element and position ending the prefix. */
  private static final class Projection {
    final int[] seq;
    final int[] element;
    final int[] position;
    int size;

    Projection(int capacity) {
      seq = new int[capacity];
      element = new int[capacity];
      position = new int[capacity];
    }

    void add(int s, int e, int p) {
      seq[size] = s;
      element[size] = e;
      position[size] = p;
      size++;
    }
  }
}
