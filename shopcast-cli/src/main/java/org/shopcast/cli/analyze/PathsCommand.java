package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.shopcast.analytics.paths.Paths;
import org.shopcast.analytics.paths.PathsResult;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze paths}: transitions and the paths that end in a purchase. */
@Command(
    name = "paths",
    mixinStandardHelpOptions = true,
    description = {
      "Transitions between consecutive events of a session: the matrix between event types",
      "(with (exit) after the last event), the most frequent moves between categories, and",
      "the most frequent paths up to a session's first purchase (repeats collapsed)."
    })
final class PathsCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Category transitions and purchase paths to keep (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--json",
      description = "Print one JSON object: types, categories, toPurchase (lists of rows).")
  boolean json;

  @Override
  public Integer call() {
    PathsResult result;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      result = Paths.compute(store.connection(), top);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, result);
      return 0;
    }
    out.println("== transitions between event types");
    TextTable.print(out, result.types());
    out.println();
    out.println("== most frequent moves between categories");
    TextTable.print(out, result.categories());
    out.println();
    out.println("== most frequent paths to a purchase");
    TextTable.print(out, result.toPurchase());
    return 0;
  }
}
