package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.analytics.profile.UserProfiles;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze profiles}: builds the user_profiles table. */
@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description = {
      "Build the store table user_profiles (one row per user: recency, frequency, revenue,",
      "tenure, activity by hour and weekday, favourite categories, cart abandonment, mean",
      "session length, last event type; see docs/analytics.md) and print its first rows."
    })
final class ProfilesCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone of the hours and weekdays (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--limit",
      paramLabel = "N",
      defaultValue = "20",
      description = "Rows to print, by user id; 0 for all (default: ${DEFAULT-VALUE}).")
  int limit;

  @Option(names = "--json", description = "Print one JSON object: table, users, rows.")
  boolean json;

  @Override
  public Integer call() {
    long users;
    List<Map<String, Object>> rows;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      users = UserProfiles.build(store.connection(), zone);
      rows = UserProfiles.read(store.connection(), limit);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("table", UserProfiles.TABLE);
      result.put("users", users);
      result.put("rows", rows);
      Json.print(out, result);
    } else {
      out.printf("table %s: %,d users%n%n", UserProfiles.TABLE, users);
      TextTable.print(out, rows);
    }
    return 0;
  }
}
