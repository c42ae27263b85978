package org.shopcast.predict.tasks;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.model.XgbClassifier;
import org.shopcast.predict.model.XgbRegressor;

/**
 * The {@code clv} task, spend in the next H days: XGBoost regression ({@link XgbRegressor},
 * Tweedie, early stopping on the validation cutoff) trained on the training cutoffs and scored on
 * the holdout cutoff beside two baselines: the spend of the last H days ({@code
 * baseline:last-H-spend}) and the BG/NBD x Gamma-Gamma expected spend ({@code
 * baseline:bgnbd-gamma-gamma}, fitted on the holdout cutoff's own point-in-time summaries).
 * Metrics: MAE, RMSE, Spearman's rho and the normalised Gini ({@link RegressionMetrics}).
 */
public final class ClvEvaluator {
  private ClvEvaluator() {}

  /**
   * One model's holdout metrics.
   *
   * @param name model or baseline name
   * @param mae mean absolute error
   * @param rmse root mean squared error
   * @param spearman rank correlation of predicted and actual spend
   * @param gini normalised Gini of the ranking (1 = perfect order, 0 = random)
   */
  public record Score(String name, double mae, double rmse, double spearman, double gini) {}

  /**
   * The holdout.
   *
   * @param cutoff the holdout cutoff
   * @param rows holdout users
   * @param buyers users who spent in the window
   * @param meanSpend mean actual spend
   * @param trainRows training rows
   * @param validationRows validation rows
   */
  public record Holdout(
      Instant cutoff, int rows, int buyers, double meanSpend, int trainRows, int validationRows) {}

  /**
   * The trained model and its evaluation.
   *
   * @param model the regressor
   * @param holdout what it was scored on
   * @param scores model and baselines, lowest MAE first
   */
  public record Result(XgbRegressor model, Holdout holdout, List<Score> scores) {}

  /** The actual spend of every row. */
  public static double[] targets(TrainingSet set) {
    double[] y = new double[set.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = Math.max(0, set.spend(i));
    }
    return y;
  }

  /**
   * Plans the temporal split of the store ({@link TemporalSplit#plan}), builds the rows and runs
   * {@link #run} ({@code shopcast evaluate --task clv}; {@code train} runs the same on its split).
   *
   * @throws IllegalArgumentException as {@link #run} does, or when the data is too short
   */
  public static Result evaluate(Connection connection, int horizonDays, EvaluationOptions options) {
    TemporalSplit split = TemporalSplit.plan(connection, horizonDays, options.trainCutoffs());
    return run(connection, TaskRows.build(connection, UserTask.CLV, split), options.xgboost());
  }

  /**
   * Trains and evaluates.
   *
   * @throws IllegalArgumentException when a split has no rows or nobody spent in the training rows
   */
  public static Result run(Connection connection, TaskRows rows, XgbClassifier.Options options) {
    for (TrainingSet part : List.of(rows.train(), rows.valid(), rows.test())) {
      if (part.size() == 0) {
        throw new IllegalArgumentException("a split has no rows; try another --horizon-days");
      }
    }
    double[] yTrain = targets(rows.train());
    double[] yTest = targets(rows.test());
    double spent = 0;
    for (double y : yTrain) {
      spent += y;
    }
    if (spent == 0) {
      throw new IllegalArgumentException(
          "nobody spent in the training label windows; try a longer --horizon-days");
    }
    XgbRegressor model =
        XgbRegressor.train(
            rows.train().featureNames(),
            rows.train().matrix(),
            yTrain,
            rows.valid().matrix(),
            targets(rows.valid()),
            options);
    List<Score> scores = new ArrayList<>();
    scores.add(score("xgboost", model.predict(rows.test().matrix()), yTest));
    scores.add(
        score("baseline:last-H-spend", TaskRows.spendLastHorizon(connection, rows.test()), yTest));
    Map<Instant, BtydRows> btyd = BtydRows.byCutoff(rows.test());
    BtydRows fitted = btyd.get(rows.split().test());
    double[] expected = new double[rows.test().size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = fitted.expectedSpend(i, rows.split().horizonDays());
    }
    scores.add(score("baseline:bgnbd-gamma-gamma", expected, yTest));
    scores.sort(Comparator.comparingDouble(Score::mae));
    int buyers = 0;
    double sum = 0;
    for (double y : yTest) {
      buyers += y > 0 ? 1 : 0;
      sum += y;
    }
    Holdout holdout =
        new Holdout(
            rows.split().test(),
            yTest.length,
            buyers,
            sum / yTest.length,
            rows.train().size(),
            rows.valid().size());
    return new Result(model, holdout, scores);
  }

  private static Score score(String name, double[] predicted, double[] actual) {
    return new Score(
        name,
        RegressionMetrics.mae(predicted, actual),
        RegressionMetrics.rmse(predicted, actual),
        RegressionMetrics.spearman(predicted, actual),
        RegressionMetrics.normalizedGini(predicted, actual));
  }
}
