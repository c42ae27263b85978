package org.shopcast.cli.predict;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.explain.Explainer;
import org.shopcast.predict.explain.Explanation;
import org.shopcast.predict.explain.GruOcclusion;
import org.shopcast.predict.registry.ModelRegistry;
import org.shopcast.predict.registry.RegistryEntry;
import org.shopcast.predict.registry.SavedModel;
import org.shopcast.predict.sequence.SequenceEvaluator;
import org.shopcast.predict.tasks.TaskRows;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast explain}: why the XGBoost (or a saved GRU) model scores a user as it does. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a user's current score: uses the task's saved XGBoost model from the registry"
          + " (`shopcast train`; --model-id, default the newest of the task and horizon; without"
          + " one it trains on the fly as evaluate --task does), scores the user's features from"
          + " all events, and lists the largest SHAP contributions in plain words, e.g."
          + " \"3 cart adds in the last 7 days: +0.21\" (log-odds). A saved GRU model (--model-id)"
          + " has no SHAP values: its reasons are occlusions of event types (the log-odds change"
          + " when that type's events are removed from the events it reads).",
    })
public final class ExplainCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--user", required = true, paramLabel = "U", description = "The user id.")
  String user;

  @Option(
      names = "--task",
      paramLabel = "TASK",
      defaultValue = "purchase",
      description = "purchase | churn (default: ${DEFAULT-VALUE}).")
  String task;

  @Option(
      names = "--horizon-days",
      paramLabel = "H",
      defaultValue = "30",
      description = "Prediction window in days (default: ${DEFAULT-VALUE}).")
  int horizonDays;

  @Option(
      names = "--model-id",
      paramLabel = "ID",
      description =
          "A registered xgboost (SHAP) or gru (occlusion) model of the task (its horizon"
              + " replaces --horizon-days);"
              + " default: the newest one with --horizon-days, else train on the fly.")
  String modelId;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "5",
      description = "Reasons shown (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: user, task, horizonDays, cutoff, probability, baseProbability,"
              + " reasons [{feature, value, contribution, text}], importance.")
  boolean json;

  @Override
  public Integer call() {
    Task parsed = Task.fromName(task);
    if (horizonDays < 1) {
      throw new IllegalArgumentException("--horizon-days must be >= 1, got " + horizonDays);
    }
    Explanation e;
    String usedModel = null;
    String method = "shap";
    try (EventStore store = EventStore.open(root.workspace())) {
      ModelRegistry registry = new ModelRegistry(store.connection(), root.workspace());
      RegistryEntry entry = null;
      if (modelId != null) {
        entry = registry.resolve(modelId, parsed.cliName());
      } else {
        for (RegistryEntry candidate : registry.list()) {
          if (candidate.task().equals(parsed.cliName())
              && candidate.model().equals("xgboost")
              && candidate.horizonDays() == horizonDays) {
            entry = candidate;
          }
        }
      }
      if (entry == null) {
        e =
            Explainer.explain(
                store.connection(), parsed, horizonDays, user, top, new EvaluationOptions());
      } else {
        SavedModel saved = SavedModel.load(registry, entry);
        if (entry.model().equals(SequenceEvaluator.NAME)) {
          method = "occlusion";
          e =
              GruOcclusion.explain(
                  store.connection(),
                  parsed,
                  entry.horizonDays(),
                  user,
                  top,
                  saved.gru(),
                  TaskRows.now(store.connection()));
        } else {
          e =
              Explainer.explain(
                  store.connection(),
                  parsed,
                  entry.horizonDays(),
                  user,
                  top,
                  saved.xgboostClassifier(),
                  TaskRows.now(store.connection()));
        }
        usedModel = entry.id();
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode node = Json.mapper().valueToTree(e);
      node.put("modelId", usedModel);
      node.put("method", method);
      Json.print(out, node);
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "user %s: %s within %d days, probability %.3f (average user %.3f), from events before"
            + " %s%n",
        e.user(),
        e.task(),
        e.horizonDays(),
        e.probability(),
        e.baseProbability(),
        e.cutoff());
    out.println(
        usedModel == null
            ? "  (no saved model of this task and horizon: trained on the fly)"
            : "  (model "
                + usedModel
                + " from the registry"
                + (method.equals("occlusion")
                    ? "; a GRU: per-user SHAP is for XGBoost models, these are occlusions of"
                        + " event types, log-odds without that type's events)"
                    : ")"));
    for (Explanation.Reason r : e.reasons()) {
      out.println("  " + r.text());
    }
    out.flush();
    return 0;
  }
}
