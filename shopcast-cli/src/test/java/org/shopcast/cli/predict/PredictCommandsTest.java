package org.shopcast.cli.predict;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

/** {@code evaluate --task} and {@code explain} on the Taobao 43-user histories. */
class PredictCommandsTest {
  @TempDir static Path workspace;

  private static CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  @BeforeAll
  static void importTaobao() {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    CliRun run = run("import", file, "--format", "taobao");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  @Test
  void evaluateTask_printsTheContractJson() throws Exception {
    CliRun run =
        run(
            "evaluate",
            "--task",
            "purchase",
            "--horizon-days",
            "1",
            "--train-cutoffs",
            "4",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("task").asText()).isEqualTo("purchase");
    assertThat(json.get("holdout").get("cutoff").asText()).isEqualTo("2017-12-03T00:00:00Z");
    assertThat(json.get("holdout").get("rows").asInt()).isPositive();
    List<String> names = new ArrayList<>();
    for (JsonNode model : json.get("models")) {
      names.add(model.get("name").asText());
      for (String field : new String[] {"auc", "prAuc", "f1", "logLoss"}) {
        assertThat(model.has(field)).as(field).isTrue();
      }
    }
    assertThat(names).contains("xgboost", "logistic", "baseline:bought-last-H-days");
  }

  @Test
  void evaluateTask_text_showsATable() {
    CliRun run = run("evaluate", "--task", "purchase", "--horizon-days", "1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("holdout cutoff 2017-12-03T00:00:00Z").contains("xgboost");
  }

  @Test
  void evaluateTask_modelGru_addsTheGruRow() throws Exception {
    CliRun run =
        run(
            "evaluate",
            "--task",
            "purchase",
            "--horizon-days",
            "1",
            "--model",
            "gru",
            "--gru-events",
            "20",
            "--gru-epochs",
            "3",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    List<String> names = new ArrayList<>();
    for (JsonNode model : json.get("models")) {
      names.add(model.get("name").asText());
    }
    assertThat(names).contains("gru", "xgboost");
  }

  @Test
  void evaluateTask_unknownModel_isUsageError() {
    CliRun run = run("evaluate", "--task", "purchase", "--horizon-days", "1", "--model", "lstm");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--model must be gru, got 'lstm'");
  }

  @Test
  void evaluateTask_unknownTask_isUsageError() {
    CliRun run = run("evaluate", "--task", "upsell", "--horizon-days", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .contains("task must be purchase, churn, clv or time-to-purchase, got 'upsell'");
  }

  @Test
  void explain_listsReasons() throws Exception {
    CliRun run = run("explain", "--user", "1000027", "--horizon-days", "1", "--top", "3", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("user").asText()).isEqualTo("1000027");
    assertThat(json.get("reasons")).hasSize(3);
    assertThat(json.get("reasons").get(0).get("text").asText()).matches(".+: [+-]\\d\\.\\d\\d");
  }

  @Test
  void explain_unknownUser_isUsageError() {
    CliRun run = run("explain", "--user", "nobody", "--horizon-days", "1");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("user 'nobody' has no events");
  }
}
