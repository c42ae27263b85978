package org.shopcast.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.cli.RootCommand;
import org.shopcast.cli.stats.StatsCommand;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.ImportResult;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.quality.QualityAnalyzer;
import org.shopcast.data.quality.QualityText;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code shopcast demo}: imports the bundled real samples and shows what Shopcast makes of them.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Import the bundled real samples (Taobao UserBehavior and others, see their SOURCE.md)",
      "into the workspace and print the store's statistics. Safe to run again: nothing is",
      "imported twice."
    })
public final class DemoCommand implements Callable<Integer> {
  /** A bundled sample and its format. */
  record Sample(String fixture, Format format, ImportOptions options) {
    static Sample of(String fixture, Format format) {
      return new Sample(fixture, format, ImportOptions.of(format));
    }
  }

  /** Tianchi behaviour codes, for the generic formats' demo on the Tianchi sample. */
  private static final Map<String, String> TIANCHI_TYPES =
      Map.of("1", "VIEW", "2", "FAVORITE", "3", "CART_ADD", "4", "PURCHASE");

  static final List<Sample> SAMPLES =
      List.of(
          Sample.of("taobao/UserBehavior_head_43users.csv", Format.TAOBAO),
          Sample.of("taobao/UserBehavior_tutorial_first20k.csv", Format.TAOBAO),
          Sample.of("tianchi/sample_user_behavior.csv", Format.TIANCHI),
          Sample.of("online-retail/online_retail_random20k_first5000.csv", Format.ONLINE_RETAIL),
          Sample.of(
              "online-retail/online_retail_invoice_level_first4000_and_1000C.csv",
              Format.ONLINE_RETAIL_INVOICES),
          Sample.of("cdnow/CDNOW_master_first1000customers.txt", Format.CDNOW),
          Sample.of("yoochoose/yoochoose-clicks-100k_test.txt", Format.YOOCHOOSE),
          Sample.of("diginetica/sample_train-item-views.csv", Format.DIGINETICA),
          // generic CSV on other real clicks (tab-separated, Unix seconds, one type for all)
          new Sample(
              "yoochoose/yoochoose-clicks-100k_train_full_quarter.txt",
              Format.CSV,
              ImportOptions.of(Format.CSV)
                  .withMapping(
                      Map.of(
                          "user_id", "SessionId",
                          "session_id", "SessionId",
                          "item_id", "ItemId",
                          "ts", "Time:epoch_s"),
                      Map.of("*", "VIEW"))),
          // generic JSON lines of the Tianchi sample: the same events, so all duplicates
          new Sample(
              "generic/tianchi_sample_user_behavior.jsonl",
              Format.JSONL,
              ImportOptions.of(Format.JSONL)
                  .withMapping(
                      Map.of(
                          "user_id", "user_id",
                          "item_id", "item",
                          "category_id", "context.category",
                          "type", "behavior",
                          "ts", "local_time:%Y-%m-%d %H"),
                      TIANCHI_TYPES)
                  .withZone(ZoneId.of("Asia/Shanghai"))));

  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.println("Shopcast demo: workspace " + root.workspace().toAbsolutePath().normalize());
    try (EventStore store = EventStore.open(root.workspace())) {
      Importer importer = new Importer(store, Clock.systemUTC());
      out.println();
      out.println("== Import (real samples bundled with Shopcast)");
      for (Sample sample : SAMPLES) {
        Path file = Fixtures.path(sample.fixture());
        ImportResult r = importer.importFile(file, sample.options());
        out.printf(
            "%-22s %s%n    read %,7d  accepted %,7d  rejected %,5d  duplicates %,7d%n",
            sample.format(),
            sample.fixture(),
            r.read(),
            r.accepted(),
            r.rejected(),
            r.duplicates());
        if (!r.rejectedByCode().isEmpty()) {
          out.println("    rejected by reason: " + r.rejectedByCode());
        }
        r.firstErrors().stream()
            .limit(2)
            .forEach(
                e ->
                    out.println(
                        "    "
                            + e.code()
                            + ": "
                            + e.message().substring(e.message().indexOf(": [") + 2)));
      }
      out.println();
      out.println("== Store");
      StatsCommand.print(out, store.stats());
      out.println();
      out.println("== Quality (shopcast quality for the full report)");
      out.print(QualityText.summary(new QualityAnalyzer(Clock.systemUTC()).analyze(store)));
      org.shopcast.cli.analyze.AnalyticsDemo.print(out, store);
    }
    out.flush();
    return 0;
  }
}
