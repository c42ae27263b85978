package org.shopcast.data.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;
import org.shopcast.data.store.EventStore;

/**
 * Imports files into an {@link EventStore}. Each import reads the file with DuckDB's own readers
 * (or, for JSON sources, a streaming parser) into a staging table, validates every row, sends bad
 * rows to the quarantine with file, line, field, code and raw text, and lands the rest in one
 * transaction: an import adds all its accepted events or none, and importing the same file again
 * adds nothing.
 */
public final class Importer {
  private static final int FIRST_ERRORS = 5;
  private static final int SNIFF_BYTES = 8192;

  /** Temp table of the rows that failed a check, with their ordinal and error texts. */
  private static final String BAD_ROWS = "shopcast_stage_bad";

  private final EventStore store;
  private final Clock clock;
  private final Consumer<String> onStepDone;

  /** An importer writing to {@code store}, stamping imports with {@code clock}. */
  public Importer(EventStore store, Clock clock) {
    this(store, clock, step -> {});
  }

  /**
   * An importer that also tells {@code onStepDone} the name of each import step as it ends (the
   * keys of {@link ImportResult#timings()}: stage, checks, plan, quarantine, land, sides, flags,
   * commit), for progress display and for tests that act at a known point of an import.
   */
  public Importer(EventStore store, Clock clock, Consumer<String> onStepDone) {
    this.store = store;
    this.clock = clock;
    this.onStepDone = onStepDone;
  }

  /**
   * Imports one file.
   *
   * @return the counts; a refused import has status {@code refused} and left the events as they
   *     were (its rejected rows are in the quarantine)
   * @throws DataException when the file as a whole cannot be read (missing, empty, not text)
   */
  public ImportResult importFile(Path file, ImportOptions options) {
    String name = file.toString();
    checkReadable(file, name);
    Connection connection = store.connection();
    try {
      long importId = nextImportId(connection);
      String started = Sql.timestamp(clock.instant());
      StepTimer timer = new StepTimer(onStepDone);
      Staged staged = stage(file, options, connection, timer);
      if (staged.read() == 0) {
        throw new DataException(
            new RowError(name, 0, null, ErrorCode.EmptyFile, "at least one data row", null));
      }
      Landing landing = new Landing(connection, importId, timer);
      Landing.Plan plan = landing.prepare(options.sessionGap());
      long rejected = staged.rejected();
      String refusal = refusal(options, staged.read(), rejected);
      connection.setAutoCommit(false);
      try {
        Quarantine.insert(connection, importId, name, staged.quarantineTable());
        timer.lap("quarantine");
        Landing.Counts counts =
            refusal == null
                ? landing.land(plan, options.sessionGap(), options.dropBots())
                : new Landing.Counts(0, 0, 0, Map.of());
        if (refusal == null) {
          SideTables.fill(connection, importId);
        }
        long duplicates = counts.duplicates();
        rejected += counts.botDropped();
        Map<String, Long> byCode = Quarantine.countsByCode(connection, importId);
        List<RowError> firstErrors = Quarantine.first(connection, importId, FIRST_ERRORS);
        Landing.Summary summary = landing.summary(plan, counts, refusal == null);
        String status = refusal == null ? ImportResult.IMPORTED : ImportResult.REFUSED;
        recordImport(
            connection,
            importId,
            name,
            options,
            started,
            status,
            staged.read(),
            counts.accepted(),
            rejected,
            duplicates,
            refusal);
        connection.commit();
        timer.lap("commit");
        return new ImportResult(
            importId,
            name,
            options.format().cliName(),
            status,
            staged.read(),
            counts.accepted(),
            rejected,
            duplicates,
            byCode,
            counts.flags(),
            summary.minTs(),
            summary.maxTs(),
            summary.users(),
            summary.items(),
            firstErrors,
            refusal,
            timer.millis());
      } catch (SQLException | RuntimeException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new DataException(
          new RowError(
              name,
              0,
              null,
              ErrorCode.MalformedRow,
              "a readable " + options.format() + " file",
              firstLine(e.getMessage())),
          e);
    }
  }

  private static String refusal(ImportOptions options, long read, long rejected) {
    if (options.strict() && rejected > 0) {
      return rejected + " of " + read + " rows rejected and --strict refuses any";
    }
    if (rejected == read) {
      return "all " + read + " rows rejected";
    }
    double rate = (double) rejected / read;
    if (rate > options.maxRejectRate()) {
      return String.format(
          java.util.Locale.ROOT,
          "%d of %d rows rejected (%.1f%%), above the limit of %.1f%%",
          rejected,
          read,
          100 * rate,
          100 * options.maxRejectRate());
    }
    return null;
  }

  /** Rows read and rejected, and the temp table holding this import's quarantine rows. */
  record Staged(long read, long rejected, String quarantineTable) {}

  private Staged stage(Path file, ImportOptions options, Connection connection, StepTimer timer)
      throws SQLException {
    Object source = Sources.forFormat(options.format(), file, options);
    try (Statement st = connection.createStatement()) {
      dropReaderRejects(st);
      st.execute("DROP TABLE IF EXISTS " + StageWriter.TRAITS);
      Quarantine.createStage(connection);
      if (source instanceof SqlSource sql) {
        st.execute(FastStage.createFrom(sql));
        timer.lap("stage");
        long readerRejects = Quarantine.stageReaderRejects(connection, file.toString());
        long staged = Landing.count(st, "SELECT count(*) FROM " + StageTable.NAME);
        long bad =
            Landing.count(
                st, "SELECT count(*) FROM " + StageTable.NAME + " WHERE err_code IS NOT NULL");
        if (bad > 0) {
          dropReaderRejects(st);
          st.execute(
              "CREATE OR REPLACE TEMP TABLE "
                  + BAD_ROWS
                  + " AS SELECT * FROM ("
                  + StageTable.selectFrom(sql)
                  + ") WHERE err_code IS NOT NULL");
          locateRejectedRows(file, sql, connection);
        }
        timer.lap("checks");
        return new Staged(staged + readerRejects, bad + readerRejects, Quarantine.STAGE);
      }
      st.execute(StageTable.createEmpty());
      try (StageWriter writer = new StageWriter(connection)) {
        ((RowSource) source).stage(file, options, writer);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file, e);
      }
      timer.lap("stage");
      st.execute(
          "INSERT INTO "
              + Quarantine.STAGE
              + " SELECT line, err_field, err_code, err_expected, err_found, raw FROM "
              + StageTable.NAME
              + " WHERE err_code IS NOT NULL");
      long staged = Landing.count(st, "SELECT count(*) FROM " + StageTable.NAME);
      long bad =
          Landing.count(
              st, "SELECT count(*) FROM " + StageTable.NAME + " WHERE err_code IS NOT NULL");
      timer.lap("checks");
      return new Staged(staged, bad, Quarantine.STAGE);
    }
  }

