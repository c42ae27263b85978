package org.shopcast.predict.tasks;

import java.util.ArrayList;
import java.util.List;
import org.shopcast.predict.model.Classifier;
import org.shopcast.predict.model.LogisticRegression;
import org.shopcast.predict.model.XgbClassifier;

/**
 * A discrete-time hazard model of the days to the next purchase, right-censored at the horizon H
 * (Singer &amp; Willett, "It's about time: using discrete-time survival analysis to study duration
 * and the timing of events", J. Educational Statistics 18(2), 1993; Tutz &amp; Schmid, "Modeling
 * Discrete Time-to-Event Data", Springer 2016, ch. 3). The horizon is cut into K periods of w days
 * (the last one may be shorter); each user-cutoff row becomes person-period rows, one per period
 * the user was still without a purchase at the start of, labelled 1 in the period of the purchase
 * and 0 before (a censored user contributes K rows of 0). A binary classifier (logistic regression
 * or XGBoost) on the user's features plus the period (as a number and as dummies for periods 2..K,
 * the baseline hazard) estimates the hazard h_k = P(purchase in period k | none before). Survival
 * S(end of period k) = prod_{j &lt;= k} (1 - h_j); within a period the daily hazard is taken as
 * constant, so S(d) = S(k - 1) (1 - h_k)^(days into period k / its length) for any day d.
 */
public final class HazardModel {
  private final Classifier classifier;
  private final int horizonDays;
  private final int periodDays;

  /**
   * Wraps a trained classifier of person-period rows.
   *
   * @param classifier the hazard classifier (its rows: base features, period, period dummies)
   * @param horizonDays the censoring horizon H
   * @param periodDays the period length w
   */
  public HazardModel(Classifier classifier, int horizonDays, int periodDays) {
    if (horizonDays < 1 || periodDays < 1 || periodDays > horizonDays) {
      throw new IllegalArgumentException(
          "need 1 <= periodDays <= horizonDays, got " + periodDays + " and " + horizonDays);
    }
    this.classifier = classifier;
    this.horizonDays = horizonDays;
    this.periodDays = periodDays;
  }

  /** The period length for at most {@code maxPeriods} periods over {@code horizonDays}. */
  public static int periodDays(int horizonDays, int maxPeriods) {
    if (maxPeriods < 1) {
      throw new IllegalArgumentException("periods must be >= 1, got " + maxPeriods);
    }
    return (horizonDays + Math.min(horizonDays, maxPeriods) - 1)
        / Math.min(horizonDays, maxPeriods);
  }

  /** The number of periods K = ceil(H / w). */
  public static int periods(int horizonDays, int periodDays) {
    return (horizonDays + periodDays - 1) / periodDays;
  }

  /** The names of the person-period columns after the base features. */
  public static List<String> periodColumns(int periods) {
    List<String> names = new ArrayList<>();
    names.add("period");
    for (int k = 2; k <= periods; k++) {
      names.add("period_" + k);
    }
    return names;
  }

  /**
   * Person-period rows.
   *
   * @param base the user-cutoff rows' features
   * @param day each row's purchase day 1..H, 0 when censored
   * @return the expanded rows and their labels
   */
  public static Expanded expand(double[][] base, int[] day, int horizonDays, int periodDays) {
    int k = periods(horizonDays, periodDays);
    List<double[]> rows = new ArrayList<>();
    List<Boolean> labels = new ArrayList<>();
    for (int i = 0; i < base.length; i++) {
      int eventPeriod = day[i] == 0 ? 0 : (day[i] + periodDays - 1) / periodDays;
      int last = eventPeriod == 0 ? k : eventPeriod;
      for (int p = 1; p <= last; p++) {
        rows.add(periodRow(base[i], p, k));
        labels.add(p == eventPeriod);
      }
    }
    boolean[] y = new boolean[labels.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels.get(i);
    }
    return new Expanded(rows.toArray(new double[0][]), y);
  }

  /**
   * Person-period rows and labels.
   *
   * @param rows features: base, period, period dummies
   * @param labels purchase in the period
   */
  public record Expanded(double[][] rows, boolean[] labels) {}

  private static double[] periodRow(double[] base, int period, int periods) {
    double[] row = new double[base.length + periods];
    System.arraycopy(base, 0, row, 0, base.length);
    row[base.length] = period;
    if (period >= 2) {
      row[base.length + period - 1] = 1;
    }
    return row;
  }

