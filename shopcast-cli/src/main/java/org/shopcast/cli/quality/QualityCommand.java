package org.shopcast.cli.quality;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.quality.QualityAnalyzer;
import org.shopcast.data.quality.QualityHtml;
import org.shopcast.data.quality.QualityJson;
import org.shopcast.data.quality.QualityReport;
import org.shopcast.data.quality.QualityText;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast quality}: the data-quality report of the workspace's event store. */
@Command(
    name = "quality",
    mixinStandardHelpOptions = true,
    description = {
      "Check the store's data quality: completeness and validity per field, duplicates and",
      "rejected rows, time range, days and hours with no or abnormal volume, funnel and",
      "long-tail consistency, flagged returns and bot-like users; each check passes, warns or",
      "fails, and an overall score in 0..1 weighs them (see docs/quality.md).",
      "Exit code 0 when the report was computed, whatever the score."
    })
public final class QualityCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: events, users, items, minTs, maxTs, score, checks"
              + " ({name, status, value, detail, weight}), byType, quarantineByCode, volumeByDay.")
  boolean json;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write the report as one self-contained HTML page with charts (works offline).")
  Path html;

  @Override
  public Integer call() {
    QualityReport report;
    try (EventStore store = EventStore.open(root.workspace())) {
      report = new QualityAnalyzer(Clock.systemUTC()).analyze(store);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (html != null) {
      writeHtml(report, html);
    }
    if (json) {
      out.println(QualityJson.render(report));
    } else {
      out.print(QualityText.render(report));
      if (html != null) {
        out.println("HTML report written to " + html);
      }
    }
    out.flush();
    return 0;
  }

  private static void writeHtml(QualityReport report, Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, QualityHtml.render(report), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the HTML report to " + file + ": " + e, e);
    }
  }
}
