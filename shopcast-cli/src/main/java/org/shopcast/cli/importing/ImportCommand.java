package org.shopcast.cli.importing;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.core.error.RowError;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.ImportResult;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast import}: loads files into the workspace's event store. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Import behaviour events from files into the workspace's event store.",
      "",
      "Each file lands whole or not at all. Bad rows go to the quarantine with file, line,",
      "field, code and raw text; importing a file again adds nothing (event ids).",
      "Formats: taobao, tianchi, online-retail, online-retail-invoices, cdnow, yoochoose,",
      "diginetica, segment, csv, jsonl (see docs/formats.md).",
      "",
      "Exit codes: 0 all files imported, 1 a file was refused or unreadable, 2 usage error."
    })
public final class ImportCommand implements Callable<Integer> {
  /**
   * System property that makes the command print {@code shopcast: import step done: NAME} on stderr
   * as each import step ends (used by the crash test to kill at known points).
   */
  public static final String STEPS_PROPERTY = "shopcast.importSteps";

  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to import.")
  List<Path> files;

  @Option(
      names = "--format",
      required = true,
      paramLabel = "NAME",
      description = "Source format (see above).")
  String format;

  @Option(names = "--json", description = "Print one JSON object (totals and per-file results).")
  boolean json;

  @Option(
      names = "--tz",
      paramLabel = "ZONE",
      description = "Time zone of local times in the source (default: the format's own).")
  ZoneId zone;

  @Option(names = "--strict", description = "Refuse a file when any row is rejected.")
  boolean strict;

  @Option(
      names = "--max-reject-rate",
      paramLabel = "R",
      defaultValue = "0.5",
      description =
          "Refuse a file when more than this share of rows is rejected (default: ${DEFAULT-VALUE}).")
  double maxRejectRate;

  @Option(
      names = "--anonymous-users",
      description =
          "Keep rows without a customer id under an anonymous user instead of rejecting them.")
  boolean anonymousUsers;

  @Option(
      names = "--session-gap",
      paramLabel = "MINUTES",
      defaultValue = "30",
      description =
          "Inactivity gap that starts a new session when the source has none (default: ${DEFAULT-VALUE}).")
  long sessionGapMinutes;

  @Option(
      names = "--drop-bots",
      description = "Drop events of users flagged for a non-human event rate (default: flag only).")
  boolean dropBots;

  @Option(
      names = "--valid-from",
      paramLabel = "ISO",
      description =
          "Earliest accepted event time, e.g. 2017-11-25T00:00:00Z (default: the format's).")
  Instant validFrom;

  @Option(
      names = "--valid-to",
      paramLabel = "ISO",
      description = "Accepted event times end before this (default: the format's).")
  Instant validTo;

  @Option(
      names = "--map",
      split = ",",
      paramLabel = "FIELD=COLUMN[:PARSE]",
      description =
          "For csv/jsonl: canonical field to source column, e.g. user_id=visitorid,ts=timestamp:epoch_ms.")
  Map<String, String> mapping = new LinkedHashMap<>();

  @Option(
      names = "--types",
      split = ",",
      paramLabel = "VALUE=TYPE",
      description =
          "For csv/jsonl: source behaviour value to event type, e.g. view=VIEW,addtocart=CART_ADD.")
  Map<String, String> types = new LinkedHashMap<>();

  @Override
  public Integer call() {
    if (sessionGapMinutes < 1) {
      throw new IllegalArgumentException(
          "--session-gap must be >= 1 minute, got " + sessionGapMinutes);
    }
    ImportOptions options =
        ImportOptions.of(Format.fromName(format))
            .withZone(zone)
            .withStrict(strict)
            .withAnonymousUsers(anonymousUsers)
            .withValidRange(validFrom, validTo)
            .withMapping(mapping, types)
            .withPolicy(maxRejectRate, Duration.ofMinutes(sessionGapMinutes), dropBots);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<ImportResult> results = new ArrayList<>();
    boolean failed = false;
    try (EventStore store = EventStore.open(root.workspace())) {
      Importer importer =
          new Importer(
              store,
              Clock.systemUTC(),
              step -> {
                if (Boolean.getBoolean(STEPS_PROPERTY)) {
                  err.println("shopcast: import step done: " + step);
                  err.flush();
                }
              });
      for (Path file : files) {
        ImportResult result = importer.importFile(file, options);
        results.add(result);
        if (result.refused()) {
          failed = true;
          RowError first = result.firstErrors().isEmpty() ? null : result.firstErrors().get(0);
          err.println(
              "shopcast: "
                  + file
                  + ": [ImportRefused] import refused: "
                  + result.message()
                  + (first == null ? "" : "; first: " + first.message()));
        }
        if (!json) {
          ImportReport.printText(out, result);
        }
      }
    }
    if (json) {
      Json.print(out, ImportReport.summary(results));
    }
    err.flush();
    return failed ? 1 : 0;
  }
}
