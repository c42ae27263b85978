package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.analytics.rules.AssociationRule;
import org.shopcast.analytics.rules.AssociationRules;
import org.shopcast.analytics.rules.BasketReader;
import org.shopcast.analytics.rules.Baskets;
import org.shopcast.analytics.rules.BoughtTogether;
import org.shopcast.analytics.rules.RuleMetric;
import org.shopcast.analytics.rules.RuleOptions;
import org.shopcast.analytics.rules.RuleSet;
import org.shopcast.analytics.rules.StoreBaskets;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast analyze rules}: association rules (FP-growth) over baskets. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = {
      "Association rules A => C over baskets, mined with FP-growth (Han et al. 2000):",
      "support = P(A and C), confidence = P(C | A), lift = confidence / P(C),",
      "leverage = support - P(A) P(C), conviction = (1 - P(C)) / (1 - confidence).",
      "Baskets come from --baskets FILE (one basket per line, comma-separated items),",
      "else from the store: the items of each order (--by order, the default; purchases",
      "without an order id are grouped by session) or of each session (--by session).",
      "With --item X prints the items most often bought together with X instead."
    })
final class RulesCommand implements Callable<Integer> {
  @ParentCommand AnalyzeCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--baskets",
      paramLabel = "FILE",
      description = "Basket file: one basket per line, items separated by commas, no header.")
  Path baskets;

  @Option(
      names = "--by",
      paramLabel = "order|session",
      defaultValue = "order",
      description =
          "Without --baskets: a basket per order or per session (default: ${DEFAULT-VALUE}).")
  StoreBaskets.By by;

  @Option(
      names = "--level",
      paramLabel = "item|category",
      defaultValue = "item",
      description =
          "Without --baskets: items are item ids or category ids (default: ${DEFAULT-VALUE}).")
  StoreBaskets.Level level;

  @Option(
      names = "--min-support",
      paramLabel = "S",
      defaultValue = "0.01",
      description =
          "Minimum support, a share of all baskets in (0, 1] (default: ${DEFAULT-VALUE}).")
  double minSupport;

  @Option(
      names = "--min-confidence",
      paramLabel = "C",
      defaultValue = "0.5",
      description = "Minimum confidence in [0, 1] (default: ${DEFAULT-VALUE}).")
  double minConfidence;

  @Option(
      names = "--max-length",
      paramLabel = "N",
      defaultValue = "10",
      description = "Maximum items in a rule (default: ${DEFAULT-VALUE}).")
  int maxLength;

  @Option(
      names = "--sort",
      paramLabel = "METRIC",
      defaultValue = "lift",
      description =
          "Rank by lift, confidence, support, leverage or conviction (default: ${DEFAULT-VALUE}).")
  RuleMetric sort;

  @Option(
      names = "--top",
      paramLabel = "N",
      description = "Print only the first N rules (default: 20 in text, all with --json).")
  Integer top;

  @Option(
      names = "--item",
      paramLabel = "ITEM",
      description =
          "Print the items most often bought together with ITEM (pairs at --min-support).")
  String item;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: transactions, itemsets, rules [{antecedent, consequent, count,"
              + " support, confidence, lift, leverage, conviction (null when infinite)}].")
  boolean json;

  @Override
  public Integer call() {
    if (top != null && top < 1) {
      throw new IllegalArgumentException("--top must be >= 1, got " + top);
    }
    RuleOptions options = RuleOptions.of(minSupport, minConfidence).withMaxLength(maxLength);
    Baskets data = load();
    List<AssociationRule> rules;
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("transactions", data.size());
    if (item != null) {
      rules = BoughtTogether.of(data, minSupport).forItem(item, top == null ? 20 : top, sort);
      result.put("item", item);
    } else {
      RuleSet set = AssociationRules.mine(data, options);
      result.put("itemsets", set.itemsets());
      rules = set.rankedBy(sort);
      int limit = top != null ? top : json ? rules.size() : 20;
      if (!json) {
        result.put("rules", set.rules().size());
      }
      rules = rules.subList(0, Math.min(limit, rules.size()));
    }
    PrintWriter out = spec.commandLine().getOut();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (AssociationRule rule : rules) {
      rows.add(row(rule, json));
    }
    if (json) {
      result.put("rules", rows);
      Json.print(out, result);
    } else {
      result.forEach((k, v) -> out.printf("%s %s%n", k, v));
      out.println();
      TextTable.print(out, rows);
    }
    return 0;
  }

  private Baskets load() {
    if (baskets != null) {
      return BasketReader.read(baskets);
    }
    try (EventStore store = EventStore.open(parent.root.workspace())) {
      return StoreBaskets.read(store.connection(), by, level);
    }
  }

  private static Map<String, Object> row(AssociationRule rule, boolean json) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(
        "antecedent", json ? rule.antecedent() : "{" + String.join(", ", rule.antecedent()) + "}");
    row.put(
        "consequent", json ? rule.consequent() : "{" + String.join(", ", rule.consequent()) + "}");
    row.put("count", rule.count());
    row.put("support", rule.support());
    row.put("confidence", rule.confidence());
    row.put("lift", rule.lift());
    row.put("leverage", rule.leverage());
    row.put(
        "conviction",
        Double.isInfinite(rule.conviction()) && json ? null : (Object) rule.conviction());
    return row;
  }
}
