package org.shopcast.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.testkit.Fixtures;

class AnalyzeRulesCommandTest {
  @TempDir Path workspace;

  @Test
  void rulesJson_groceriesMatchesArules() throws Exception {
    String file = Fixtures.path("groceries/groceries.csv").toString();
    CliRun run =
        CliRun.of(
            "--workspace",
            workspace.toString(),
            "analyze",
            "rules",
            "--baskets",
            file,
            "--min-support",
            "0.001",
            "--min-confidence",
            "0.5",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("transactions").asInt()).isEqualTo(9835);
    assertThat(json.get("itemsets").asInt()).isEqualTo(13492);
    JsonNode rules = json.get("rules");
    assertThat(rules.size()).isEqualTo(5668);
    Map<Integer, Integer> bySize = new HashMap<>();
    JsonNode honey = null;
    for (JsonNode rule : rules) {
      bySize.merge(rule.get("antecedent").size() + rule.get("consequent").size(), 1, Integer::sum);
      if (rule.get("antecedent").toString().equals("[\"honey\"]")
          && rule.get("consequent").toString().equals("[\"whole milk\"]")) {
        honey = rule;
      }
    }
    assertThat(bySize)
        .containsExactlyInAnyOrderEntriesOf(Map.of(2, 11, 3, 1461, 4, 3211, 5, 939, 6, 46));
    assertThat(honey).isNotNull();
    assertThat(honey.get("support").asDouble()).isCloseTo(0.001118454, within(1e-9));
    assertThat(honey.get("confidence").asDouble()).isCloseTo(0.7333333, within(1e-7));
    assertThat(honey.get("lift").asDouble()).isCloseTo(2.870009, within(1e-6));
    // rules with confidence 1 have infinite conviction, printed as null (valid JSON)
    assertThat(rules.findValues("conviction")).anyMatch(JsonNode::isNull);
    // ranked by lift, highest first
    assertThat(rules.get(0).get("lift").asDouble())
        .isGreaterThanOrEqualTo(rules.get(1).get("lift").asDouble());
  }

  @Test
  void rulesFromStore_sessionBasketsOfTaobao() throws Exception {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    assertThat(
            CliRun.of("--workspace", workspace.toString(), "import", file, "--format", "taobao")
                .exitCode())
        .isZero();
    CliRun run =
        CliRun.of(
            "--workspace",
            workspace.toString(),
            "analyze",
            "rules",
            "--by",
            "session",
            "--level",
            "category",
            "--min-support",
            "0.02",
            "--min-confidence",
            "0.3",
            "--json");

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("transactions").asInt()).isPositive();
    assertThat(json.get("rules").size()).isPositive();
  }

  @Test
  void rules_missingBasketFileIsAFailureNamingTheFile() {
    CliRun run =
        CliRun.of(
            "--workspace",
            workspace.toString(),
            "analyze",
            "rules",
            "--baskets",
            workspace.resolve("nope.csv").toString());
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("nope.csv");
  }

  @Test
  void rules_emptyStoreIsAUsageError() {
    CliRun run = CliRun.of("--workspace", workspace.toString(), "analyze", "rules");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no order baskets");
  }
}
