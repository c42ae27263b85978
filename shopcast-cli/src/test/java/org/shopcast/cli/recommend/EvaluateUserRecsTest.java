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

class EvaluateUserRecsTest {
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
  void leaveLastOut_json_reportsEveryUserModel_popularityFirst() throws Exception {
    CliRun run = run("evaluate", "recs", "--split", "leave-last-out", "--k", "10", "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode report = Json.mapper().readTree(run.out());
    assertThat(report.get("split").asText()).isEqualTo("leave-last-out");
    JsonNode models = report.get("models");
    assertThat(models).hasSize(4);
    assertThat(models.get(0).get("name").asText()).isEqualTo("popular");
    for (JsonNode m : models) {
      assertThat(m.get("hitRate").asDouble()).isBetween(0.0, 1.0);
      assertThat(m.get("users").asLong()).isPositive();
    }
  }

  @Test
  void temporal_withACutoff_printsATable_andBadSplitIsUsage() {
    CliRun run =
        run(
            "evaluate",
            "recs",
            "--split",
            "temporal",
            "--cutoff",
            "2017-12-01T16:00:00Z",
            "--models",
            "iknn");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("split temporal at 2017-12-01T16:00:00Z", "popular", "iknn");
    CliRun bad = run("evaluate", "recs", "--split", "random");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown split 'random'");
  }
}
