package org.shopcast.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.ServerConfig;
import org.shopcast.server.ShopcastServer;
import org.shopcast.server.auth.ApiKeys;
import org.shopcast.testkit.Fixtures;

/**
 * The server's analytics endpoints answer the same JSON objects as the matching {@code shopcast ...
 * --json} commands on the same store (the 43-user Taobao histories), and refuse a write key.
 */
class ServeAnalyticsTest {
  private static final String WRITE = "serve-analytics-write";
  private static final String READ = "serve-analytics-read";

  @TempDir Path workspace;

  private JsonNode cli(String... args) throws Exception {
    CliRun run = CliRun.inWorkspace(workspace, args);
    assertThat(run.exitCode()).as(run.err()).isZero();
    return Json.mapper().readTree(run.out());
  }

  @Test
  void analyticsEndpoints_equalTheCliJson() throws Exception {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    cli("import", file, "--format", "taobao", "--json");
    // endpoint (with query) -> the command line printing the same object
    Map<String, List<String>> cases = new LinkedHashMap<>();
    cases.put("/api/v1/quality", List.of("quality", "--json"));
    cases.put("/api/v1/kpis?grain=day", List.of("analyze", "kpis", "--grain", "day", "--json"));
    cases.put("/api/v1/kpis?grain=hour", List.of("analyze", "kpis", "--grain", "hour", "--json"));
    cases.put(
        "/api/v1/kpis?grain=week&tz=Asia/Shanghai&by=category&top=3",
        List.of(
            "analyze",
            "kpis",
            "--grain",
            "week",
            "--tz",
            "Asia/Shanghai",
            "--by",
            "category",
            "--top",
            "3",
            "--json"));
    cases.put("/api/v1/funnel", List.of("analyze", "funnel", "--json"));
    cases.put(
        "/api/v1/funnel?steps=VIEW,FAVORITE,PURCHASE&per=session&within-hours=24",
        List.of(
            "analyze",
            "funnel",
            "--steps",
            "VIEW,FAVORITE,PURCHASE",
            "--per",
            "session",
            "--within-hours",
            "24",
            "--json"));
    cases.put("/api/v1/retention", List.of("analyze", "retention", "--json"));
    cases.put(
        "/api/v1/retention?cohort=purchase&period=week&measure=purchase&tz=Asia/Shanghai",
        List.of(
            "analyze",
            "retention",
            "--cohort",
            "purchase",
            "--period",
            "week",
            "--measure",
            "purchase",
            "--tz",
            "Asia/Shanghai",
            "--json"));
    cases.put("/api/v1/rfm", List.of("analyze", "rfm", "--json"));
    cases.put("/api/v1/rfm?users=true", List.of("analyze", "rfm", "--users", "--json"));
    Map<String, JsonNode> expected = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> c : cases.entrySet()) {
      expected.put(c.getKey(), cli(c.getValue().toArray(new String[0])));
    }
    // segments: the k-means object of `analyze segments` next to the RFM object of `analyze rfm`
    ObjectNode segments = Json.mapper().createObjectNode();
    segments.set("kmeans", cli("analyze", "segments", "--json"));
    segments.set("rfm", expected.get("/api/v1/rfm"));
    expected.put("/api/v1/segments", segments);
    ObjectNode fewer = Json.mapper().createObjectNode();
    fewer.set(
        "kmeans",
        cli("analyze", "segments", "--min-k", "3", "--max-k", "4", "--seed", "7", "--json"));
    fewer.set("rfm", expected.get("/api/v1/rfm"));
    expected.put("/api/v1/segments?min-k=3&max-k=4&seed=7", fewer);
    // profiles: a user's row of `analyze profiles --json` (the last build, in UTC)
    JsonNode profiles = cli("analyze", "profiles", "--limit", "0", "--json");
    assertThat(profiles.get("rows")).hasSize(43);
    for (JsonNode row : List.of(profiles.get("rows").get(0), profiles.get("rows").get(42))) {
      expected.put("/api/v1/users/" + row.get("user_id").asText() + "/profile", row);
    }

    HttpClient http = HttpClient.newHttpClient();
    try (EventStore store = EventStore.open(workspace);
        ShopcastServer server =
            ShopcastServer.start(
                ServerConfig.onPort(0),
                store,
                ApiKeys.of(WRITE, READ, "serve-analytics-admin"),
                Clock.systemUTC())) {
      for (Map.Entry<String, JsonNode> c : expected.entrySet()) {
        HttpResponse<String> response = get(http, server.url() + c.getKey(), READ);
        assertThat(response.statusCode()).as(c.getKey() + ": " + response.body()).isEqualTo(200);
        JsonNode served = Json.mapper().readTree(response.body());
        JsonNode printed = c.getValue();
        if (c.getKey().startsWith("/api/v1/quality")) {
          // the report's time stamp is the only field that depends on when it was computed
          assertThat(served.get("generatedAt").asText()).isNotEmpty();
          ((ObjectNode) served).remove("generatedAt");
          ((ObjectNode) printed).remove("generatedAt");
        }
        assertThat(printed.size()).as(c.getKey()).isGreaterThan(1);
        assertThat(served).as(c.getKey()).isEqualTo(printed);
        HttpResponse<String> refused = get(http, server.url() + c.getKey(), WRITE);
        assertThat(refused.statusCode()).as(c.getKey()).isEqualTo(403);
        assertThat(Json.mapper().readTree(refused.body()).get("errors").get(0).get("code").asText())
            .isEqualTo("Forbidden");
      }
    }
  }

  private static HttpResponse<String> get(HttpClient http, String url, String key)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
