package org.shopcast.cli.predict;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.registry.ModelRegistry;
import org.shopcast.predict.registry.RegistryEntry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast models}: the workspace's model registry. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = {
      "List the models registered by `shopcast train`, oldest first: id, task, model, horizon,"
          + " holdout metric of the model, data fingerprint and creation time."
    })
public final class ModelsCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description = "Print {\"models\": [registry entries as `train --json` prints them]}.")
  boolean json;

  @Override
  public Integer call() {
    return print(root.workspace(), json, spec.commandLine().getOut());
  }

  static int print(Path workspace, boolean json, PrintWriter out) {
    List<RegistryEntry> entries;
    try (EventStore store = EventStore.open(workspace)) {
      entries = new ModelRegistry(store.connection(), workspace).list();
    }
    if (json) {
      Json.print(out, Map.of("models", entries));
      return 0;
    }
    if (entries.isEmpty()) {
      out.println("no models registered; train one with: shopcast train --task purchase");
      out.flush();
      return 0;
    }
    out.printf(
        "%-24s %-17s %-8s %4s  %-22s %-24s %s%n",
        "id", "task", "model", "H", "holdout metric", "data", "created");
    for (RegistryEntry e : entries) {
      out.printf(
          Locale.ROOT,
          "%-24s %-17s %-8s %4d  %-22s %-24s %s%n",
          e.id(),
          e.task(),
          e.model(),
          e.horizonDays(),
          headline(e),
          e.dataFingerprint(),
          e.createdAt());
    }
    out.flush();
    return 0;
  }

  /** The model's main holdout figure: AUC, MAE or concordance. */
  private static String headline(RegistryEntry e) {
    if (e.metrics().get("models") instanceof List<?> models) {
      for (Object m : models) {
        if (m instanceof Map<?, ?> row
            && row.get("name") != null
            && !row.get("name").toString().startsWith("baseline:")) {
          for (String key : new String[] {"auc", "concordance", "mae"}) {
            if (row.get(key) instanceof Number n) {
              return String.format(Locale.ROOT, "%s %.4f", key, n.doubleValue());
            }
          }
        }
      }
    }
    return "-";
  }
}
