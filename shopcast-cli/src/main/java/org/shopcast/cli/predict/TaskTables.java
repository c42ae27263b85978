package org.shopcast.cli.predict;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.tasks.ClvEvaluator;
import org.shopcast.predict.tasks.TimingEvaluator;
import org.shopcast.predict.tasks.UserTask;

/**
 * {@code evaluate --task clv|time-to-purchase}: runs the task's evaluator (the one {@code train}
 * runs) on the planned temporal split and prints its table or JSON.
 */
final class TaskTables {
  /** The hazard classifiers evaluated side by side for time-to-purchase. */
  static final List<String> HAZARD_MODELS = List.of("logistic", "xgboost");

  private TaskTables() {}

  static int run(
      Path workspace,
      UserTask task,
      int horizonDays,
      EvaluationOptions options,
      int periods,
      boolean json,
      PrintWriter out) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("task", task.cliName());
    result.put("horizonDays", horizonDays);
    try (EventStore store = EventStore.open(workspace)) {
      TemporalSplit split =
          TemporalSplit.plan(store.connection(), horizonDays, options.trainCutoffs());
      result.put("trainCutoffs", split.train());
      result.put("validationCutoff", split.validation());
      if (task == UserTask.CLV) {
        ClvEvaluator.Result clv = ClvEvaluator.evaluate(store.connection(), horizonDays, options);
        result.put("holdout", clv.holdout());
        result.put("models", clv.scores());
        if (!json) {
          printClv(out, task, horizonDays, split.train(), clv);
        }
      } else {
        TimingEvaluator.Result timing =
            TimingEvaluator.evaluate(
                store.connection(), horizonDays, options, HAZARD_MODELS, periods);
        result.put("holdout", timing.holdout());
        result.put("models", timing.scores());
        if (!json) {
          printTiming(out, task, horizonDays, split.train(), timing);
        }
      }
    }
    if (json) {
      Json.print(out, result);
    }
    out.flush();
    return 0;
  }

  private static void printClv(
      PrintWriter out, UserTask task, int h, List<Instant> train, ClvEvaluator.Result r) {
    ClvEvaluator.Holdout holdout = r.holdout();
    out.printf(
        Locale.ROOT,
        "task %s, horizon %d days, holdout cutoff %s: %,d users, %,d spent (%.1f%%), mean spend"
            + " %.3f (trained on %,d rows of %d cutoffs)%n",
        task,
        h,
        holdout.cutoff(),
        holdout.rows(),
        holdout.buyers(),
        holdout.rows() == 0 ? 0.0 : 100.0 * holdout.buyers() / holdout.rows(),
        holdout.meanSpend(),
        holdout.trainRows(),
        train.size());
    out.printf("%-30s %10s %10s %9s %7s%n", "model", "MAE", "RMSE", "Spearman", "Gini");
    for (ClvEvaluator.Score s : r.scores()) {
      out.printf(
          Locale.ROOT,
          "%-30s %10.3f %10.3f %9.4f %7.4f%n",
          s.name(),
          s.mae(),
          s.rmse(),
          s.spearman(),
          s.gini());
    }
  }

  private static void printTiming(
      PrintWriter out, UserTask task, int h, List<Instant> train, TimingEvaluator.Result r) {
    TimingEvaluator.Holdout holdout = r.holdout();
    out.printf(
        Locale.ROOT,
        "task %s, horizon %d days, holdout cutoff %s: %,d users, %,d bought within H (mean day"
            + " %.1f); trained on %,d rows of %d cutoffs (%,d person-period rows, %d periods of %d"
            + " days)%n",
        task,
        h,
        holdout.cutoff(),
        holdout.rows(),
        holdout.events(),
        holdout.meanEventDay(),
        holdout.trainRows(),
        train.size(),
        holdout.personPeriodRows(),
        holdout.periods(),
        holdout.periodDays());
    out.printf("%-30s %8s %17s %13s%n", "model", "C-index", "MAE days (buyers)", "AUC within H");
    for (TimingEvaluator.Score s : r.scores()) {
      out.printf(
          Locale.ROOT,
          "%-30s %8.4f %17s %13.4f%n",
          s.name(),
          s.concordance(),
          Double.isNaN(s.maeObservedDays())
              ? "-"
              : String.format(Locale.ROOT, "%.2f", s.maeObservedDays()),
          s.aucWithinHorizon());
    }
  }
}
