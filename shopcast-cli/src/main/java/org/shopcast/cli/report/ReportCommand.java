package org.shopcast.cli.report;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.report.HtmlReport;
import org.shopcast.analytics.report.ReportOptions;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast report}: one self-contained HTML page of the behaviour analyses. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Write one self-contained HTML page (ECharts inlined, opens offline) with a section per",
      "analysis of the workspace's store: KPI lines, funnel bars, a cohort heat map, paths,",
      "RFM segments, k-means segments and a table of basket rules. Builds the user_profiles",
      "and user_segments tables as a side effect (see shopcast analyze)."
    })
public final class ReportCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--html",
      required = true,
      paramLabel = "FILE",
      description = "The page to write.")
  Path html;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      defaultValue = "UTC",
      description = "Time zone of KPI buckets and cohorts (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--grain",
      paramLabel = "hour|day|week",
      defaultValue = "day",
      description = "KPI grain (default: ${DEFAULT-VALUE}).")
  KpiOptions.Grain grain;

  @Option(
      names = "--min-support",
      paramLabel = "S",
      defaultValue = "0.01",
      description = "Minimum support of the basket rules (default: ${DEFAULT-VALUE}).")
  double minSupport;

  @Option(names = "--no-segments", description = "Leave out the k-means segments (faster).")
  boolean noSegments;

  @Option(names = "--json", description = "Print one JSON object: file, bytes, sections.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    ReportOptions options = new ReportOptions(zone, grain, minSupport, !noSegments);
    List<String> sections;
    try (EventStore store = EventStore.open(root.workspace())) {
      if (store.stats().events() == 0) {
        throw new IllegalStateException(
            "the store in " + root.workspace() + " holds no events; import some first");
      }
      sections = HtmlReport.write(store.connection(), html, options);
    }
    PrintWriter out = spec.commandLine().getOut();
    String file = html.toAbsolutePath().normalize().toString();
    long bytes = Files.size(html);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("file", file);
    result.put("bytes", bytes);
    result.put("sections", sections);
    if (json) {
      Json.print(out, result);
    } else {
      out.printf("wrote %s (%,d bytes): %s%n", file, bytes, sections);
      out.flush();
    }
    return 0;
  }
}
