package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.analytics.rules.sequence.PrefixSpan;
import org.shopcast.analytics.rules.sequence.PrefixSpanOptions;
import org.shopcast.analytics.rules.sequence.SequenceDatabase;
import org.shopcast.analytics.rules.sequence.SequentialPattern;
import org.shopcast.analytics.rules.sequence.StoreSequences;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze sequences}: sequential patterns (PrefixSpan) over the store. */
@Command(
    name = "sequences",
    mixinStandardHelpOptions = true,
    description = {
      "Frequent sequential patterns mined with PrefixSpan (Pei et al. 2001): a pattern <a b>",
      "is in a sequence when a occurs before b (not necessarily adjacent); support = share of",
      "the sequences containing it, counted once per sequence.",
      "--of types: each session's event types in time order; --of categories: the categories",
      "of each session's events; in both consecutive repeats are collapsed (VIEW VIEW CART_ADD",
      "is read as VIEW CART_ADD). --of orders: each buyer's orders in time order, an order",
      "being the set of categories it bought, so (a,b) marks items of one order."
    })
final class SequencesCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--of",
      paramLabel = "types|categories|orders",
      defaultValue = "types",
      description = "What each sequence holds (default: ${DEFAULT-VALUE}).")
  StoreSequences.Of of;

  @Option(
      names = "--min-support",
      paramLabel = "S",
      defaultValue = "0.05",
      description =
          "Minimum support, a share of all sequences in (0, 1] (default: ${DEFAULT-VALUE}).")
  double minSupport;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "5",
      description = "Maximum items in a pattern (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(
      names = "--min-length",
      paramLabel = "N",
      defaultValue = "2",
      description = "Print only patterns of at least N items (default: ${DEFAULT-VALUE}).")
  int minLength;

  @Option(
      names = "--top",
      paramLabel = "N",
      description =
          "Print only the N most frequent patterns (default: 20 in text, all with --json).")
  Integer top;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: of, sequences, patterns [{pattern, elements, length, count,"
              + " support}], most frequent first.")
  boolean json;

  @Override
  public Integer call() {
    if (top != null && top < 1) {
      throw new IllegalArgumentException("--top must be >= 1, got " + top);
    }
    if (minLength < 1) {
      throw new IllegalArgumentException("--min-length must be >= 1, got " + minLength);
    }
    PrefixSpanOptions options = new PrefixSpanOptions(minSupport, maxLength);
    SequenceDatabase database;
    try (EventStore store = StoreAccess.open(parent.root.workspace())) {
      database = StoreSequences.read(store.connection(), of);
    }
    List<SequentialPattern> patterns = new ArrayList<>();
    for (SequentialPattern pattern : PrefixSpan.mine(database, options)) {
      if (pattern.length() >= minLength) {
        patterns.add(pattern);
      }
    }
    patterns.sort(
        Comparator.comparingInt(SequentialPattern::count)
            .reversed()
            .thenComparing(SequentialPattern::notation));
    int limit = top != null ? top : json ? patterns.size() : 20;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("of", of.name().toLowerCase(java.util.Locale.ROOT));
    result.put("sequences", database.size());
    List<Map<String, Object>> rows = new ArrayList<>();
    for (SequentialPattern pattern : patterns.subList(0, Math.min(limit, patterns.size()))) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("pattern", pattern.notation());
      if (json) {
        row.put("elements", pattern.elements());
      }
      row.put("length", pattern.length());
      row.put("count", pattern.count());
      row.put("support", pattern.support());
      rows.add(row);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      result.put("patterns", rows);
      Json.print(out, result);
    } else {
      result.put("patterns", patterns.size());
      result.forEach((k, v) -> out.printf("%s %s%n", k, v));
      out.println();
      TextTable.print(out, rows);
    }
    return 0;
  }
}
