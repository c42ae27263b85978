package org.shopcast.cli.stats;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import org.shopcast.data.store.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast stats}: counts of the workspace's event store. */
@Command(
    name = "stats",
    mixinStandardHelpOptions = true,
    description =
        "Show how many events, users and items the store holds, its time range and events by type.")
public final class StatsCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description = "Print one JSON object: events, users, items, minTs, maxTs, byType.")
  boolean json;

  @Override
  public Integer call() {
    StoreStats stats;
    try (EventStore store = EventStore.open(root.workspace())) {
      stats = store.stats();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, stats);
    } else {
      print(out, stats);
    }
    return 0;
  }

  /** Prints the stats as a short text table. */
  public static void print(PrintWriter out, StoreStats stats) {
    out.printf("events %,d  users %,d  items %,d%n", stats.events(), stats.users(), stats.items());
    if (stats.minTs() != null) {
      out.printf("time   %s .. %s%n", stats.minTs(), stats.maxTs());
    }
    stats.byType().forEach((type, n) -> out.printf("  %-12s %,d%n", type, n));
    out.flush();
  }
}
