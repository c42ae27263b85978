package org.shopcast.cli.predict;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast explain}: why the XGBoost model scores a user as it does. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = {
      "Explain a user's current score: trains the task's XGBoost model on the workspace store"
          + " (temporal split as in evaluate --task), scores the user's features from all events,"
          + " and lists the largest SHAP contributions in plain words, e.g."
          + " \"3 cart adds in the last 7 days: +0.21\" (log-odds)."
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
    try (EventStore store = EventStore.open(root.workspace())) {
      e =
          Explainer.explain(
              store.connection(), parsed, horizonDays, user, top, new EvaluationOptions());
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, e);
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
    for (Explanation.Reason r : e.reasons()) {
      out.println("  " + r.text());
    }
    out.flush();
    return 0;
  }
}
