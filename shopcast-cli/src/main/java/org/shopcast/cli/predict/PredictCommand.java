package org.shopcast.cli.predict;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.registry.ModelRegistry;
import org.shopcast.predict.registry.ModelScorer;
import org.shopcast.predict.registry.RegistryEntry;
import org.shopcast.predict.registry.SavedModel;
import org.shopcast.predict.tasks.UserTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast predict}: score every user with a registered model. */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Score every user of the task's population with a registered model (no retraining), from"
          + " the events up to the end of the data (as of the day after the last event), into the"
          + " store's `scores` table (model_id, task, user_id, as_of, score, median_days,"
          + " within_days, scored_at; the model's earlier scores are replaced). score is the"
          + " probability for purchase and churn, the expected spend for clv, and P(purchase"
          + " within --within-days) for time-to-purchase, whose median_days is the predicted"
          + " median day (empty when beyond the horizon)."
    })
public final class PredictCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--task",
      required = true,
      paramLabel = "TASK",
      description = "purchase | churn | clv | time-to-purchase.")
  String task;

  @Option(
      names = "--model-id",
      paramLabel = "ID",
      defaultValue = "latest",
      description = "A registered model id, or latest (the task's newest; default).")
  String modelId;

  @Option(
      names = "--within-days",
      paramLabel = "D",
      defaultValue = "0",
      description = "time-to-purchase: score = P(purchase within D days); 0 = the horizon.")
  int withinDays;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also export the scores, highest first, to FILE.csv or FILE.parquet.")
  Path outFile;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: modelId, task, asOf, users, meanScore, withinDays, table, out.")
  boolean json;

  @Override
  public Integer call() {
    UserTask parsed = UserTask.fromName(task);
    if (withinDays < 0) {
      throw new IllegalArgumentException("--within-days must be >= 0, got " + withinDays);
    }
    if (withinDays > 0 && parsed != UserTask.TIME_TO_PURCHASE) {
      throw new IllegalArgumentException("--within-days applies to time-to-purchase only");
    }
    if (outFile != null) {
      String name = outFile.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".csv") && !name.endsWith(".parquet")) {
        throw new IllegalArgumentException(
            "--out must end in .csv or .parquet, got '" + outFile.getFileName() + "'");
      }
    }
    ModelScorer.Prediction p;
    try (EventStore store = EventStore.open(root.workspace())) {
      ModelRegistry registry = new ModelRegistry(store.connection(), root.workspace());
      RegistryEntry entry = registry.resolve(modelId, parsed.cliName());
      p = ModelScorer.predict(store.connection(), SavedModel.load(registry, entry), withinDays);
      if (outFile != null) {
        ModelScorer.export(store.connection(), entry.id(), outFile);
      }
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("modelId", p.modelId());
      result.put("task", p.task());
      result.put("asOf", p.asOf().toString());
      result.put("users", p.users());
      result.put("meanScore", p.meanScore());
      result.put("withinDays", p.withinDays());
      result.put("table", p.table());
      result.put("out", outFile == null ? null : outFile.toString());
      Json.print(out, result);
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "scored %,d users with %s (%s) as of %s into table %s; mean score %.4f%n",
        p.users(),
        p.modelId(),
        p.task(),
        p.asOf(),
        p.table(),
        p.meanScore());
    if (outFile != null) {
      out.printf("exported to %s%n", outFile);
    }
    out.flush();
    return 0;
  }
}
