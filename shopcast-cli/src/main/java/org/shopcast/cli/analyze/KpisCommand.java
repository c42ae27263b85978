package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.kpi.KpiSeries;
import org.shopcast.analytics.kpi.Kpis;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze kpis}: KPI series at hour, day or week grain. */
@Command(
    name = "kpis",
    mixinStandardHelpOptions = true,
    description = {
      "KPI series per local hour, day or week, every bucket from the first to the last event",
      "(zeros where nothing happened): views, users, carts, favourites, orders, buyers,",
      "items_sold, revenue, view_to_cart, cart_to_purchase, view_to_purchase, buyer_share, aov.",
      "Conversion rates are shares of the bucket's users (e.g. users who viewed and carted /",
      "users who viewed); aov = revenue / orders."
    })
final class KpisCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--grain",
      paramLabel = "hour|day|week",
      defaultValue = "day",
      description = "Bucket width (default: ${DEFAULT-VALUE}).")
  KpiOptions.Grain grain;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone of the buckets, e.g. Asia/Shanghai (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--by",
      paramLabel = "none|category|channel",
      defaultValue = "none",
      description = "A series per category or channel (default: ${DEFAULT-VALUE}).")
  KpiOptions.Split by;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "With --by: the N groups with most events (default: ${DEFAULT-VALUE}).")
  int top;

  @Option(
      names = "--json",
      description = "Print one JSON object: grain, zone, by, rows [{t, views, users, ...}].")
  boolean json;

  @Override
  public Integer call() {
    KpiOptions options = new KpiOptions(grain, zone, by, top);
    KpiSeries series;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      series = Kpis.compute(store.connection(), options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, series);
    } else {
      TextTable.print(out, series.rows());
    }
    return 0;
  }
}
