package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.analytics.retention.Retention;
import org.shopcast.analytics.retention.RetentionOptions;
import org.shopcast.analytics.retention.RetentionResult;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze retention}: cohort retention matrix and repeat-purchase rate. */
@Command(
    name = "retention",
    mixinStandardHelpOptions = true,
    description = {
      "Cohorts by first activity (or first purchase) per local day or week; a user is",
      "retained in period k when active (or buying) k periods after the cohort's. Prints the",
      "retention matrix (rate = retained / cohort size) and the repeat-purchase rate (share",
      "of buyers with two or more orders)."
    })
final class RetentionCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--cohort",
      paramLabel = "activity|purchase",
      defaultValue = "activity",
      description = "Cohort by first activity or first purchase (default: ${DEFAULT-VALUE}).")
  String cohort;

  @Option(
      names = "--period",
      paramLabel = "day|week",
      defaultValue = "day",
      description = "Cohort and retention period (default: ${DEFAULT-VALUE}).")
  String period;

  @Option(
      names = "--measure",
      paramLabel = "active|purchase",
      defaultValue = "active",
      description = "Retained means active again or buying again (default: ${DEFAULT-VALUE}).")
  String measure;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone of the days and weeks (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: cohortBy, period, measure, zone, buyers, repeatPurchaseRate,"
              + " cohorts [{cohort, size, retention}], cells [{cohort, size, k, users, rate}].")
  boolean json;

  @Override
  public Integer call() {
    RetentionOptions options =
        new RetentionOptions(
            choice("--cohort", cohort, "activity", "purchase"),
            choice("--period", period, "day", "week"),
            choice("--measure", measure, "active", "purchase"),
            zone);
    RetentionResult result;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      result = Retention.compute(store.connection(), options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, result);
      return 0;
    }
    out.printf(
        "cohorts by %s per %s, retained = %s (%s)%nbuyers %d, repeat-purchase rate %.4f%n%n",
        result.cohortBy(),
        result.period(),
        result.measure(),
        result.zone(),
        result.buyers(),
        result.repeatPurchaseRate());
    int width = 0;
    for (Map<String, Object> c : result.cohorts()) {
      width = Math.max(width, ((List<?>) c.get("retention")).size());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> c : result.cohorts()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("cohort", c.get("cohort"));
      row.put("size", c.get("size"));
      List<?> rates = (List<?>) c.get("retention");
      for (int k = 0; k < width; k++) {
        row.put("k" + k, k < rates.size() ? rates.get(k) : null);
      }
      rows.add(row);
    }
    TextTable.print(out, rows);
    return 0;
  }

  /** True for the second choice, false for the first; a usage error for anything else. */
  private static boolean choice(String option, String value, String no, String yes) {
    if (value.equals(no)) {
      return false;
    }
    if (value.equals(yes)) {
      return true;
    }
    throw new IllegalArgumentException(
        option + " must be " + no + " or " + yes + ", got '" + value + "'");
  }
}
