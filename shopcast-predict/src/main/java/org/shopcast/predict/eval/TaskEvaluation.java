package org.shopcast.predict.eval;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The result of a temporal-holdout evaluation: the holdout, and every model and baseline scored on
 * it side by side.
 *
 * @param task the task name
 * @param horizonDays the label window
 * @param holdout what the models were scored on
 * @param models the models and baselines, best AUC first
 * @param importance XGBoost's mean absolute SHAP value per feature on the holdout, largest first
 */
public record TaskEvaluation(
    String task,
    int horizonDays,
    Holdout holdout,
    List<ModelScore> models,
    Map<String, Double> importance) {

  /**
   * The holdout and the cutoffs before it.
   *
   * @param cutoff the holdout cutoff (labels from [cutoff, cutoff + horizon))
   * @param rows holdout users
   * @param positives users with a positive label
   * @param positiveRate positives / rows
   * @param trainCutoffs the training cutoffs
   * @param trainRows training rows over all training cutoffs
   * @param validationCutoff the cutoff used for early stopping and thresholds
   * @param validationRows validation rows
   */
  public record Holdout(
      Instant cutoff,
      int rows,
      int positives,
      double positiveRate,
      List<Instant> trainCutoffs,
      int trainRows,
      Instant validationCutoff,
      int validationRows) {}

  /**
   * One model's holdout metrics.
   *
   * @param name model or baseline name
   * @param auc area under the ROC curve
   * @param prAuc average precision
   * @param f1 F1 at the threshold chosen on the validation cutoff
   * @param logLoss log loss of the probabilities
   * @param brier Brier score
   * @param precision precision at the threshold
   * @param recall recall at the threshold
   * @param threshold the probability threshold (best F1 on validation)
   * @param top precision, recall and lift in the top k%
   * @param calibration ten-bin calibration table
   */
  public record ModelScore(
      String name,
      double auc,
      double prAuc,
      double f1,
      double logLoss,
      double brier,
      double precision,
      double recall,
      double threshold,
      List<TopK> top,
      List<Metrics.CalibrationBin> calibration) {}

  /**
   * Precision, recall and lift of the top share of users by score.
   *
   * @param fraction the share (0.1 = top 10%)
   * @param precision positives among them
   * @param recall share of all positives they hold
   * @param lift precision over the base rate
   */
  public record TopK(double fraction, double precision, double recall, double lift) {}
}
