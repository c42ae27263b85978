package org.shopcast.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills {@code shopcast import} with SIGKILL at several moments of a large import and checks the
 * store holds all of the file's accepted rows or none, and that running the import again completes
 * it.
 */
class ImportCrashTest {
  private static final long ROWS = 3_000_000;

  @TempDir Path dir;

  @Test
  void killDuringImport_leavesAllOrNothing_andRerunCompletes() throws Exception {
    Path file = dir.resolve("big.csv");
    writeTaobaoFile(file);
    Path workspace = dir.resolve("ws");
    long[] killAfterMillis = {400, 1500, 3000};
    int killedWithStoreOpen = 0;
    for (long millis : killAfterMillis) {
      Process process = start(workspace, file);
      boolean finished = process.waitFor(millis, TimeUnit.MILLISECONDS);
      if (!finished) {
        if (Files.exists(workspace.resolve("shopcast.duckdb"))) {
          killedWithStoreOpen++;
        }
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
      long events = countEvents(workspace);
      assertThat(events).as("events after kill at %d ms", millis).isIn(0L, ROWS);
    }
    assertThat(killedWithStoreOpen).as("kills that hit a running import").isPositive();
    Process last = start(workspace, file);
    assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(last.exitValue()).isZero();
    assertThat(countEvents(workspace)).isEqualTo(ROWS);
  }

  private static Process start(Path workspace, Path file) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("org.shopcast.cli.Shopcast");
    command.add("--workspace");
    command.add(workspace.toString());
    command.add("import");
    command.add(file.toString());
    command.add("--format");
    command.add("taobao");
    command.add("--json");
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  private static void writeTaobaoFile(Path file) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute(
          "COPY (SELECT i % 50000 AS u, i % 70001 AS it, i % 97 AS c, CASE WHEN i % 50 = 0 THEN"
              + " 'buy' WHEN i % 20 = 0 THEN 'cart' ELSE 'pv' END AS b, 1511658000 + i // 20 AS ts"
              + " FROM range("
              + ROWS
              + ") t(i)) TO '"
              + file
              + "' (HEADER false)");
    }
    assertThat(Files.size(file)).isPositive();
  }

  private static long countEvents(Path workspace) throws Exception {
    File db = workspace.resolve("shopcast.duckdb").toFile();
    if (!db.exists()) {
      return 0;
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + db.getAbsolutePath());
        Statement st = c.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT CASE WHEN count(*) FILTER (WHERE table_name = 'events') = 0 THEN 0 ELSE"
                    + " (SELECT count(*) FROM events) END FROM duckdb_tables()")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
