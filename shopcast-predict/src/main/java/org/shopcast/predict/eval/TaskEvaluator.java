package org.shopcast.predict.eval;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;
import org.shopcast.predict.model.LogisticRegression;
import org.shopcast.predict.model.XgbClassifier;

/**
 * Evaluates a task on a temporal holdout: plans the cutoffs ({@link TemporalSplit}), builds the
 * point-in-time rows, trains logistic regression and XGBoost (early stopping on the validation
 * cutoff) on the training cutoffs, and scores them on the holdout cutoff beside the naive
 * baselines: "bought in the last H days", recency rank (days since the last purchase), and the
 * BG/NBD expected purchases and P(alive). Baseline scores are turned into probabilities by a
 * one-feature logistic fit on the training rows (monotone, so their ranking metrics are the raw
 * scores'). Every model's threshold is the best-F1 cut on the validation cutoff.
 */
public final class TaskEvaluator {
  private TaskEvaluator() {}

  /**
   * The rows of one evaluation, split by cutoff.
   *
   * @param split the cutoffs
   * @param train rows of the training cutoffs
   * @param valid rows of the validation cutoff
   * @param test rows of the holdout cutoff
   */
  public record Splits(
      TemporalSplit split, TrainingSet train, TrainingSet valid, TrainingSet test) {}

  /** Plans the cutoffs and builds the task's rows (its population only). */
  public static Splits splits(Connection connection, Task task, int horizonDays, int trainCutoffs) {
    TemporalSplit split = TemporalSplit.plan(connection, horizonDays, trainCutoffs);
    List<Instant> cutoffs = new ArrayList<>(split.train());
    cutoffs.add(split.validation());
    cutoffs.add(split.test());
    TrainingSet all = TrainingSetBuilder.build(connection, cutoffs, horizonDays);
    TrainingSet population = all.filter(i -> task.inPopulation(all, i));
    Set<Instant> train = new HashSet<>(split.train());
    return new Splits(
        split,
        population.filter(i -> train.contains(population.cutoff(i))),
        population.atCutoff(split.validation()),
        population.atCutoff(split.test()));
  }

  /**
   * Runs the evaluation.
   *
   * @throws IllegalArgumentException when a split has no rows or only one class
   */
  public static TaskEvaluation evaluate(
      Connection connection, Task task, int horizonDays, EvaluationOptions options) {
    Objects.requireNonNull(options, "options");
    Splits s = splits(connection, task, horizonDays, options.trainCutoffs());
    boolean[] yTrain = Metrics.requireBothClasses("training", task.labels(s.train()));
    boolean[] yValid = Metrics.requireBothClasses("validation", task.labels(s.valid()));
    boolean[] yTest = Metrics.requireBothClasses("holdout", task.labels(s.test()));
    List<TaskEvaluation.ModelScore> scores = new ArrayList<>();

    LogisticRegression logistic =
        LogisticRegression.fit("logistic", s.train().matrix(), yTrain, options.lambda());
    scores.add(
        score(
            "logistic",
            logistic.predict(s.valid().matrix()),
            yValid,
            logistic.predict(s.test().matrix()),
            yTest,
            options));

    XgbClassifier xgb =
        XgbClassifier.train(
            s.train().featureNames(),
            s.train().matrix(),
            yTrain,
            s.valid().matrix(),
            yValid,
            options.xgboost());
    double[][] testRows = s.test().matrix();
    scores.add(
        score(
            "xgboost",
            xgb.predict(s.valid().matrix()),
            yValid,
            xgb.predict(testRows),
            yTest,
            options));

    int h = horizonDays;
    baseline(
        scores,
        "baseline:bought-last-H-days",
        s,
        yTrain,
        yValid,
        yTest,
        options,
        set -> {
          double[] days = set.column("days_since_last_purchase");
          double[] out = new double[days.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = days[i] <= h ? 1 : 0;
          }
          return out;
        });
    baseline(
        scores,
        "baseline:recency-rank",
        s,
        yTrain,
        yValid,
        yTest,
        options,
        set -> {
          double[] days = set.column("days_since_last_purchase");
          double[] out = new double[days.length];
          for (int i = 0; i < out.length; i++) {
            out[i] = -days[i];
          }
          return out;
        });
    Map<Instant, BtydScores> btyd = new LinkedHashMap<>();
    baseline(
        scores,
        "baseline:btyd-expected-purchases",
        s,
        yTrain,
        yValid,
        yTest,
        options,
        set -> btydByCutoff(set, btyd, true));
    baseline(
        scores,
        "baseline:btyd-p-alive",
        s,
        yTrain,
        yValid,
        yTest,
        options,
        set -> btydByCutoff(set, btyd, false));

    scores.sort(Comparator.comparingDouble(TaskEvaluation.ModelScore::auc).reversed());
    Map<String, Double> importance = new LinkedHashMap<>();
    xgb.importance(testRows).entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .forEach(e -> importance.put(e.getKey(), e.getValue()));
    int positives = 0;
    for (boolean y : yTest) {
      positives += y ? 1 : 0;
    }
    TaskEvaluation.Holdout holdout =
        new TaskEvaluation.Holdout(
            s.split().test(),
            yTest.length,
            positives,
            positives / (double) yTest.length,
            s.split().train(),
            yTrain.length,
            s.split().validation(),
            yValid.length);
    return new TaskEvaluation(task.cliName(), horizonDays, holdout, scores, importance);
  }

