package org.shopcast.predict.tasks;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Error and ranking metrics of amount predictions: mean absolute error, root mean squared error,
 * Spearman's rank correlation (Pearson correlation of mid-ranks, ties averaged) and the normalised
 * Gini coefficient of the ranking (the Gini of the actual amounts ordered by prediction over the
 * Gini of the best ordering; ties in the prediction share their actual amounts evenly, so a
 * constant prediction scores 0).
 */
public final class RegressionMetrics {
  private RegressionMetrics() {}

  /** Mean of |predicted - actual|. */
  public static double mae(double[] predicted, double[] actual) {
    check(predicted, actual);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      sum += Math.abs(predicted[i] - actual[i]);
    }
    return sum / actual.length;
  }

  /** Square root of the mean of (predicted - actual)^2. */
  public static double rmse(double[] predicted, double[] actual) {
    check(predicted, actual);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = predicted[i] - actual[i];
      sum += e * e;
    }
    return Math.sqrt(sum / actual.length);
  }

  /** Spearman's rho with mid-ranks for ties; NaN when either side is constant. */
  public static double spearman(double[] predicted, double[] actual) {
    check(predicted, actual);
    double[] a = ranks(predicted);
    double[] b = ranks(actual);
    int n = a.length;
    double ma = 0;
    double mb = 0;
    for (int i = 0; i < n; i++) {
      ma += a[i] / n;
      mb += b[i] / n;
    }
    double sab = 0;
    double saa = 0;
    double sbb = 0;
    for (int i = 0; i < n; i++) {
      sab += (a[i] - ma) * (b[i] - mb);
      saa += (a[i] - ma) * (a[i] - ma);
      sbb += (b[i] - mb) * (b[i] - mb);
    }
    return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
  }

  /** Mid-ranks (1-based; tied values get the mean of their ranks). */
  static double[] ranks(double[] values) {
    Integer[] order = sortedIndices(values, false);
    double[] ranks = new double[values.length];
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double mid = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = mid;
      }
      i = j + 1;
    }
    return ranks;
  }

  /**
   * The normalised Gini: gini(actual ordered by predicted) / gini(actual ordered by actual), where
   * gini = sum over the ordering (largest prediction first) of the cumulative share of the actual
   * total, divided by n, minus (n + 1) / (2n). NaN when the actual total is 0.
   */
  public static double normalizedGini(double[] predicted, double[] actual) {
    check(predicted, actual);
    double best = gini(actual, actual);
    return best == 0 ? Double.NaN : gini(predicted, actual) / best;
  }

  private static double gini(double[] score, double[] actual) {
    int n = actual.length;
    double total = 0;
    for (double a : actual) {
      total += a;
    }
    if (total == 0) {
      return 0;
    }
    Integer[] order = sortedIndices(score, true);
    double[] shared = new double[n];
    int i = 0;
    while (i < n) {
      int j = i;
      double sum = actual[order[i]];
      while (j + 1 < n && score[order[j + 1]] == score[order[i]]) {
        j++;
        sum += actual[order[j]];
      }
      for (int k = i; k <= j; k++) {
        shared[k] = sum / (j - i + 1);
      }
      i = j + 1;
    }
    double cumulative = 0;
    double area = 0;
    for (int k = 0; k < n; k++) {
      cumulative += shared[k] / total;
      area += cumulative;
    }
    return area / n - (n + 1) / (2.0 * n);
  }

  private static Integer[] sortedIndices(double[] values, boolean descending) {
    Integer[] order = new Integer[values.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Comparator<Integer> byValue = Comparator.comparingDouble(i -> values[i]);
    Arrays.sort(order, descending ? byValue.reversed() : byValue);
    return order;
  }

  private static void check(double[] predicted, double[] actual) {
    if (predicted.length != actual.length || actual.length == 0) {
      throw new IllegalArgumentException(
          "need as many predictions as actual values and at least one, got "
              + predicted.length
              + " and "
              + actual.length);
    }
  }
}
