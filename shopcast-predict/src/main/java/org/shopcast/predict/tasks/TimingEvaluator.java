package org.shopcast.predict.tasks;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Metrics;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.model.XgbClassifier;

/**
 * The {@code time-to-purchase} task: days to the next purchase, right-censored at H. Trains a
 * {@link HazardModel} on the person-period rows of the training cutoffs and scores the holdout
 * cutoff beside two baselines: the BG/NBD timing ({@code baseline:bgnbd-timing}, P(purchase within
 * d days) from the model fitted on the holdout cutoff's point-in-time summaries) and recency
 * ({@code baseline:recency}, days since the last purchase as the predicted time; no day estimate,
 * so no MAE). Metrics: Harrell's concordance of the restricted mean time (censored at H), the MAE
 * in days of the median given a purchase within H on the users who did buy, and the AUC of
 * P(purchase within H) against "bought within H".
 */
public final class TimingEvaluator {
  private TimingEvaluator() {}

  /**
   * One model's holdout metrics.
   *
   * @param name model or baseline name
   * @param concordance Harrell's C
   * @param maeObservedDays MAE of the conditional median day on the users who bought (NaN: none)
   * @param aucWithinHorizon AUC of P(purchase within H)
   */
  public record Score(
      String name, double concordance, double maeObservedDays, double aucWithinHorizon) {}

  /**
   * The holdout.
   *
   * @param cutoff the holdout cutoff
   * @param rows holdout users
   * @param events users who bought within H (the rest are censored at H)
   * @param meanEventDay their mean purchase day
   * @param trainRows training user rows
   * @param personPeriodRows the person-period rows they expand to
   * @param periods K
   * @param periodDays w
   */
  public record Holdout(
      Instant cutoff,
      int rows,
      int events,
      double meanEventDay,
      int trainRows,
      int personPeriodRows,
      int periods,
      int periodDays) {}

  /**
   * The trained models and their evaluation.
   *
   * @param models the hazard models, in the order asked for
   * @param holdout what they were scored on
   * @param scores models and baselines, best concordance first
   */
  public record Result(List<HazardModel> models, Holdout holdout, List<Score> scores) {
    /** Copies the lists. */
    public Result {
      models = List.copyOf(models);
      scores = List.copyOf(scores);
    }

    /** The first (for {@code train}: the only) hazard model. */
    public HazardModel model() {
      return models.get(0);
    }
  }

  /**
   * Plans the temporal split of the store ({@link TemporalSplit#plan}), builds the rows and runs
   * {@link #run(Connection, TaskRows, List, int, XgbClassifier.Options, double)} ({@code shopcast
   * evaluate --task time-to-purchase}; {@code train} runs the same on its split).
   *
   * @param models xgboost and/or logistic
   * @param maxPeriods at most this many periods over H
   * @throws IllegalArgumentException as {@code run} does, or when the data is too short
   */
  public static Result evaluate(
      Connection connection,
      int horizonDays,
      EvaluationOptions options,
      List<String> models,
      int maxPeriods) {
    TemporalSplit split = TemporalSplit.plan(connection, horizonDays, options.trainCutoffs());
    TaskRows rows = TaskRows.build(connection, UserTask.TIME_TO_PURCHASE, split);
    return run(connection, rows, models, maxPeriods, options.xgboost(), options.lambda());
  }

  /**
   * Trains one hazard model and evaluates it ({@code shopcast train}).
   *
   * @param model xgboost or logistic
   * @param maxPeriods at most this many periods over H
   * @throws IllegalArgumentException when a split has no rows or no purchase
   */
  public static Result run(
      Connection connection,
      TaskRows rows,
      String model,
      int maxPeriods,
      XgbClassifier.Options xgboost,
      double lambda) {
    return run(connection, rows, List.of(model), maxPeriods, xgboost, lambda);
  }

