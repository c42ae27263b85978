package org.shopcast.cli.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class TrainRecsCommandTest {
  @TempDir static Path workspace;

  @BeforeAll
  static void importAndTrain() {
    CliRun run =
        run(
            "import",
            Fixtures.path("taobao/UserBehavior_head_43users.csv").toString(),
            "--format",
            "taobao");
    assertThat(run.exitCode()).as(run.err()).isZero();
    CliRun train = run("train", "recs", "--model", "popular,iknn", "-n", "20");
    assertThat(train.exitCode()).as(train.err()).isZero();
    assertThat(train.out()).contains("iknn: version", "43 user lists");
  }

  private static CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  @Test
  void recommend_readsTheLatestPrecomputedLists() throws Exception {
    CliRun run = run("recommend", "--user", "1", "-n", "5", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = Json.mapper().readTree(run.out());
    assertThat(report.get("lists").get("model").asText()).isEqualTo("iknn");
    assertThat(report.get("items")).hasSize(5);
    assertThat(report.get("items").get(0).get("reason").asText()).isNotBlank();
  }

  @Test
  void recommend_modelOption_picksThatModelsLists() throws Exception {
    CliRun run = run("recommend", "--user", "1", "-n", "3", "--model", "popular", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Json.mapper().readTree(run.out()).get("lists").get("model").asText())
        .isEqualTo("popular");
  }

  @Test
  void unknownUser_getsTheStoredColdStartList_andSaysSo() {
    CliRun run = run("recommend", "--user", "nobody", "-n", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("unknown when the lists were trained: cold-start list");
    assertThat(run.out().lines().filter(l -> l.contains("trending")).count()).isEqualTo(4);
  }

  @Test
  void item_similarItems_fromTheStoredLists() throws Exception {
    CliRun run = run("recommend", "--item", "2333346", "-n", "6", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode items = Json.mapper().readTree(run.out()).get("items");
    assertThat(items).hasSize(6);
    for (JsonNode item : items) {
      assertThat(item.get("itemId").asText()).isNotEqualTo("2333346");
    }
  }

  @Test
  void errors_untrainedModelFails_unknownModelIsUsage() {
    CliRun untrained = run("recommend", "--user", "1", "--model", "als");
    assertThat(untrained.exitCode()).isEqualTo(1);
    assertThat(untrained.err()).contains("no precomputed lists of model 'als'", "train recs");
    CliRun bogus = run("train", "recs", "--model", "bogus");
    assertThat(bogus.exitCode()).isEqualTo(2);
    assertThat(bogus.err()).contains("unknown recommendation model 'bogus'");
  }
}