  private static void dropReaderRejects(Statement st) throws SQLException {
    st.execute("DROP TABLE IF EXISTS " + SqlSource.REJECTS_TABLE);
    st.execute("DROP TABLE IF EXISTS " + SqlSource.REJECTS_SCAN);
  }

  /**
   * Gives the rows that failed a check their line and raw text: one pass over the file, only when
   * some row failed.
   */
  private static void locateRejectedRows(Path file, SqlSource source, Connection connection)
      throws SQLException {
    Set<Long> wanted = new HashSet<>();
    Set<Long> readerRejectLines = new HashSet<>();
    try (Statement st = connection.createStatement()) {
      try (ResultSet rs = st.executeQuery("SELECT ord FROM " + BAD_ROWS)) {
        while (rs.next()) {
          wanted.add(rs.getLong(1));
        }
      }
      try (ResultSet rs = st.executeQuery("SELECT DISTINCT line FROM " + Quarantine.STAGE)) {
        while (rs.next()) {
          readerRejectLines.add(rs.getLong(1));
        }
      }
    }
    Map<Long, LineLocator.Place> places =
        LineLocator.locate(
            file,
            source.headerLines(),
            readerRejectLines,
            source.blankLinesAreRows(),
            source.charset(),
            wanted);
    Quarantine.stageLocated(connection, places, BAD_ROWS);
  }

  private static void checkReadable(Path file, String name) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.FileNotFound, "a readable file", null));
    }
    byte[] head = new byte[SNIFF_BYTES];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.FileNotFound, "a readable file", e.getMessage()),
          e);
    }
    if (n == 0) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.EmptyFile, "at least one data row", "0 bytes"));
    }
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        throw new DataException(
            new RowError(
                name, 0, null, ErrorCode.NotText, "a text file", "a NUL byte at offset " + i));
      }
    }
  }

  private static long nextImportId(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      return Landing.count(st, "SELECT coalesce(max(import_id), 0) + 1 FROM imports");
    }
  }

  private void recordImport(
      Connection connection,
      long importId,
      String name,
      ImportOptions options,
      String started,
      String status,
      long read,
      long accepted,
      long rejected,
      long duplicates,
      String message)
      throws SQLException {
    try (var ps =
        connection.prepareStatement(
            "INSERT INTO imports VALUES (?, ?, ?, "
                + started
                + ", "
                + Sql.timestamp(clock.instant())
                + ", ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, importId);
      ps.setString(2, name);
      ps.setString(3, options.format().cliName());
      ps.setString(4, status);
      ps.setLong(5, read);
      ps.setLong(6, accepted);
      ps.setLong(7, rejected);
      ps.setLong(8, duplicates);
      ps.setString(9, message);
      ps.executeUpdate();
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
