package org.shopcast.cli.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class ImportCommandTest {
  @TempDir Path workspace;

  private CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  private long events() throws Exception {
    CliRun stats = run("stats", "--json");
    assertThat(stats.exitCode()).isZero();
    return Json.mapper().readTree(stats.out()).get("events").asLong();
  }

  @Test
  void importJson_printsTheContractFields() throws Exception {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    CliRun run = run("import", file, "--format", "taobao", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("read").asLong()).isEqualTo(4321);
    assertThat(json.get("accepted").asLong()).isEqualTo(4320);
    assertThat(json.get("rejected").asLong()).isEqualTo(1);
    assertThat(json.get("duplicates").asLong()).isZero();
    assertThat(json.get("rejectedByCode").get("TimestampOutOfRange").asLong()).isEqualTo(1);
    assertThat(json.get("minTs").asText()).isEqualTo("2017-11-24T16:00:41Z");
    assertThat(json.get("maxTs").asText()).isEqualTo("2017-12-03T15:59:13Z");
    assertThat(json.get("users").asLong()).isEqualTo(43);
    assertThat(json.get("items").asLong()).isPositive();
    CliRun stats = run("stats", "--json");
    JsonNode statsJson = Json.mapper().readTree(stats.out());
    assertThat(statsJson.get("events").asLong()).isEqualTo(4320);
    assertThat(statsJson.get("byType").get("VIEW").asLong()).isPositive();
  }

  @ParameterizedTest
  @CsvSource({
    "bad_timestamp.csv, 2, ts, BadTimestamp",
    "wrong_column_count.csv, 2, , MalformedRow",
    "truncated_last_line.csv, 3, ts, TimestampOutOfRange",
    "crlf_blank_unknown.csv, 4, behavior, UnknownEventType",
  })
  void strictImportOfMalformedFile_isRefusedNamingFileLineAndField(
      String name, int line, String field, String code) throws Exception {
    Path file = Fixtures.path("malformed/" + name);
    CliRun run = run("import", file.toString(), "--format", "taobao", "--strict");

    assertThat(run.exitCode()).isEqualTo(1);
    String expectedPlace = file + ":" + line + ": [" + code + "]";
    assertThat(run.err()).contains(expectedPlace);
    if (field != null) {
      assertThat(run.err()).contains(expectedPlace + " field '" + field + "'");
    }
    assertThat(run.err().strip()).doesNotContain("\n").doesNotContain("Exception");
    assertThat(events()).as("store unchanged").isZero();
  }

  @Test
  void malformedRows_goToQuarantineAndTheRestLands() throws Exception {
    Path file = Fixtures.path("malformed/wrong_column_count.csv");
    CliRun run = run("import", file.toString(), "--format", "taobao", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("read").asLong()).isEqualTo(4);
    assertThat(json.get("accepted").asLong()).isEqualTo(2);
    assertThat(json.get("rejected").asLong()).isEqualTo(2);
    assertThat(json.get("rejectedByCode").get("MalformedRow").asLong()).isEqualTo(2);
    assertThat(events()).isEqualTo(2);
  }

  @Test
  void bomAndQuotedSeparators_areRead() throws Exception {
    CliRun bom =
        run(
            "import",
            Fixtures.path("malformed/bom.csv").toString(),
            "--format",
            "taobao",
            "--json");
    CliRun quoted =
        run(
            "import",
            Fixtures.path("malformed/quoted_separator.csv").toString(),
            "--format",
            "taobao",
            "--json");

    assertThat(Json.mapper().readTree(bom.out()).get("accepted").asLong()).isEqualTo(2);
    assertThat(Json.mapper().readTree(quoted.out()).get("accepted").asLong()).isEqualTo(2);
    assertThat(events()).isEqualTo(4);
  }

  @ParameterizedTest
  @CsvSource({
    "empty.csv, EmptyFile",
    "garbage.bin, NotText",
    "garbage_after_text.csv, NotText",
  })
  void unreadableFile_failsWithOneLineNamingTheFile(String name, String code) throws Exception {
    Path file = Fixtures.path("malformed/" + name);
    CliRun run = run("import", file.toString(), "--format", "taobao");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("shopcast: " + file + ": [" + code + "]");
    assertThat(run.err().strip()).doesNotContain("\n");
    assertThat(events()).isZero();
  }

  @Test
  void missingFile_failsNamingIt() {
    CliRun run = run("import", workspace.resolve("nope.csv").toString(), "--format", "taobao");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nope.csv: [FileNotFound]");
  }

  @Test
  void unknownFormat_isAUsageError() {
    String file = Fixtures.path("malformed/bom.csv").toString();
    CliRun run = run("import", file, "--format", "parquet-ish");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("[UnknownFormat]").contains("taobao").contains("'parquet-ish'");
  }
}
