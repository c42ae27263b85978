package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.FunnelResult;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze funnel}: conversion through ordered steps. */
@Command(
    name = "funnel",
    mixinStandardHelpOptions = true,
    description = {
      "Conversion funnel through ordered event types. Step 1 is a group's first event of the",
      "first type; step k the first event of the k-th type at or after step k-1, within one",
      "session (default) or within --within-hours of step 1. Per step: count of users (or",
      "sessions), conversion from the previous step and from the first, dropped, drop_rate,",
      "median seconds from the previous step."
    })
final class FunnelCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--steps",
      paramLabel = "TYPES",
      split = ",",
      defaultValue = "VIEW,CART_ADD,PURCHASE",
      description =
          "Comma-separated event types: VIEW, SEARCH, FAVORITE, CART_ADD, CART_REMOVE, PURCHASE,"
              + " RETURN (default: ${DEFAULT-VALUE}).")
  List<String> steps;

  @Option(
      names = "--per",
      paramLabel = "user|session",
      defaultValue = "user",
      description = "Count users or sessions (default: ${DEFAULT-VALUE}).")
  String per;

  @Option(
      names = "--within-hours",
      paramLabel = "N",
      defaultValue = "0",
      description = "Later steps within N hours of step 1; 0 = within one session (default).")
  int withinHours;

  @Option(
      names = "--by",
      paramLabel = "none|category|segment",
      defaultValue = "none",
      description =
          "One funnel per category (every step on an item of that category) or per user segment"
              + " (run analyze segments first) (default: ${DEFAULT-VALUE}).")
  FunnelOptions.Split by;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "With --by: the N groups with most first steps (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--json",
      description = "Print one JSON object: steps, unit, window, rows [{step, type, count, ...}].")
  boolean json;

  @Override
  public Integer call() {
    if (!per.equals("user") && !per.equals("session")) {
      throw new IllegalArgumentException("--per must be user or session, got '" + per + "'");
    }
    List<String> types = new ArrayList<>();
    steps.forEach(s -> types.add(s.trim().toUpperCase(Locale.ROOT)));
    FunnelOptions options = new FunnelOptions(types, per.equals("session"), withinHours, by, top);
    FunnelResult result;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      result = Funnels.compute(store.connection(), options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, result);
    } else {
      out.printf("funnel %s per %s within %s%n%n", result.steps(), result.unit(), result.window());
      TextTable.print(out, result.rows());
    }
    return 0;
  }
}
