package org.shopcast.predict.registry;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.shopcast.predict.sequence.SequenceOptions;
import org.shopcast.predict.tasks.UserTask;

/**
 * What {@code shopcast train} asks for.
 *
 * @param task the task
 * @param horizonDays the label window H
 * @param model xgboost or logistic (clv: xgboost only), or gru (purchase and churn only)
 * @param trainCutoffs how many training cutoffs, one horizon apart (when {@code cutoffs} is empty)
 * @param cutoffs explicit training cutoffs (empty: planned); validation and holdout are planned
 * @param seed the booster's random seed
 * @param periods time-to-purchase: at most this many hazard periods over H
 * @param sequence the GRU's settings (model gru; its seed is replaced by {@code seed})
 */
public record TrainRequest(
    UserTask task,
    int horizonDays,
    String model,
    int trainCutoffs,
    List<Instant> cutoffs,
    long seed,
    int periods,
    SequenceOptions sequence) {

  /** The learners {@code --model} takes. */
  public static final List<String> MODELS = List.of("xgboost", "logistic", "gru");

  /** Validates the request. */
  public TrainRequest {
    Objects.requireNonNull(task, "task");
    cutoffs = List.copyOf(cutoffs);
    if (horizonDays < 1) {
      throw new IllegalArgumentException("--horizon-days must be >= 1, got " + horizonDays);
    }
    if (!MODELS.contains(model)) {
      throw new IllegalArgumentException(
          "--model must be xgboost, logistic or gru, got '" + model + "'");
    }
    if (model.equals("gru") && !task.isBinary()) {
      throw new IllegalArgumentException(
          "the gru model is for purchase and churn only, got --task " + task);
    }
    sequence = Objects.requireNonNull(sequence, "sequence").withSeed(seed);
    if (task == UserTask.CLV && !model.equals("xgboost")) {
      throw new IllegalArgumentException(
          "the clv task is a regression: --model must be xgboost, got '" + model + "'");
    }
    if (trainCutoffs < 1) {
      throw new IllegalArgumentException("training cutoffs must be >= 1, got " + trainCutoffs);
    }
    if (periods < 1) {
      throw new IllegalArgumentException("--periods must be >= 1, got " + periods);
    }
  }
}
