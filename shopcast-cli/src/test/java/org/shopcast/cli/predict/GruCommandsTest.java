package org.shopcast.cli.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

/**
 * {@code train --model gru}, {@code predict} and {@code explain} (occlusion) with it, on Taobao.
 */
class GruCommandsTest {
  @TempDir Path workspace;

  private CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  @Test
  void trainGru_thenPredictEveryUser_andExplainByOcclusion() throws Exception {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    assertThat(run("import", file, "--format", "taobao").exitCode()).isZero();
    CliRun train =
        run(
            "train",
            "--task",
            "purchase",
            "--horizon-days",
            "1",
            "--cutoffs",
            "4",
            "--model",
            "gru",
            "--gru-events",
            "20",
            "--gru-epochs",
            "2",
            "--json");
    assertThat(train.exitCode()).as(train.err()).isZero();
    JsonNode entry = Json.mapper().readTree(train.out());
    String id = entry.get("id").asText();
    assertThat(entry.get("model").asText()).isEqualTo("gru");
    assertThat(entry.get("metrics").get("models").get(0).get("name").asText()).isEqualTo("gru");
    Path dir = workspace.resolve(entry.get("path").asText());
    assertThat(dir.resolve("model.params")).isRegularFile();
    assertThat(dir.resolve("gru.json")).isRegularFile();
    assertThat(dir.resolve("manifest.json")).isRegularFile();

    Path csv = workspace.resolve("gru.csv");
    CliRun predict =
        run("predict", "--task", "purchase", "--model-id", id, "--out", csv.toString(), "--json");
    assertThat(predict.exitCode()).as(predict.err()).isZero();
    assertThat(Json.mapper().readTree(predict.out()).get("users").asInt()).isEqualTo(43);
    assertThat(Files.readAllLines(csv)).hasSize(44);

    CliRun explain = run("explain", "--user", "1000027", "--model-id", id, "--json");
    assertThat(explain.exitCode()).as(explain.err()).isZero();
    JsonNode why = Json.mapper().readTree(explain.out());
    assertThat(why.get("method").asText()).isEqualTo("occlusion");
    assertThat(why.get("modelId").asText()).isEqualTo(id);
    assertThat(why.get("reasons").size()).isBetween(1, 5);
    assertThat(why.get("reasons").get(0).get("text").asText())
        .matches("\\d+ [a-z ]+ among the last \\d+ events: [+-]\\d\\.\\d\\d");
    CliRun text = run("explain", "--user", "1000027", "--model-id", id);
    assertThat(text.out()).contains("per-user SHAP is for XGBoost models");
  }
}