  /**
   * Trains the hazard classifier.
   *
   * @param model {@code xgboost} or {@code logistic}
   * @param featureNames the base feature names
   */
  public static HazardModel train(
      String model,
      List<String> featureNames,
      double[][] train,
      int[] trainDay,
      double[][] valid,
      int[] validDay,
      int horizonDays,
      int periodDays,
      XgbClassifier.Options xgboost,
      double lambda) {
    Expanded tr = expand(train, trainDay, horizonDays, periodDays);
    List<String> names = new ArrayList<>(featureNames);
    names.addAll(periodColumns(periods(horizonDays, periodDays)));
    Classifier classifier;
    if (model.equals("logistic")) {
      classifier = LogisticRegression.fit("logistic", tr.rows(), tr.labels(), lambda);
    } else if (model.equals("xgboost")) {
      Expanded va = expand(valid, validDay, horizonDays, periodDays);
      classifier =
          XgbClassifier.train(names, tr.rows(), tr.labels(), va.rows(), va.labels(), xgboost);
    } else {
      throw new IllegalArgumentException("model must be xgboost or logistic, got '" + model + "'");
    }
    return new HazardModel(classifier, horizonDays, periodDays);
  }

  /** The hazard classifier. */
  public Classifier classifier() {
    return classifier;
  }

  /** The horizon H. */
  public int horizonDays() {
    return horizonDays;
  }

  /** The period length w. */
  public int periodDays() {
    return periodDays;
  }

  /** Each row's survival curve: {@code S[i][d]} = P(no purchase in the first d days), d = 0..H. */
  public double[][] survival(double[][] base) {
    int k = periods(horizonDays, periodDays);
    double[][] hazard = new double[base.length][];
    double[][] rows = new double[base.length][];
    for (int p = 1; p <= k; p++) {
      for (int i = 0; i < base.length; i++) {
        rows[i] = periodRow(base[i], p, k);
      }
      double[] h = classifier.predict(rows);
      for (int i = 0; i < base.length; i++) {
        if (hazard[i] == null) {
          hazard[i] = new double[k];
        }
        hazard[i][p - 1] = h[i];
      }
    }
    double[][] s = new double[base.length][];
    for (int i = 0; i < base.length; i++) {
      s[i] = curve(hazard[i], horizonDays, periodDays);
    }
    return s;
  }

  /** The survival curve S(0..H) of period hazards {@code h} (constant daily hazard per period). */
  static double[] curve(double[] h, int horizonDays, int periodDays) {
    double[] s = new double[horizonDays + 1];
    s[0] = 1;
    double start = 1;
    for (int p = 0; p < h.length; p++) {
      int from = p * periodDays;
      int to = Math.min(horizonDays, from + periodDays);
      double keep = Math.min(1, Math.max(0, 1 - h[p]));
      for (int d = from + 1; d <= to; d++) {
        s[d] = start * Math.pow(keep, (d - from) / (double) (to - from));
      }
      start = s[to];
    }
    return s;
  }

  /** P(purchase within {@code days} days) from a survival curve, 1 - S(days). */
  public static double probabilityWithin(double[] s, int days) {
    return 1 - s[Math.min(days, s.length - 1)];
  }

  /** The median day: the first d with S(d) &lt;= 0.5, or NaN when S(H) &gt; 0.5 (beyond H). */
  public static double median(double[] s) {
    for (int d = 1; d < s.length; d++) {
      if (s[d] <= 0.5) {
        return d;
      }
    }
    return Double.NaN;
  }

  /**
   * The median day given a purchase within H: the first d with (1 - S(d)) / (1 - S(H)) &gt;= 0.5;
   * NaN when no purchase is predicted at all.
   */
  public static double conditionalMedian(double[] s) {
    double within = 1 - s[s.length - 1];
    if (!(within > 0)) {
      return Double.NaN;
    }
    for (int d = 1; d < s.length; d++) {
      if ((1 - s[d]) / within >= 0.5 - 1e-12) {
        return d;
      }
    }
    return s.length - 1;
  }

  /** The restricted mean days without a purchase, sum of S(d) for d = 0..H-1 (at most H). */
  public static double restrictedMean(double[] s) {
    double sum = 0;
    for (int d = 0; d < s.length - 1; d++) {
      sum += s[d];
    }
    return sum;
  }
}
