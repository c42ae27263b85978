package org.shopcast.predict.tasks;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Metrics of right-censored time predictions. Harrell's concordance index (Harrell, Califf, Pryor,
 * Lee &amp; Rosati, "Evaluating the yield of medical tests", JAMA 1982): over the comparable pairs
 * (i had the event at t_i and j was still without it after t_i, i.e. t_j &gt; t_i, or t_j = t_i
 * with j censored), the share where i's predicted time is the shorter, ties in the prediction
 * counting one half. Computed in O(n log n) with a Fenwick tree over the prediction ranks.
 */
public final class SurvivalMetrics {
  private SurvivalMetrics() {}

  /**
   * Harrell's C.
   *
   * @param time observed time (event or censoring)
   * @param event true when the event was observed at {@code time}
   * @param predictedTime the predicted time (larger = later); any monotone score works
   * @return the concordance, NaN when no pair is comparable
   */
  public static double concordance(double[] time, boolean[] event, double[] predictedTime) {
    int n = time.length;
    if (event.length != n || predictedTime.length != n) {
      throw new IllegalArgumentException(
          "time, event and predictedTime need the same length, got "
              + n
              + ", "
              + event.length
              + ", "
              + predictedTime.length);
    }
    double[] distinct = predictedTime.clone();
    Arrays.sort(distinct);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || distinct[i] != distinct[i - 1]) {
        distinct[m++] = distinct[i];
      }
    }
    double[] values = Arrays.copyOf(distinct, m);
    int[] rank = new int[n];
    for (int i = 0; i < n; i++) {
      rank[i] = Arrays.binarySearch(values, predictedTime[i]) + 1;
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> time[i]).reversed());
    long[] tree = new long[m + 1];
    long inserted = 0;
    double concordant = 0;
    double pairs = 0;
    int start = 0;
    while (start < n) {
      int end = start;
      while (end + 1 < n && time[order[end + 1]] == time[order[start]]) {
        end++;
      }
      for (int k = start; k <= end; k++) {
        if (!event[order[k]]) {
          add(tree, rank[order[k]]);
          inserted++;
        }
      }
      for (int k = start; k <= end; k++) {
        int i = order[k];
        if (event[i]) {
          long below = sum(tree, rank[i] - 1);
          long atOrBelow = sum(tree, rank[i]);
          long above = inserted - atOrBelow;
          long tied = atOrBelow - below;
          concordant += above + 0.5 * tied;
          pairs += inserted;
        }
      }
      for (int k = start; k <= end; k++) {
        if (event[order[k]]) {
          add(tree, rank[order[k]]);
          inserted++;
        }
      }
      start = end + 1;
    }
    return pairs == 0 ? Double.NaN : concordant / pairs;
  }

  private static void add(long[] tree, int index) {
    for (int i = index; i < tree.length; i += i & -i) {
      tree[i]++;
    }
  }

  private static long sum(long[] tree, int index) {
    long s = 0;
    for (int i = index; i > 0; i -= i & -i) {
      s += tree[i];
    }
    return s;
  }

  /** Mean |predicted - time| over the rows with an observed event; NaN when there is none. */
  public static double maeObserved(double[] time, boolean[] event, double[] predicted) {
    double sum = 0;
    int count = 0;
    for (int i = 0; i < time.length; i++) {
      if (event[i] && !Double.isNaN(predicted[i])) {
        sum += Math.abs(predicted[i] - time[i]);
        count++;
      }
    }
    return count == 0 ? Double.NaN : sum / count;
  }
}
