package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/**
 * The fast landing path (empty time range in the store: one INSERT with dedup and sessions) and the
 * general path (a stored event in the range: temp table, anti-join) must land the same events with
 * the same ids and sessions.
 */
class LandingPathsTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;

  @Test
  void fastAndGeneralPaths_landTheSameEventsIdsAndSessions() throws Exception {
    Path file = withDuplicates(Fixtures.path("taobao/UserBehavior_head_43users.csv"));
    Path seedFile = dir.resolve("seed.csv");
    // one event of another user inside the file's time range: forces the general path
    Files.writeString(seedFile, "999999999,1,1,pv,1511700000\n", StandardCharsets.UTF_8);

    ImportResult fast;
    TreeSet<String> fastRows;
    try (EventStore store = EventStore.open(dir.resolve("a"))) {
      fast = new Importer(store, CLOCK).importFile(file, ImportOptions.of(Format.TAOBAO));
      fastRows = rows(store, fast.importId());
    }
    ImportResult general;
    TreeSet<String> generalRows;
    try (EventStore store = EventStore.open(dir.resolve("b"))) {
      Importer importer = new Importer(store, CLOCK);
      importer.importFile(seedFile, ImportOptions.of(Format.TAOBAO));
      general = importer.importFile(file, ImportOptions.of(Format.TAOBAO));
      generalRows = rows(store, general.importId());
    }

    long distinctValid = distinctValidRows(file);
    assertThat(fast.accepted()).isEqualTo(distinctValid);
    assertThat(fast.duplicates()).isEqualTo(fast.read() - fast.rejected() - distinctValid);
    assertThat(fast.duplicates()).isGreaterThanOrEqualTo(10);
    assertThat(general.accepted()).isEqualTo(fast.accepted());
    assertThat(general.duplicates()).isEqualTo(fast.duplicates());
    assertThat(general.users()).isEqualTo(fast.users());
    assertThat(general.items()).isEqualTo(fast.items());
    assertThat(general.minTs()).isEqualTo(fast.minTs());
    assertThat(general.maxTs()).isEqualTo(fast.maxTs());
    assertThat(fastRows).hasSize((int) fast.accepted()).isEqualTo(generalRows);
  }

  /** The fixture with its first ten data lines appended again at the end. */
  private Path withDuplicates(Path fixture) throws Exception {
    List<String> lines = new ArrayList<>(Files.readAllLines(fixture, StandardCharsets.UTF_8));
    lines.addAll(lines.subList(0, 10));
    Path file = dir.resolve("dups.csv");
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  /** Distinct (user, item, category, behaviour, time) rows inside the Taobao window, by SQL. */
  private static long distinctValidRows(Path file) throws Exception {
    try (var c = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM (SELECT DISTINCT * FROM read_csv('"
                    + file
                    + "', header=false, columns={'u':'VARCHAR','i':'VARCHAR','c':'VARCHAR',"
                    + "'b':'VARCHAR','t':'BIGINT'}) WHERE t >= 1511539200 AND t < 1512316800"
                    + " AND b IN ('pv','cart','fav','buy'))")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static TreeSet<String> rows(EventStore store, long importId) throws Exception {
    TreeSet<String> rows = new TreeSet<>();
    try (Statement st = store.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT concat_ws('|', event_id, user_id, ts, type, item_id, category_id,"
                    + " session_id) FROM events WHERE import_id = "
                    + importId)) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }
}
