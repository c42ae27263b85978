package org.shopcast.cli.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

/** {@code train}, {@code models}, {@code predict} and {@code explain} from the registry. */
class RegistryCommandsTest {
  @TempDir static Path workspace;

  private static CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  @BeforeAll
  static void importAndTrain() {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    CliRun run = run("import", file, "--format", "taobao");
    assertThat(run.exitCode()).as(run.err()).isZero();
    run = run("train", "--task", "purchase", "--horizon-days", "1", "--cutoffs", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("registered purchase-v1").contains("baseline:recency-rank");
  }

  @Test
  void train_json_andModelsList() throws Exception {
    CliRun run =
        run(
            "train",
            "--task",
            "time-to-purchase",
            "--horizon-days",
            "3",
            "--cutoffs",
            "2017-11-25",
            "--model",
            "logistic",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode entry = Json.mapper().readTree(run.out());
    assertThat(entry.get("task").asText()).isEqualTo("time-to-purchase");
    assertThat(entry.get("trainCutoffs").get(0).asText()).isEqualTo("2017-11-25T00:00:00Z");
    for (String field :
        new String[] {
          "dataFingerprint", "codeVersion", "seed", "createdAt", "metrics", "options"
        }) {
      assertThat(entry.has(field)).as(field).isTrue();
    }
    JsonNode models = Json.mapper().readTree(run("models", "--json").out()).get("models");
    assertThat(models.size()).isGreaterThanOrEqualTo(2);
    assertThat(models.get(0).get("id").asText()).isEqualTo("purchase-v1");
    CliRun listed = run("train", "--list");
    assertThat(listed.out()).contains("purchase-v1").contains("auc");
  }

  @Test
  void predict_latest_writesTableAndCsv() throws Exception {
    Path csv = workspace.resolve("purchase.csv");
    CliRun run = run("predict", "--task", "purchase", "--out", csv.toString(), "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("modelId").asText()).isEqualTo("purchase-v1");
    assertThat(json.get("users").asInt()).isEqualTo(43);
    assertThat(json.get("asOf").asText()).isEqualTo("2017-12-04T00:00:00Z");
    assertThat(java.nio.file.Files.readAllLines(csv)).hasSize(44);
  }

  @Test
  void explain_usesTheSavedModel() throws Exception {
    CliRun run = run("explain", "--user", "1000027", "--horizon-days", "1", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(Json.mapper().readTree(run.out()).get("modelId").asText()).isEqualTo("purchase-v1");
  }

  @Test
  void usageErrors() {
    CliRun clv = run("train", "--task", "clv", "--horizon-days", "2", "--cutoffs", "2");
    assertThat(clv.exitCode()).isEqualTo(2);
    assertThat(clv.err()).contains("nobody spent");
    CliRun bad = run("predict", "--task", "purchase", "--out", "x.txt");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("--out must end in .csv or .parquet");
    CliRun missing = run("predict", "--task", "churn");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no churn model in the registry");
    CliRun task = run("train", "--task", "upsell");
    assertThat(task.exitCode()).isEqualTo(2);
    assertThat(task.err()).contains("task must be purchase, churn, clv or time-to-purchase");
  }
}
