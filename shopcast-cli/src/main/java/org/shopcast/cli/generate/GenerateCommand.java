package org.shopcast.cli.generate;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.LongConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.data.generate.EventGenerator;
import org.shopcast.data.generate.GenerateResult;
import org.shopcast.data.generate.Profile;
import org.shopcast.data.importer.ImportResult;
import org.shopcast.data.store.EventStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast generate}: synthetic events fitted to the store, to a file or into the store. */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = {
      "Generate synthetic behaviour events fitted to the workspace's events (activity per user,",
      "behaviour mix and funnel, item and category popularity, session gaps, daily and hourly",
      "volume), or to the built-in profile of the real Taobao sample when the store is empty.",
      "Rows are Taobao UserBehavior: user,item,category,pv|cart|fav|buy,epoch seconds.",
      "The same --events and --seed give byte-identical CSV output.",
      "",
      "Exit codes: 0 ok, 1 failed, 2 usage error."
    })
public final class GenerateCommand implements Callable<Integer> {
  @ParentCommand RootCommand root;

  @Spec CommandSpec spec;

  @Option(names = "--events", required = true, paramLabel = "N", description = "Events to make.")
  long events;

  @Option(
      names = "--seed",
      paramLabel = "S",
      defaultValue = "1",
      description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write to FILE.csv (Taobao rows, no header) or FILE.parquet.")
  Path out;

  @Option(
      names = "--into-store",
      description = "Import the events into the workspace's store (through the importer).")
  boolean intoStore;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    if (events < 1) {
      throw new IllegalArgumentException("--events must be >= 1, got " + events);
    }
    if ((out == null) == !intoStore) {
      throw new IllegalArgumentException(
          "give exactly one of --out FILE and --into-store, got "
              + (intoStore ? "both" : "neither"));
    }
    String kind = out == null ? null : extension(out);
    long started = System.nanoTime();
    GenerateReport report;
    try (ProgressBar bar = progressBar()) {
      LongConsumer progress = bar == null ? n -> {} : bar::stepTo;
      report = intoStore ? generateIntoStore(progress, started) : toFile(kind, progress, started);
    }
    PrintWriter stdout = spec.commandLine().getOut();
    if (json) {
      Json.print(stdout, report);
    } else {
      stdout.printf(
          Locale.ROOT,
          "generated %d events (%d users, %d items, seed %d, %s profile) to %s in %.1f s%n",
          report.events(),
          report.users(),
          report.items(),
          report.seed(),
          report.profile(),
          report.out(),
          report.seconds());
      if (report.accepted() != null) {
        stdout.printf(
            Locale.ROOT,
            "store: %d accepted, %d duplicates%n",
            report.accepted(),
            report.duplicates());
      }
      stdout.flush();
    }
    return 0;
  }

  private static String extension(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return "csv";
    }
    if (name.endsWith(".parquet")) {
      return "parquet";
    }
    throw new IllegalArgumentException(
        "--out must end in .csv or .parquet, got '" + file.getFileName() + "'");
  }

  private GenerateReport toFile(String kind, LongConsumer progress, long started) {
    Path workspace = root.workspace();
    Profile profile;
    String profileName = "built-in";
    if (Files.isRegularFile(workspace.resolve(EventStore.DATABASE_FILE))) {
      try (EventStore store = EventStore.open(workspace)) {
        Fitted fitted = fitted(store);
        profile = fitted.profile();
        profileName = fitted.name();
      }
    } else {
      profile = Profile.defaultTaobao();
    }
    EventGenerator generator = EventGenerator.of(profile, events, seed);
    GenerateResult result =
        "parquet".equals(kind)
            ? generator.writeParquet(out, progress)
            : generator.writeCsv(out, progress);
    return report(result, out.toString(), started, profileName, null);
  }

  private GenerateReport generateIntoStore(LongConsumer progress, long started) {
    try (EventStore store = EventStore.open(root.workspace())) {
      Fitted fitted = fitted(store);
      EventGenerator generator = EventGenerator.of(fitted.profile(), events, seed);
      ImportResult imported = generator.importInto(store, Clock.systemUTC(), progress);
      GenerateResult result =
          new GenerateResult(imported.read(), imported.users(), imported.items(), seed);
      return report(result, "store", started, fitted.name(), imported);
    }
  }

  private record Fitted(Profile profile, String name) {}

  private static Fitted fitted(EventStore store) {
    if (hasFittableEvents(store)) {
      return new Fitted(Profile.fit(store, "workspace " + store.workspace()), "store");
    }
    return new Fitted(Profile.defaultTaobao(), "built-in");
  }

  private static boolean hasFittableEvents(EventStore store) {
    return store.stats().byType().keySet().stream()
        .anyMatch(
            t ->
                t.equals("VIEW")
                    || t.equals("CART_ADD")
                    || t.equals("FAVORITE")
                    || t.equals("PURCHASE"));
  }

  private GenerateReport report(
      GenerateResult result, String where, long started, String profile, ImportResult imported) {
    double seconds = Math.round((System.nanoTime() - started) / 1e7) / 100.0;
    return new GenerateReport(
        result.events(),
        result.users(),
        result.items(),
        result.seed(),
        where,
        seconds,
        profile,
        imported == null ? null : imported.accepted(),
        imported == null ? null : imported.duplicates());
  }

  private ProgressBar progressBar() {
    if (json || System.console() == null) {
      return null;
    }
    return new ProgressBarBuilder()
        .setTaskName("generate")
        .setInitialMax(events)
        .setUnit(" events", 1)
        .build();
  }
}
