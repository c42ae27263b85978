package org.shopcast.cli.demo;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

  static final List<Sample> SAMPLES =
      List.of(
          Sample.of("taobao/UserBehavior_head_43users.csv", Format.TAOBAO),
          Sample.of("taobao/UserBehavior_tutorial_first20k.csv", Format.TAOBAO));

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
            "%-45s %-8s read %,7d  accepted %,7d  rejected %,5d  duplicates %,7d%n",
            sample.fixture(),
            sample.format(),
            r.read(),
            r.accepted(),
            r.rejected(),
            r.duplicates());
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
    }
    out.flush();
    return 0;
  }
}
