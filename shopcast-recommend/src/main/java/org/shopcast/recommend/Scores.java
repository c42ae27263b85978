package org.shopcast.recommend;

import java.util.Arrays;
import java.util.function.IntPredicate;

/**
 * A sparse accumulator of item scores over a fixed item range: adding is O(1), clearing and top-n
 * selection cost only the touched items. Not thread-safe; one per query or per thread.
 */
public final class Scores {
  private final double[] value;
  private final boolean[] touched;
  private int[] order;
  private int count;

  /** An empty accumulator for items {@code 0..items-1}. */
  public Scores(int items) {
    if (items < 0) {
      throw new IllegalArgumentException("items must be >= 0, got " + items);
    }
    value = new double[items];
    touched = new boolean[items];
    order = new int[Math.min(items, 64)];
  }

  /** Adds {@code amount} to the score of {@code item}, making it a candidate. */
  public void add(int item, double amount) {
    if (!touched[item]) {
      touched[item] = true;
      if (count == order.length) {
        order = Arrays.copyOf(order, Math.max(8, order.length * 2));
      }
      order[count++] = item;
    }
    value[item] += amount;
  }

  /** The score of {@code item} (0 when not a candidate). */
  public double get(int item) {
    return value[item];
  }

  /** Whether {@code item} is a candidate. */
  public boolean has(int item) {
    return touched[item];
  }

  /** The item range: items {@code 0..capacity()-1} may be added. */
  public int capacity() {
    return value.length;
  }

  /** Number of candidates. */
  public int size() {
    return count;
  }

  /** The {@code i}-th candidate in the order they were first added ({@code 0 <= i < size()}). */
  public int candidate(int i) {
    if (i < 0 || i >= count) {
      throw new IndexOutOfBoundsException("candidate " + i + " of " + count);
    }
    return order[i];
  }

  /** Removes all candidates. */
  public void clear() {
    for (int i = 0; i < count; i++) {
      value[order[i]] = 0;
      touched[order[i]] = false;
    }
    count = 0;
  }

  /**
   * The {@code n} best candidates, best first (ties: lower index first), skipping items {@code
   * exclude} accepts (null excludes nothing).
   */
  public int[] top(int n, IntPredicate exclude) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    // a bounded min-heap of the best n seen so far
    int[] heap = new int[Math.min(n, count)];
    int size = 0;
    for (int i = 0; i < count; i++) {
      int item = order[i];
      if (exclude != null && exclude.test(item)) {
        continue;
      }
      if (size < heap.length) {
        heap[size] = item;
        siftUp(heap, size++);
      } else if (size > 0 && better(item, heap[0])) {
        heap[0] = item;
        siftDown(heap, size);
      }
    }
    int[] out = new int[size];
    for (int i = size - 1; i >= 0; i--) {
      out[i] = heap[0];
      heap[0] = heap[--size];
      siftDown(heap, size);
    }
    return out;
  }

  private boolean better(int a, int b) {
    return value[a] > value[b] || (value[a] == value[b] && a < b);
  }

  private void siftUp(int[] heap, int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!better(heap[parent], heap[i])) {
        break;
      }
      swap(heap, i, parent);
      i = parent;
    }
  }

  private void siftDown(int[] heap, int size) {
    int i = 0;
    while (true) {
      int left = 2 * i + 1;
      int worst = i;
      if (left < size && better(heap[worst], heap[left])) {
        worst = left;
      }
      if (left + 1 < size && better(heap[worst], heap[left + 1])) {
        worst = left + 1;
      }
      if (worst == i) {
        return;
      }
      swap(heap, i, worst);
      i = worst;
    }
  }

  private static void swap(int[] heap, int a, int b) {
    int t = heap[a];
    heap[a] = heap[b];
    heap[b] = t;
  }
}
