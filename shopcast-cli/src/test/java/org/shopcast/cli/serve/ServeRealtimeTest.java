package org.shopcast.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
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
 * The server's scores and recommendations equal what {@code shopcast predict}, {@code explain} and
 * {@code recommend --json} print for the same user, model and lists on the same workspace (the
 * 43-user Taobao histories).
 */
class ServeRealtimeTest {
  private static final String READ = "serve-realtime-read";
  private static final String USER = "1000027";

  @TempDir Path workspace;

  private CliRun run(String... args) {
    CliRun run = CliRun.inWorkspace(workspace, args);
    assertThat(run.exitCode()).as(String.join(" ", args) + ": " + run.err()).isZero();
    return run;
  }

  private JsonNode json(String... args) throws Exception {
    return Json.mapper().readTree(run(args).out());
  }

  @Test
  void scoresAndRecommendations_equalTheCliOnTheSameWorkspace() throws Exception {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    run("import", file, "--format", "taobao");
    run("train", "--task", "purchase", "--horizon-days", "1", "--cutoffs", "4");
    run("train", "recs", "--model", "iknn", "-n", "20");
    JsonNode explained =
        json("explain", "--user", USER, "--horizon-days", "1", "--top", "3", "--json");
    JsonNode predicted = json("predict", "--task", "purchase", "--json");
    JsonNode recommended = json("recommend", "--user", USER, "-n", "5", "--json");
    String item = recommended.get("items").get(0).get("itemId").asText();
    JsonNode similar = json("recommend", "--item", item, "-n", "5", "--json");

    HttpClient http = HttpClient.newHttpClient();
    try (EventStore store = EventStore.open(workspace);
        ShopcastServer server =
            ShopcastServer.start(
                ServerConfig.onPort(0),
                store,
                ApiKeys.of("serve-realtime-write", READ, "serve-realtime-admin"),
                Clock.systemUTC())) {
      double stored;
      try (PreparedStatement ps =
          store
              .connection()
              .prepareStatement("SELECT score FROM scores WHERE model_id = ? AND user_id = ?")) {
        ps.setString(1, predicted.get("modelId").asText());
        ps.setString(2, USER);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          stored = rs.getDouble(1);
        }
      }
      JsonNode scores = get(http, server.url() + "/api/v1/users/" + USER + "/scores?top=3");
      JsonNode score = scores.get("scores").get(0);
      assertThat(score.get("modelId").asText())
          .isEqualTo(explained.get("modelId").asText())
          .isEqualTo(predicted.get("modelId").asText());
      assertThat(score.get("score").asDouble())
          .isCloseTo(stored, within(1e-6))
          .isCloseTo(explained.get("probability").asDouble(), within(1e-6));
      assertThat(scores.get("asOf").asText()).isEqualTo(explained.get("cutoff").asText());
      assertThat(score.get("reasons")).hasSize(3);
      for (int i = 0; i < 3; i++) {
        JsonNode served = score.get("reasons").get(i);
        JsonNode printed = explained.get("reasons").get(i);
        assertThat(served.get("feature")).isEqualTo(printed.get("feature"));
        assertThat(served.get("text")).isEqualTo(printed.get("text"));
        assertThat(served.get("contribution").asDouble())
            .isCloseTo(printed.get("contribution").asDouble(), within(1e-6));
      }
      JsonNode recs =
          get(http, server.url() + "/api/v1/users/" + USER + "/recommendations?n=5&session=false");
      assertThat(recs.get("items")).isEqualTo(recommended.get("items"));
      assertThat(recs.get("lists").get("version"))
          .isEqualTo(recommended.get("lists").get("version"));
      JsonNode served = get(http, server.url() + "/api/v1/items/" + item + "/similar?n=5");
      assertThat(served.get("items")).isEqualTo(similar.get("items"));
    }
  }

  private static JsonNode get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + READ)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url + ": " + response.body()).isEqualTo(200);
    return Json.mapper().readTree(response.body());
  }
}