  /**
   * Trains one hazard model per classifier name and evaluates them beside the baselines on the same
   * holdout ({@code shopcast evaluate --task time-to-purchase}).
   *
   * @param models xgboost and/or logistic, at least one
   * @param maxPeriods at most this many periods over H
   * @throws IllegalArgumentException when a split has no rows or no purchase, or no model is given
   */
  public static Result run(
      Connection connection,
      TaskRows rows,
      List<String> models,
      int maxPeriods,
      XgbClassifier.Options xgboost,
      double lambda) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("give at least one hazard model, got none");
    }
    int h = rows.split().horizonDays();
    int[] dayTrain = TaskRows.nextPurchaseDay(connection, rows.train());
    int[] dayValid = TaskRows.nextPurchaseDay(connection, rows.valid());
    int[] dayTest = TaskRows.nextPurchaseDay(connection, rows.test());
    requireEvents("training", dayTrain);
    requireEvents("validation", dayValid);
    requireEvents("holdout", dayTest);
    int w = HazardModel.periodDays(h, maxPeriods);
    List<HazardModel> hazards = new ArrayList<>();
    for (String model : models) {
      hazards.add(
          HazardModel.train(
              model,
              rows.train().featureNames(),
              rows.train().matrix(),
              dayTrain,
              rows.valid().matrix(),
              dayValid,
              h,
              w,
              xgboost,
              lambda));
    }
    double[] time = new double[dayTest.length];
    boolean[] event = new boolean[dayTest.length];
    int events = 0;
    double daySum = 0;
    for (int i = 0; i < time.length; i++) {
      event[i] = dayTest[i] > 0;
      time[i] = event[i] ? dayTest[i] : h;
      if (event[i]) {
        events++;
        daySum += dayTest[i];
      }
    }
    List<Score> scores = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      scores.add(
          fromCurves(models.get(m), hazards.get(m).survival(rows.test().matrix()), time, event));
    }
    BtydRows btyd = BtydRows.of(rows.test());
    double[][] curves = new double[time.length][h + 1];
    for (int i = 0; i < time.length; i++) {
      for (int d = 0; d <= h; d++) {
        curves[i][d] = 1 - btyd.probabilityWithin(i, d);
      }
    }
    scores.add(fromCurves("baseline:bgnbd-timing", curves, time, event));
    double[] recency = rows.test().column("days_since_last_purchase");
    double[] risk = new double[recency.length];
    for (int i = 0; i < risk.length; i++) {
      risk[i] = -recency[i];
    }
    scores.add(
        new Score(
            "baseline:recency",
            SurvivalMetrics.concordance(time, event, recency),
            Double.NaN,
            Metrics.auc(risk, event)));
    scores.sort(Comparator.comparingDouble(Score::concordance).reversed());
    Holdout holdout =
        new Holdout(
            rows.split().test(),
            time.length,
            events,
            events == 0 ? Double.NaN : daySum / events,
            rows.train().size(),
            personPeriods(dayTrain, h, w),
            HazardModel.periods(h, w),
            w);
    return new Result(hazards, holdout, scores);
  }

  private static int personPeriods(int[] day, int h, int w) {
    int k = HazardModel.periods(h, w);
    int count = 0;
    for (int d : day) {
      count += d == 0 ? k : (d + w - 1) / w;
    }
    return count;
  }

  private static Score fromCurves(String name, double[][] s, double[] time, boolean[] event) {
    int n = time.length;
    double[] mean = new double[n];
    double[] median = new double[n];
    double[] within = new double[n];
    for (int i = 0; i < n; i++) {
      mean[i] = HazardModel.restrictedMean(s[i]);
      median[i] = HazardModel.conditionalMedian(s[i]);
      within[i] = HazardModel.probabilityWithin(s[i], s[i].length - 1);
    }
    return new Score(
        name,
        SurvivalMetrics.concordance(time, event, mean),
        SurvivalMetrics.maeObserved(time, event, median),
        Metrics.auc(within, event));
  }

  private static void requireEvents(String what, int[] day) {
    int events = 0;
    for (int d : day) {
      events += d > 0 ? 1 : 0;
    }
    if (day.length == 0 || events == 0) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " rows need at least one purchase in the window, got "
              + events
              + " of "
              + day.length
              + "; try another --horizon-days");
    }
  }
}
