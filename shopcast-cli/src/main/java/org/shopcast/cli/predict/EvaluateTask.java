package org.shopcast.cli.predict;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.eval.TaskEvaluation;
import org.shopcast.predict.eval.TaskEvaluator;
import org.shopcast.predict.sequence.SequenceEvaluator;
import org.shopcast.predict.tasks.UserTask;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options and run of {@code shopcast evaluate --task}: the temporal-holdout evaluation of a
 * per-user task, models and baselines side by side. A mixin of {@code EvaluateCommand}.
 */
public final class EvaluateTask {
  /** Description lines for the command that mixes these options in. */
  public static final String DESCRIPTION =
      "With --task: evaluate a per-user prediction task on a temporal holdout of the workspace"
          + " store, models trained on point-in-time rows of earlier cutoffs beside naive"
          + " baselines. purchase/churn: logistic regression and XGBoost beside bought in the last"
          + " H days, recency rank, BG/NBD expected purchases and P(alive) (AUC, PR-AUC, F1, log"
          + " loss, Brier, lift). clv: XGBoost Tweedie regression beside the last H days' spend"
          + " and BG/NBD x Gamma-Gamma expected spend (MAE, RMSE, Spearman, Gini)."
          + " time-to-purchase: logistic and XGBoost discrete-time hazard models beside BG/NBD"
          + " timing and recency (concordance, MAE in days on the buyers, AUC of P(within H))."
          + " The same code as `train`. The holdout cutoff is the last whole horizon before the"
          + " end of the data; the validation cutoff (early stopping, thresholds) one horizon"
          + " earlier; the training cutoffs one horizon apart before that.";

  @Option(
      names = "--task",
      paramLabel = "TASK",
      description =
          "purchase (buys in the next H days) | churn (a buyer who does not buy again) | clv"
              + " (spend in the next H days) | time-to-purchase (days to the next purchase,"
              + " censored at H).")
  String task;

  @Option(
      names = "--horizon-days",
      paramLabel = "H",
      defaultValue = "30",
      description = "Label window in days (default: ${DEFAULT-VALUE}).")
  int horizonDays;

  @Option(
      names = "--train-cutoffs",
      paramLabel = "N",
      defaultValue = "3",
      description = "Training cutoffs, one horizon apart (default: ${DEFAULT-VALUE}).")
  int trainCutoffs;

  @Mixin HazardOptions hazard;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      split = ",",
      description =
          "Extra models scored beside the default ones (purchase and churn): gru (a GRU over"
              + " each user's most recent events before the cutoff, trained with DJL on the"
              + " PyTorch CPU engine, early stopping on the validation cutoff; see"
              + " docs/predict.md).")
  List<String> models = List.of();

  @Mixin GruOptions gruOptions;

  @Option(
      names = "--gru-seed",
      paramLabel = "SEED",
      defaultValue = "42",
      description = "With --model gru: the training seed (default: ${DEFAULT-VALUE}).")
  long gruSeed;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: task, horizonDays, holdout {cutoff, rows, positives, ...},"
              + " models [{name, auc, prAuc, f1, logLoss, brier, precision, recall, threshold,"
              + " top, calibration}], importance. clv: models [{name, mae, rmse, spearman,"
              + " gini}]; time-to-purchase: models [{name, concordance, maeObservedDays,"
              + " aucWithinHorizon}]; both with trainCutoffs and validationCutoff.")
  boolean json;

  /** Whether {@code --task} was given. */
  public boolean requested() {
    return task != null;
  }

  /** Runs the evaluation on the store in {@code workspace}, printing to {@code out}. */
  public int run(Path workspace, PrintWriter out) {
    UserTask userTask = UserTask.fromName(task);
    if (horizonDays < 1) {
      throw new IllegalArgumentException("--horizon-days must be >= 1, got " + horizonDays);
    }
    EvaluationOptions options = new EvaluationOptions().withTrainCutoffs(trainCutoffs);
    if (!userTask.isBinary()) {
      if (!models.isEmpty()) {
        throw new IllegalArgumentException(
            "--model gru is for purchase and churn only, got --task " + userTask);
      }
      return TaskTables.run(workspace, userTask, horizonDays, options, hazard.periods(), json, out);
    }
    Task parsed = userTask.binary();
    boolean gru = false;
    for (String model : models) {
      if (!SequenceEvaluator.NAME.equals(model)) {
        throw new IllegalArgumentException("--model must be gru, got '" + model + "'");
      }
      gru = true;
    }
    TaskEvaluation result;
    try (EventStore store = EventStore.open(workspace)) {
      result =
          gru
              ? SequenceEvaluator.evaluate(
                  store.connection(),
                  parsed,
                  horizonDays,
                  options,
                  gruOptions.options().withSeed(gruSeed))
              : TaskEvaluator.evaluate(store.connection(), parsed, horizonDays, options);
    }
    if (json) {
      Json.print(out, result);
      return 0;
    }
    TaskEvaluation.Holdout h = result.holdout();
    out.printf(
        Locale.ROOT,
        "task %s, horizon %d days, holdout cutoff %s: %,d users, %.1f%% positive"
            + " (trained on %,d rows of %d cutoffs)%n",
        result.task(),
        result.horizonDays(),
        h.cutoff(),
        h.rows(),
        100 * h.positiveRate(),
        h.trainRows(),
        h.trainCutoffs().size());
    out.printf(
        "%-34s %6s %6s %6s %8s %6s %9s%n",
        "model", "AUC", "PR-AUC", "F1", "logloss", "Brier", "lift@10%");
    for (TaskEvaluation.ModelScore m : result.models()) {
      double lift = Double.NaN;
      for (TaskEvaluation.TopK t : m.top()) {
        if (Math.abs(t.fraction() - 0.1) < 1e-9) {
          lift = t.lift();
        }
      }
      out.printf(
          Locale.ROOT,
          "%-34s %6.3f %6.3f %6.3f %8.4f %6.4f %9.2f%n",
          m.name(),
          m.auc(),
          m.prAuc(),
          m.f1(),
          m.logLoss(),
          m.brier(),
          lift);
    }
    out.println("top features (mean |SHAP|, XGBoost):");
    int shown = 0;
    for (Map.Entry<String, Double> e : result.importance().entrySet()) {
      if (shown++ == 5) {
        break;
      }
      out.printf(Locale.ROOT, "  %-30s %.3f%n", e.getKey(), e.getValue());
    }
    out.flush();
    return 0;
  }
}
