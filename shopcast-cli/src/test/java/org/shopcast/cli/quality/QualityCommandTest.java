package org.shopcast.cli.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class QualityCommandTest {
  @TempDir Path dir;

  private CliRun run(String... args) {
    return CliRun.inWorkspace(dir.resolve("ws"), args);
  }

  @Test
  void qualityJson_onAnEmptyWorkspace_reportsScoreZero() throws Exception {
    CliRun run = run("quality", "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("events").asLong()).isZero();
    assertThat(json.get("score").asDouble()).isZero();
    assertThat(json.get("checks").get(0).get("status").asText()).isEqualTo("fail");
  }

  @Test
  void quality_afterImport_printsJsonAndWritesTheHtmlPage() throws Exception {
    String sample = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    assertThat(run("import", sample, "--format", "taobao").exitCode()).isZero();
    Path html = dir.resolve("out/quality.html");

    CliRun run = run("quality", "--json", "--html", html.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    JsonNode stats = Json.mapper().readTree(run("stats", "--json").out());
    for (String field : new String[] {"events", "users", "items", "minTs", "maxTs"}) {
      assertThat(json.get(field)).as(field).isEqualTo(stats.get(field));
    }
    assertThat(json.get("score").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.get("checks").findValuesAsText("status")).isSubsetOf("pass", "warn", "fail");
    assertThat(Files.readString(html)).contains("echarts.init", "time.badTimestamps");

    CliRun text = run("quality");
    assertThat(text.out()).startsWith("quality score ").contains("warn  time.badTimestamps");
  }

  @Test
  void quality_unwritableHtml_failsWithExitOne() throws Exception {
    Path blocker = dir.resolve("file");
    Files.writeString(blocker, "x");

    CliRun run = run("quality", "--html", blocker.resolve("q.html").toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("shopcast: cannot write the HTML report to");
  }

  @Test
  void demo_endsWithTheQualitySummaryOfTheStore() throws Exception {
    CliRun demo = run("demo");

    assertThat(demo.exitCode()).as(demo.err()).isZero();
    JsonNode json = Json.mapper().readTree(run("quality", "--json").out());
    String summary = demo.out().substring(demo.out().indexOf("== Quality"));
    assertThat(summary)
        .contains(
            String.format(
                java.util.Locale.ROOT, "quality score %.3f", json.get("score").asDouble()));
    for (JsonNode check : json.get("checks")) {
      String line = check.get("status").asText() + "  " + check.get("name").asText() + ":";
      if (check.get("status").asText().equals("pass")) {
        assertThat(summary).doesNotContain(line);
      } else {
        assertThat(summary).contains(line);
      }
    }
    assertThat(summary).contains("warn  time.badTimestamps:");
  }
}