  /** Scores a row set for a baseline (one number per row, higher = more likely positive). */
  interface BaselineScore {
    double[] apply(TrainingSet set);
  }

  private static void baseline(
      List<TaskEvaluation.ModelScore> scores,
      String name,
      Splits s,
      boolean[] yTrain,
      boolean[] yValid,
      boolean[] yTest,
      EvaluationOptions options,
      BaselineScore scorer) {
    LogisticRegression calibration =
        LogisticRegression.fit(name, column(scorer.apply(s.train())), yTrain, 0);
    scores.add(
        score(
            name,
            calibration.predict(column(scorer.apply(s.valid()))),
            yValid,
            calibration.predict(column(scorer.apply(s.test()))),
            yTest,
            options));
  }

  private static double[] btydByCutoff(
      TrainingSet set, Map<Instant, BtydScores> cache, boolean expected) {
    double[] out = new double[set.size()];
    Set<Instant> cutoffs = new HashSet<>();
    for (int i = 0; i < set.size(); i++) {
      cutoffs.add(set.cutoff(i));
    }
    for (Instant cutoff : cutoffs) {
      TrainingSet rows = set.atCutoff(cutoff);
      BtydScores btyd = cache.computeIfAbsent(cutoff, c -> BtydScores.of(rows));
      int k = 0;
      for (int i = 0; i < set.size(); i++) {
        if (set.cutoff(i).equals(cutoff)) {
          out[i] = expected ? btyd.expected[k] : btyd.alive[k];
          k++;
        }
      }
    }
    return out;
  }

  private static double[][] column(double[] values) {
    double[][] rows = new double[values.length][1];
    for (int i = 0; i < values.length; i++) {
      rows[i][0] = values[i];
    }
    return rows;
  }

  /**
   * Scores one model on the holdout: threshold by best F1 on the validation probabilities, then
   * every holdout metric.
   */
  public static TaskEvaluation.ModelScore score(
      String name,
      double[] pValid,
      boolean[] yValid,
      double[] pTest,
      boolean[] yTest,
      EvaluationOptions options) {
    double threshold = Metrics.bestF1Threshold(pValid, yValid);
    double[] prf = Metrics.atThreshold(pTest, yTest, threshold);
    List<TaskEvaluation.TopK> top = new ArrayList<>();
    for (double fraction : options.topFractions()) {
      double[] t = Metrics.topFraction(pTest, yTest, fraction);
      top.add(new TaskEvaluation.TopK(fraction, t[0], t[1], t[2]));
    }
    return new TaskEvaluation.ModelScore(
        name,
        Metrics.auc(pTest, yTest),
        Metrics.averagePrecision(pTest, yTest),
        prf[2],
        Metrics.logLoss(pTest, yTest),
        Metrics.brier(pTest, yTest),
        prf[0],
        prf[1],
        threshold,
        top,
        Metrics.calibration(pTest, yTest, 10));
  }
}
