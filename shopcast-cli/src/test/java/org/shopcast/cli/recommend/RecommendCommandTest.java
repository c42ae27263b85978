package org.shopcast.cli.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class RecommendCommandTest {
  @TempDir static Path workspace;

  @BeforeAll
  static void importFixture() {
    CliRun run =
        run(
            "import",
            Fixtures.path("taobao/UserBehavior_head_43users.csv").toString(),
            "--format",
            "taobao");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  @Test
  void user_json_listsNItemsWithReasons() throws Exception {
    CliRun run = run("recommend", "--user", "1", "-n", "5", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode items = Json.mapper().readTree(run.out()).get("items");
    assertThat(items).hasSize(5);
    for (JsonNode item : items) {
      assertThat(item.get("itemId").asText()).isNotBlank();
      assertThat(item.get("reason").asText()).isNotBlank();
    }
  }

  @Test
  void session_file_continuesTheSession(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("session.txt");
    Files.writeString(file, "2268318\n2333346,cart_add\n", StandardCharsets.UTF_8);
    CliRun run = run("recommend", "--session", file.toString(), "-n", "3");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().lines().count()).isEqualTo(4);
  }

  @Test
  void errors_unknownItemFails_twoTargetsIsUsage_badTypeNamesTheLine(@TempDir Path dir)
      throws Exception {
    assertThat(run("recommend", "--item", "nope").exitCode()).isEqualTo(1);
    assertThat(run("recommend", "--item", "1", "--user", "1").exitCode()).isEqualTo(2);
    Path file = dir.resolve("s.txt");
    Files.writeString(file, "2268318\n2333346,teleport\n", StandardCharsets.UTF_8);
    CliRun bad = run("recommend", "--session", file.toString());
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("s.txt:2: [UnknownEventType] field 'type'");
    CliRun model = run("recommend", "--session", file.toString(), "--model", "rnn");
    assertThat(model.exitCode()).isEqualTo(2);
    assertThat(model.err())
        .contains("--model with --session must be vsknn, gru4rec or fbt, got 'rnn'");
  }
}
