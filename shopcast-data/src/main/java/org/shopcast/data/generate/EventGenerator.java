package org.shopcast.data.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.BitSet;
import java.util.SplittableRandom;
import java.util.function.LongConsumer;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.ImportResult;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;

/**
 * Generates synthetic events from a {@link Profile}, user by user, streaming them out as Taobao
 * UserBehavior rows ({@code user,item,category,pv|cart|fav|buy,epoch seconds}, no header). Memory
 * holds one user's events and a bit per catalogue item, so 100M events fit in a small heap. The
 * same profile, event count and seed give byte-identical output: each user draws from its own
 * {@link SplittableRandom} seeded from the seed and the user's index.
 */
public final class EventGenerator {
  private static final String[] BEHAVIORS = {"pv", "cart", "fav", "buy"};
  private static final long USER_ODD = 0x9E3779B1L;
  private static final long ITEM_ODD = 0x85EBCA6BL;
  private static final long CATEGORY_ODD = 0xC2B2AE35L;
  private static final int PROGRESS_STEP = 1 << 16;

  private final Profile profile;
  private final long events;
  private final long seed;
  private final long itemCount;
  private final long categoryCount;

  private EventGenerator(Profile profile, long events, long seed) {
    this.profile = profile;
    this.events = events;
    this.seed = seed;
    long fitted = profile.provenance().events();
    this.itemCount = profile.items().scaledTo(events, fitted);
    this.categoryCount = profile.categories().scaledTo(events, fitted);
  }

  /**
   * A generator of {@code events} events.
   *
   * @throws IllegalArgumentException when {@code events} is below 1
   */
  public static EventGenerator of(Profile profile, long events, long seed) {
    if (profile == null) {
      throw new IllegalArgumentException("profile must not be null");
    }
    if (events < 1) {
      throw new IllegalArgumentException("events must be >= 1, got " + events);
    }
    return new EventGenerator(profile, events, seed);
  }

  /** The profile generated from. */
  public Profile profile() {
    return profile;
  }

  /** Size of the item catalogue for this number of events (Heaps scaling of the fitted count). */
  public long catalogueItems() {
    return itemCount;
  }

  /** Writes the events as a Taobao-format CSV file (UTF-8, LF line ends). */
  public GenerateResult writeCsv(Path file, LongConsumer progress) {
    try (Writer out =
        new BufferedWriter(
            new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8), 1 << 20)) {
      return writeCsv(out, progress);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * Writes the events as Taobao-format rows to {@code out}, reporting the running event count to
   * {@code progress} now and then.
   */
  public GenerateResult writeCsv(Writer out, LongConsumer progress) throws IOException {
    UserSimulator simulator = new UserSimulator(profile, itemCount, categoryCount, seed);
    BitSet seen = new BitSet((int) Math.min(itemCount + 1, Integer.MAX_VALUE));
    StringBuilder line = new StringBuilder(64);
    long written = 0;
    long users = 0;
    long nextReport = PROGRESS_STEP;
    while (written < events) {
      SplittableRandom random = new SplittableRandom(Seeds.mix(seed, users));
      int n = (int) Math.min(events - written, simulator.drawEventCount(random));
      simulator.simulate(n, random);
      long userId = Seeds.id(users + 1, USER_ODD);
      for (int i = 0; i < n; i++) {
        long rank = simulator.rank(i);
        seen.set((int) rank);
        line.setLength(0);
        line.append(userId)
            .append(',')
            .append(Seeds.id(rank, ITEM_ODD))
            .append(',')
            .append(Seeds.id(simulator.categoryOf(rank), CATEGORY_ODD))
            .append(',')
            .append(BEHAVIORS[simulator.type(i)])
            .append(',')
            .append(simulator.time(i))
            .append('\n');
        out.append(line);
      }
      written += n;
      users++;
      if (written >= nextReport) {
        progress.accept(written);
        nextReport = written + PROGRESS_STEP;
      }
    }
    out.flush();
    progress.accept(written);
    return new GenerateResult(written, users, seen.cardinality(), seed);
  }

  /**
   * Writes the events as a Parquet file with columns {@code user_id, item_id, category_id}
   * (BIGINT), {@code behavior} (VARCHAR) and {@code ts} (BIGINT epoch seconds): a temporary CSV
   * beside {@code file}, converted by DuckDB's {@code COPY} and deleted.
   */
  public GenerateResult writeParquet(Path file, LongConsumer progress) {
    Path csv = file.resolveSibling(file.getFileName() + ".tmp.csv");
    try {
      GenerateResult result = writeCsv(csv, progress);
      try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
          Statement st = duck.createStatement()) {
        st.execute("SET memory_limit = '512MB'");
        st.execute(
            "COPY (SELECT * FROM read_csv("
                + literal(csv.toString())
                + ", columns={'user_id': 'BIGINT', 'item_id': 'BIGINT', 'category_id': 'BIGINT',"
                + " 'behavior': 'VARCHAR', 'ts': 'BIGINT'}, header=false, auto_detect=false))"
                + " TO "
                + literal(file.toString())
                + " (FORMAT parquet)");
      } catch (SQLException e) {
        throw new IllegalStateException("cannot write Parquet " + file + ": " + e.getMessage(), e);
      }
      return result;
    } finally {
      delete(csv);
    }
  }

  /**
   * Imports the events into {@code store} through the {@link Importer} (Taobao format, accepting
   * the profile's time window), so the import guarantees hold: one transaction, deduplication,
   * sessions, quarantine. The rows pass through a temporary CSV in the workspace, deleted after.
   */
  public ImportResult importInto(EventStore store, Clock clock, LongConsumer progress) {
    Path csv = store.workspace().resolve("generate-" + Long.toUnsignedString(seed) + ".tmp.csv");
    try {
      writeCsv(csv, progress);
      ImportOptions options =
          ImportOptions.of(Format.TAOBAO)
              .withValidRange(profile.time().start(), profile.time().end());
      return new Importer(store, clock).importFile(csv, options);
    } finally {
      delete(csv);
    }
  }

  private static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  private static void delete(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete temporary file " + file, e);
    }
  }
}
