package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.analytics.segment.SegmentOptions;
import org.shopcast.analytics.segment.SegmentResult;
import org.shopcast.analytics.segment.Segmenter;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze segments}: k-means user segments described in words. */
@Command(
    name = "segments",
    mixinStandardHelpOptions = true,
    description = {
      "Cluster users with k-means (Tribuo, k-means++ seeding) on standardised features of",
      "user_profiles (built in UTC when absent); k in --min-k..--max-k chosen by the highest",
      "mean silhouette on a seeded sample. Deterministic by --seed. Each segment is described",
      "in words from its centroid; the assignment is stored as the table user_segments."
    })
final class SegmentsCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(names = "--min-k", paramLabel = "K", defaultValue = "2", description = "Default: 2.")
  int minK;

  @Option(names = "--max-k", paramLabel = "K", defaultValue = "8", description = "Default: 8.")
  int maxK;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Default: 42.")
  long seed;

  @Option(
      names = "--sample",
      paramLabel = "N",
      defaultValue = "2000",
      description = "Users sampled for the silhouette (default: ${DEFAULT-VALUE}).")
  int sample;

  @Option(
      names = "--json",
      description = "Print one JSON object: k, seed, silhouette, features, segments.")
  boolean json;

  @Override
  public Integer call() {
    SegmentOptions options = new SegmentOptions(minK, maxK, seed, sample);
    SegmentResult result;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      result = Segmenter.segment(store.connection(), options);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, result);
      return 0;
    }
    out.printf(
        "k %d (seed %d), mean silhouette by k: %s%n%n", result.k(), seed, result.silhouette());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Map<String, Object> s : result.segments()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("segment", s.get("segment"));
      row.put("users", s.get("users"));
      row.put("share", s.get("share"));
      row.put("description", s.get("description"));
      rows.add(row);
    }
    TextTable.print(out, rows);
    return 0;
  }
}
