package org.shopcast.predict.sequence;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.eval.TaskEvaluation;
import org.shopcast.predict.eval.TaskEvaluator;

/**
 * Adds the GRU to a temporal-holdout evaluation: the same cutoffs and rows as {@link TaskEvaluator}
 * (so the same users and labels as XGBoost), the GRU trained on the training cutoffs' sequences
 * with early stopping on the validation cutoff, its threshold chosen on the validation cutoff, and
 * scored on the holdout beside the other models.
 */
public final class SequenceEvaluator {
  /** The GRU's name in the evaluation table. */
  public static final String NAME = "gru";

  private SequenceEvaluator() {}

  /**
   * The GRU and its holdout score.
   *
   * @param model the trained model
   * @param score its holdout metrics
   */
  public record Scored(GruModel model, TaskEvaluation.ModelScore score) {}

  /**
   * Runs {@link TaskEvaluator#evaluate} and adds the GRU's row (models re-sorted by AUC).
   *
   * @throws IllegalArgumentException as {@link TaskEvaluator#evaluate} does
   */
  public static TaskEvaluation evaluate(
      Connection connection,
      Task task,
      int horizonDays,
      EvaluationOptions options,
      SequenceOptions sequenceOptions) {
    Objects.requireNonNull(sequenceOptions, "sequenceOptions");
    TaskEvaluation base = TaskEvaluator.evaluate(connection, task, horizonDays, options);
    TaskEvaluator.Splits splits =
        TaskEvaluator.splits(connection, task, horizonDays, options.trainCutoffs());
    if (splits.test().size() != base.holdout().rows()
        || splits.train().size() != base.holdout().trainRows()) {
      throw new IllegalStateException("the store changed during the evaluation");
    }
    Scored gru = score(connection, task, splits, options, sequenceOptions);
    List<TaskEvaluation.ModelScore> models = new ArrayList<>(base.models());
    models.add(gru.score());
    models.sort(Comparator.comparingDouble(TaskEvaluation.ModelScore::auc).reversed());
    return new TaskEvaluation(
        base.task(), base.horizonDays(), base.holdout(), models, base.importance());
  }

  /** Trains the GRU on {@code splits} and scores it on the holdout. */
  public static Scored score(
      Connection connection,
      Task task,
      TaskEvaluator.Splits splits,
      EvaluationOptions options,
      SequenceOptions sequenceOptions) {
    boolean[] yTrain = task.labels(splits.train());
    boolean[] yValid = task.labels(splits.valid());
    boolean[] yTest = task.labels(splits.test());
    EventSequences train = EventSequences.of(connection, splits.train(), sequenceOptions);
    EventSequences valid = EventSequences.of(connection, splits.valid(), sequenceOptions);
    EventSequences test = EventSequences.of(connection, splits.test(), sequenceOptions);
    GruModel model = GruTrainer.train(train, yTrain, valid, yValid, sequenceOptions);
    TaskEvaluation.ModelScore score =
        TaskEvaluator.score(
            NAME, model.predict(valid), yValid, model.predict(test), yTest, options);
    return new Scored(model, score);
  }
}
