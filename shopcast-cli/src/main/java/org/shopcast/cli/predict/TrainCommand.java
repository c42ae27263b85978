package org.shopcast.cli.predict;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.registry.ModelRegistry;
import org.shopcast.predict.registry.ModelTrainer;
import org.shopcast.predict.registry.RegistryEntry;
import org.shopcast.predict.registry.TrainRequest;
import org.shopcast.predict.tasks.UserTask;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast train}: train a task's model and register it in the workspace. */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train a per-user model on the workspace store and register it: point-in-time rows of the"
          + " training cutoffs, early stopping on the validation cutoff, metrics (with baselines)"
          + " on the holdout cutoff, as in evaluate --task. The model file goes to"
          + " <workspace>/models/<id>/ and a row with its provenance (task, options, data"
          + " fingerprint, cutoffs, metrics, code version, seed, created-at) to the"
          + " model_registry table, atomically. Tasks: purchase (buys in the next H days), churn"
          + " (a buyer who does not), clv (spend in the next H days; XGBoost Tweedie regression),"
          + " time-to-purchase (days to the next purchase, censored at H; discrete-time hazard"
          + " model). Score users with `shopcast predict`, list models with `shopcast models`.",
      "Recommendation lists are trained by the recs subcommand: `shopcast train recs`."
    },
    subcommands = {org.shopcast.cli.recommend.TrainRecsCommand.class})
public final class TrainCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--task",
      paramLabel = "TASK",
      description = "purchase | churn | clv | time-to-purchase (required unless --list).")
  String task;

  @Option(
      names = "--horizon-days",
      paramLabel = "H",
      defaultValue = "30",
      description = "Label window in days (default: ${DEFAULT-VALUE}).")
  int horizonDays;

  @Option(
      names = "--model",
      paramLabel = "MODEL",
      defaultValue = "xgboost",
      description =
          "xgboost | logistic | gru (default: ${DEFAULT-VALUE}); for time-to-purchase the hazard"
              + " classifier; clv takes xgboost only; gru (purchase and churn: a GRU over each"
              + " user's most recent events, trained with DJL on the PyTorch CPU engine, early"
              + " stopping on the validation cutoff; saved as model.params + gru.json).")
  String model;

  @Mixin GruOptions gru;

  @Option(
      names = "--cutoffs",
      paramLabel = "N|DATES",
      defaultValue = "3",
      description =
          "Training cutoffs: a count, one horizon apart before the validation cutoff (default:"
              + " ${DEFAULT-VALUE}), or comma-separated dates (YYYY-MM-DD, UTC midnight) whose"
              + " label windows end by the validation cutoff.")
  String cutoffs;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "42",
      description = "XGBoost's or the GRU's random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Mixin HazardOptions hazard;

  @Option(names = "--list", description = "List the registered models instead (as `models`).")
  boolean list;

  @Option(
      names = "--json",
      description =
          "Print the registry entry as JSON: id, task, model, horizonDays, options,"
              + " dataFingerprint, trainCutoffs, validationCutoff, testCutoff, metrics {holdout,"
              + " models}, featureNames, trees, codeVersion, seed, createdAt, path.")
  boolean json;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (list) {
      return ModelsCommand.print(root.workspace(), json, out);
    }
    if (task == null) {
      throw new IllegalArgumentException("--task is required (or --list)");
    }
    UserTask parsed = UserTask.fromName(task);
    int count = 3;
    List<Instant> dates = new ArrayList<>();
    if (cutoffs.matches("\\d+")) {
      count = Integer.parseInt(cutoffs);
    } else {
      for (String part : cutoffs.split(",")) {
        try {
          dates.add(LocalDate.parse(part.trim()).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException(
              "--cutoffs must be a count or dates YYYY-MM-DD, got '" + part.trim() + "'", e);
        }
      }
    }
    TrainRequest request =
        new TrainRequest(
            parsed,
            horizonDays,
            model.toLowerCase(Locale.ROOT),
            count,
            dates,
            seed,
            hazard.periods(),
            gru.options());
    RegistryEntry entry;
    try (EventStore store = EventStore.open(root.workspace())) {
      ModelRegistry registry = new ModelRegistry(store.connection(), root.workspace());
      entry = ModelTrainer.train(registry, store.connection(), request);
    }
    if (json) {
      Json.print(out, entry);
      return 0;
    }
    out.printf(
        Locale.ROOT,
        "registered %s: %s %s, horizon %d days, trained on %d cutoffs (%s .. %s), holdout %s%n",
        entry.id(),
        entry.task(),
        entry.model(),
        entry.horizonDays(),
        entry.trainCutoffs().size(),
        entry.trainCutoffs().get(0),
        entry.trainCutoffs().get(entry.trainCutoffs().size() - 1),
        entry.testCutoff());
    Object models = entry.metrics().get("models");
    if (models instanceof List<?> list) {
      for (Object m : list) {
        if (m instanceof Map<?, ?> row) {
          StringBuilder line =
              new StringBuilder(String.format(Locale.ROOT, "  %-28s", row.get("name")));
          for (Map.Entry<?, ?> e : row.entrySet()) {
            if (!e.getKey().equals("name") && e.getValue() instanceof Number n) {
              line.append(String.format(Locale.ROOT, " %s %.4f", e.getKey(), n.doubleValue()));
            }
          }
          out.println(line);
        }
      }
    }
    out.printf("model files: %s%n", root.workspace().resolve(entry.path()));
    out.flush();
    return 0;
  }
}
