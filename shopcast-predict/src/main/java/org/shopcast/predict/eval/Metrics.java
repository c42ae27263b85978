package org.shopcast.predict.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Metrics of probabilistic binary predictions: AUC-ROC (Mann-Whitney, ties count half), PR-AUC as
 * average precision (the step-wise area scikit-learn's {@code average_precision_score} computes),
 * log loss (probabilities clipped to [1e-15, 1 - 1e-15]), Brier score, a calibration table,
 * precision/recall/F1 at a threshold and in the top k%, and lift.
 */
public final class Metrics {
  private static final double EPS = 1e-15;

  private Metrics() {}

  private static void check(double[] scores, boolean[] labels) {
    if (scores.length != labels.length) {
      throw new IllegalArgumentException(
          "scores and labels must have the same length, got "
              + scores.length
              + " and "
              + labels.length);
    }
    if (scores.length == 0) {
      throw new IllegalArgumentException("scores must not be empty");
    }
  }

  private static Integer[] orderDescending(double[] scores) {
    Integer[] order = new Integer[scores.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());
    return order;
  }

  /** Area under the ROC curve; NaN when one class is absent. */
  public static double auc(double[] scores, boolean[] labels) {
    check(scores, labels);
    Integer[] order = orderDescending(scores);
    long positives = 0;
    long negatives = 0;
    for (boolean label : labels) {
      if (label) {
        positives++;
      } else {
        negatives++;
      }
    }
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    // sum over negatives of positives ranked above (ties count half), group by equal score
    double pairs = 0;
    long positivesAbove = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      long groupPositives = 0;
      long groupNegatives = 0;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        if (labels[order[j]]) {
          groupPositives++;
        } else {
          groupNegatives++;
        }
        j++;
      }
      pairs += groupNegatives * (positivesAbove + groupPositives / 2.0);
      positivesAbove += groupPositives;
      i = j;
    }
    return pairs / ((double) positives * negatives);
  }

  /** Average precision: sum over thresholds of (recall step) * precision; NaN without positives. */
  public static double averagePrecision(double[] scores, boolean[] labels) {
    check(scores, labels);
    Integer[] order = orderDescending(scores);
    long positives = 0;
    for (boolean label : labels) {
      positives += label ? 1 : 0;
    }
    if (positives == 0) {
      return Double.NaN;
    }
    double ap = 0;
    long truePositives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      long groupPositives = 0;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        groupPositives += labels[order[j]] ? 1 : 0;
        j++;
      }
      truePositives += groupPositives;
      ap += (groupPositives / (double) positives) * (truePositives / (double) j);
      i = j;
    }
    return ap;
  }

  /** Mean negative log-likelihood of the labels under the probabilities. */
  public static double logLoss(double[] probabilities, boolean[] labels) {
    check(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double p = Math.min(1 - EPS, Math.max(EPS, probabilities[i]));
      sum -= labels[i] ? Math.log(p) : Math.log(1 - p);
    }
    return sum / labels.length;
  }

  /** Mean squared difference of probability and outcome. */
  public static double brier(double[] probabilities, boolean[] labels) {
    check(probabilities, labels);
    double sum = 0;
    for (int i = 0; i < labels.length; i++) {
      double d = probabilities[i] - (labels[i] ? 1 : 0);
      sum += d * d;
    }
    return sum / labels.length;
  }

  /**
   * Precision, recall and F1 when scores {@code >= threshold} are predicted positive.
   *
   * @return {precision, recall, f1}; precision is 0 when nothing is predicted positive
   */
  public static double[] atThreshold(double[] scores, boolean[] labels, double threshold) {
    check(scores, labels);
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < labels.length; i++) {
      boolean predicted = scores[i] >= threshold;
      if (predicted && labels[i]) {
        tp++;
      } else if (predicted) {
        fp++;
      } else if (labels[i]) {
        fn++;
      }
    }
    return prf(tp, fp, fn);
  }

  private static double[] prf(long tp, long fp, long fn) {
    double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    return new double[] {precision, recall, f1};
  }

  /** The threshold among the scores that maximises F1 (the highest score when there is a tie). */
  public static double bestF1Threshold(double[] scores, boolean[] labels) {
    check(scores, labels);
    Integer[] order = orderDescending(scores);
    long positives = 0;
    for (boolean label : labels) {
      positives += label ? 1 : 0;
    }
    double best = -1;
    double threshold = scores[order[0]];
    long tp = 0;
    long fp = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j < order.length && scores[order[j]] == scores[order[i]]) {
        if (labels[order[j]]) {
          tp++;
        } else {
          fp++;
        }
        j++;
      }
      double f1 = prf(tp, fp, positives - tp)[2];
      if (f1 > best) {
        best = f1;
        threshold = scores[order[i]];
      }
      i = j;
    }
    return threshold;
  }

  /**
   * Precision, recall and lift of the top {@code fraction} of rows by score (ties broken by row
   * order); lift is the precision over the base rate.
   *
   * @return {precision, recall, lift}
   */
  public static double[] topFraction(double[] scores, boolean[] labels, double fraction) {
    check(scores, labels);
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
    Integer[] order = orderDescending(scores);
    int k = Math.max(1, (int) Math.ceil(fraction * labels.length));
    long positives = 0;
    for (boolean label : labels) {
      positives += label ? 1 : 0;
    }
    long tp = 0;
    for (int i = 0; i < k; i++) {
      tp += labels[order[i]] ? 1 : 0;
    }
    double precision = tp / (double) k;
    double recall = positives == 0 ? 0 : tp / (double) positives;
    double baseRate = positives / (double) labels.length;
    return new double[] {precision, recall, baseRate == 0 ? 0 : precision / baseRate};
  }

  /**
   * One row of a calibration table.
   *
   * @param from lower bound of the predicted probability (inclusive)
   * @param to upper bound (exclusive, inclusive for the last bin)
   * @param rows rows in the bin
   * @param meanPredicted mean predicted probability in the bin
   * @param observedRate share of positives in the bin
   */
  public record CalibrationBin(
      double from, double to, long rows, double meanPredicted, double observedRate) {}

  /** Calibration table over {@code bins} equal-width probability bins; empty bins are left out. */
  public static List<CalibrationBin> calibration(
      double[] probabilities, boolean[] labels, int bins) {
    check(probabilities, labels);
    if (bins < 1) {
      throw new IllegalArgumentException("bins must be >= 1, got " + bins);
    }
    long[] count = new long[bins];
    double[] predicted = new double[bins];
    long[] positives = new long[bins];
    for (int i = 0; i < labels.length; i++) {
      int b = Math.min(bins - 1, Math.max(0, (int) Math.floor(probabilities[i] * bins)));
      count[b]++;
      predicted[b] += probabilities[i];
      positives[b] += labels[i] ? 1 : 0;
    }
    List<CalibrationBin> table = new ArrayList<>();
    for (int b = 0; b < bins; b++) {
      if (count[b] > 0) {
        table.add(
            new CalibrationBin(
                b / (double) bins,
                (b + 1) / (double) bins,
                count[b],
                predicted[b] / count[b],
                positives[b] / (double) count[b]));
      }
    }
    return table;
  }

  /**
   * Returns {@code labels} when they hold both classes; otherwise fails naming the {@code what}
   * rows (training, validation, holdout) and the counts, since no ranking metric or classifier is
   * defined on one class.
   */
  public static boolean[] requireBothClasses(String what, boolean[] labels) {
    int positives = 0;
    for (boolean y : labels) {
      positives += y ? 1 : 0;
    }
    if (labels.length == 0 || positives == 0 || positives == labels.length) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " rows need both classes, got "
              + positives
              + " positives of "
              + labels.length
              + "; try another --horizon-days");
    }
    return labels;
  }
}
