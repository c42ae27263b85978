package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.analytics.rfm.RfmResult;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze rfm}: RFM scores and named segments. */
@Command(
    name = "rfm",
    mixinStandardHelpOptions = true,
    description = {
      "RFM over buyers: recency (days from the last purchase to the store's last event),",
      "frequency (orders), monetary (revenue, or units without prices), each scored 1-5 by",
      "quintile of rank (ties share a score). Segments from the R x F grid: champions, loyal,",
      "potential loyalists, new, promising, need attention, about to sleep, at risk, cannot",
      "lose, hibernating, lost; with users, share and value per segment."
    })
final class RfmCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--users", description = "Also print every buyer's scores and segment.")
  boolean users;

  @Option(
      names = "--json",
      description = "Print one JSON object: asOf, valueUnit, buyers, segments, users.")
  boolean json;

  @Override
  public Integer call() {
    RfmResult result;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      result = Rfm.compute(store.connection(), users);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, result);
      return 0;
    }
    out.printf(
        "buyers %,d, as of %s, value = %s%n%n", result.buyers(), result.asOf(), result.valueUnit());
    TextTable.print(out, result.segments());
    if (users) {
      out.println();
      TextTable.print(out, result.users());
    }
    return 0;
  }
}
