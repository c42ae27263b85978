package org.shopcast.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * Kills {@code shopcast import} with SIGKILL at known points of a large import and checks the store
 * holds all of the file's accepted rows or none, and that running the import again completes it.
 * The child reports each step as it ends ({@link ImportCommand#STEPS_PROPERTY}); the test kills it
 * right after a chosen step, so the kill points do not depend on how loaded the machine is: after
 * staging (before the transaction), after the events insert (inside the transaction, data written
 * but not committed) and after the side tables and flags (just before the commit).
 */
class ImportCrashTest {
  private static final long ROWS = 500_000;
  private static final String MARKER = "shopcast: import step done: ";

  @TempDir Path dir;

  @Test
  void killDuringImport_leavesAllOrNothing_andRerunCompletes() throws Exception {
    Path file = dir.resolve("big.csv");
    writeTaobaoFile(file);
    Path workspace = dir.resolve("ws");
    for (String step : List.of("stage", "land", "flags")) {
      Process process = start(workspace, file);
      boolean seen = false;
      try (BufferedReader err =
          new BufferedReader(
              new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = err.readLine()) != null) {
          if (line.equals(MARKER + step)) {
            seen = true;
            break;
          }
        }
        assertThat(seen).as("child reported step %s", step).isTrue();
        assertThat(process.isAlive()).as("child alive after step %s", step).isTrue();
        process.destroyForcibly();
      }
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(countEvents(workspace)).as("events after kill after step %s", step).isZero();
    }
    Process last = start(workspace, file);
    last.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
    assertThat(last.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(last.exitValue()).isZero();
    assertThat(countEvents(workspace)).isEqualTo(ROWS);
  }

  private static Process start(Path workspace, Path file) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-D" + ImportCommand.STEPS_PROPERTY + "=true");
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
    return new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
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
