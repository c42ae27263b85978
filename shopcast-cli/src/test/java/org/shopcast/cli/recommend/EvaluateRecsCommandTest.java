package org.shopcast.cli.recommend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class EvaluateRecsCommandTest {
  @TempDir Path dir;

  private static final String TRAIN =
      Fixtures.path("yoochoose/yoochoose-clicks-100k_train_full_quarter.txt").toString();
  private static final String TEST =
      Fixtures.path("yoochoose/yoochoose-clicks-100k_test_quarter.txt").toString();

  @Test
  void json_hasTheContractShape_withPopularityFirst() throws Exception {
    CliRun run =
        CliRun.of(
            "evaluate",
            "recs",
            "--sessions-train",
            TRAIN,
            "--sessions-test",
            TEST,
            "--format",
            "yoochoose",
            "--k",
            "20",
            "--models",
            "sknn",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("k").asInt()).isEqualTo(20);
    List<String> fields = new ArrayList<>();
    json.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("k", "models");
    JsonNode models = json.get("models");
    assertThat(models).hasSize(2);
    assertThat(models.get(0).get("name").asText()).isEqualTo("popular");
    assertThat(models.get(1).get("name").asText()).isEqualTo("sknn");
    for (JsonNode model : models) {
      List<String> keys = new ArrayList<>();
      model.fieldNames().forEachRemaining(keys::add);
      assertThat(keys).containsExactly("name", "recall", "mrr", "ndcg", "coverage");
      assertThat(model.get("recall").asDouble()).isBetween(0.0, 1.0);
      assertThat(model.get("mrr").asDouble()).isBetween(0.0, model.get("recall").asDouble());
    }
    assertThat(models.get(1).get("recall").asDouble())
        .isGreaterThan(3 * models.get(0).get("recall").asDouble());
  }

  @Test
  void text_printsATable() {
    String digi = Fixtures.path("diginetica/sample_train-item-views_half.csv").toString();
    CliRun run =
        CliRun.of(
            "evaluate",
            "recs",
            "--sessions",
            digi,
            "--test-days",
            "7",
            "--format",
            "diginetica",
            "--models",
            "iknn");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("Recall@20").contains("popular").contains("iknn");
  }

  @Test
  void malformedFile_failsWithFileLineAndField() throws Exception {
    Path bad = dir.resolve("bad.txt");
    Files.writeString(bad, "SessionId\tItemId\tTime\n1\t2\tnoon\n", StandardCharsets.UTF_8);
    CliRun run =
        CliRun.of(
            "evaluate",
            "recs",
            "--sessions-train",
            bad.toString(),
            "--sessions-test",
            TEST,
            "--format",
            "yoochoose");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("bad.txt:2: [BadTimestamp] field 'Time'");
  }

  @Test
  void usageErrors_exitWith2() {
    assertThat(
            CliRun.of("evaluate", "recs", "--sessions-train", TRAIN, "--format", "yoochoose")
                .exitCode())
        .isEqualTo(2);
    assertThat(
            CliRun.of(
                    "evaluate",
                    "recs",
                    "--sessions-train",
                    TRAIN,
                    "--sessions-test",
                    TEST,
                    "--format",
                    "yoochoose",
                    "--models",
                    "gru")
                .err())
        .contains("unknown model 'gru'");
    assertThat(CliRun.of("evaluate").exitCode()).isEqualTo(2);
  }
}
