package org.shopcast.cli.analyze;

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

/** The analyze commands' JSON contract and text output on the 43-user Taobao histories. */
class AnalyzeCommandsTest {
  @TempDir static Path workspace;

  @BeforeAll
  static void load() {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    CliRun run = run("import", file, "--format", "taobao");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  private static JsonNode json(String... args) throws Exception {
    CliRun run = run(args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  @Test
  void kpisJson_dailyRowsInTheContractShape() throws Exception {
    JsonNode kpis = json("analyze", "kpis", "--grain", "day", "--tz", "Asia/Shanghai", "--json");
    assertThat(kpis.get("grain").asText()).isEqualTo("day");
    assertThat(kpis.get("rows").size()).isEqualTo(9);
    JsonNode first = kpis.get("rows").get(0);
    assertThat(first.get("t").asText()).isEqualTo("2017-11-25T00:00+08:00");
    for (String field :
        new String[] {
          "views",
          "users",
          "carts",
          "favourites",
          "orders",
          "buyers",
          "items_sold",
          "revenue",
          "view_to_cart",
          "cart_to_purchase",
          "view_to_purchase",
          "buyer_share",
          "aov"
        }) {
      assertThat(first.has(field)).as(field).isTrue();
    }
    long views = 0;
    for (JsonNode row : kpis.get("rows")) {
      views += row.get("views").asLong();
    }
    JsonNode stats = json("stats", "--json");
    assertThat(views).isEqualTo(stats.get("byType").get("VIEW").asLong());
  }

  @Test
  void funnelRetentionRfmSegmentsPathsProfiles_printJsonObjects() throws Exception {
    JsonNode funnel = json("analyze", "funnel", "--within-hours", "24", "--json");
    assertThat(funnel.get("window").asText()).isEqualTo("24h");
    assertThat(funnel.get("rows").size()).isEqualTo(3);
    assertThat(funnel.get("rows").get(0).get("count").asLong()).isEqualTo(43);

    JsonNode retention = json("analyze", "retention", "--period", "week", "--json");
    assertThat(retention.get("cohorts").size()).isPositive();
    assertThat(retention.get("repeatPurchaseRate").asDouble()).isBetween(0.0, 1.0);

    JsonNode rfm = json("analyze", "rfm", "--json");
    long users = 0;
    for (JsonNode segment : rfm.get("segments")) {
      users += segment.get("users").asLong();
    }
    assertThat(users).isEqualTo(rfm.get("buyers").asLong()).isPositive();

    JsonNode segments = json("analyze", "segments", "--max-k", "4", "--json");
    assertThat(segments.get("k").asInt()).isBetween(2, 4);
    assertThat(segments.get("segments").get(0).get("description").asText()).isNotBlank();
    JsonNode bySegment = json("analyze", "funnel", "--by", "segment", "--json");
    long viewers = 0;
    for (JsonNode row : bySegment.get("rows")) {
      assertThat(row.has("segment")).isTrue();
      if (row.get("step").asInt() == 1) {
        viewers += row.get("count").asLong();
      }
    }
    assertThat(viewers).isEqualTo(43);

    JsonNode paths = json("analyze", "paths", "--json");
    assertThat(paths.get("types").size()).isPositive();

    JsonNode profiles = json("analyze", "profiles", "--limit", "0", "--json");
    assertThat(profiles.get("users").asLong()).isEqualTo(43);
    assertThat(profiles.get("rows").size()).isEqualTo(43);
  }

  @Test
  void text_printsTables() {
    CliRun kpis = run("analyze", "kpis", "--grain", "week");
    assertThat(kpis.exitCode()).as(kpis.err()).isZero();
    assertThat(kpis.out()).startsWith("t ").contains("views");
    CliRun funnel = run("analyze", "funnel", "--steps", "view,favorite,purchase");
    assertThat(funnel.exitCode()).as(funnel.err()).isZero();
    assertThat(funnel.out()).contains("FAVORITE");
  }

  @Test
  void funnel_unknownStepIsAUsageError() {
    CliRun run = run("analyze", "funnel", "--steps", "VIEW,CHECKOUT");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("CHECKOUT");
  }

  @Test
  void report_writesOneSelfContainedPage() throws Exception {
    Path html = workspace.resolve("report.html");
    JsonNode report = json("report", "--html", html.toString(), "--json");
    assertThat(report.get("sections").toString()).contains("kpis", "funnel", "retention", "rules");
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertThat(page).contains("echarts.init(").contains("\"type\":\"heatmap\"");
    assertThat(page).doesNotContain("<script src=");
    // the echarts library itself is inlined
    assertThat(page.length()).isGreaterThan(500_000);
  }

  @Test
  void emptyStore_failsWithAClearMessage(@TempDir Path empty) {
    CliRun run = CliRun.of("--workspace", empty.toString(), "analyze", "kpis");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("holds no events");
  }
}
