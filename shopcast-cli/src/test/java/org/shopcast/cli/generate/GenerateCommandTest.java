package org.shopcast.cli.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class GenerateCommandTest {
  @TempDir Path dir;

  private CliRun run(String... args) {
    return CliRun.inWorkspace(dir.resolve("ws"), args);
  }

  @Test
  void generateJson_onAnEmptyWorkspace_usesTheBuiltInProfile() throws Exception {
    Path out = dir.resolve("events.csv");
    CliRun run =
        run("generate", "--events", "5000", "--seed", "9", "--out", out.toString(), "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("events").asLong()).isEqualTo(5000);
    assertThat(json.get("users").asLong()).isPositive();
    assertThat(json.get("items").asLong()).isPositive();
    assertThat(json.get("seed").asLong()).isEqualTo(9);
    assertThat(json.get("out").asText()).isEqualTo(out.toString());
    assertThat(json.get("seconds").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(json.get("profile").asText()).isEqualTo("built-in");
    assertThat(Files.readAllLines(out)).hasSize(5000).allMatch(l -> l.split(",").length == 5);
    assertThat(Files.exists(dir.resolve("ws"))).as("no workspace created for --out").isFalse();
  }

  @Test
  void generateIntoStore_afterAnImport_fitsTheStoreAndLandsEverything() throws Exception {
    String sample = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    assertThat(run("import", sample, "--format", "taobao").exitCode()).isZero();

    CliRun run = run("generate", "--events", "3000", "--into-store", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("profile").asText()).isEqualTo("store");
    assertThat(json.get("out").asText()).isEqualTo("store");
    assertThat(json.get("accepted").asLong() + json.get("duplicates").asLong()).isEqualTo(3000);
    JsonNode stats = Json.mapper().readTree(run("stats", "--json").out());
    assertThat(stats.get("events").asLong()).isEqualTo(4320 + json.get("accepted").asLong());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--events 0 --out x.csv | --events must be >= 1, got 0",
        "--events -5 --out x.csv | --events must be >= 1, got -5",
        "--events 10 --out x.txt | --out must end in .csv or .parquet, got 'x.txt'",
        "--events 10 | give exactly one of --out FILE and --into-store, got neither",
      })
  void badOptions_exitWithUsageError(String args, String message) {
    String[] parts = ("generate " + args.trim()).split(" ");

    CliRun run = run(parts);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("shopcast: " + message);
  }

  @Test
  void eventsNotANumber_isAUsageError() {
    CliRun run = run("generate", "--events", "ten", "--out", "x.csv");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--events");
  }
}
