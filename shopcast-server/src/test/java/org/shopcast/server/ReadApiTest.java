package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workspace;
  private TestServer t;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(workspace);
    String now = java.time.Instant.now().minusSeconds(60).toString();
    String events =
        "[{\"event_id\":\"e1\",\"user_id\":\"u1\",\"ts\":\"2024-05-01T10:00:00Z\",\"type\":\"VIEW\","
            + "\"item_id\":\"a\"},"
            + "{\"event_id\":\"e2\",\"user_id\":\"u1\",\"ts\":\"2024-05-01T10:01:00Z\","
            + "\"type\":\"CART_ADD\",\"item_id\":\"a\",\"quantity\":2,\"price\":5},"
            + "{\"event_id\":\"e3\",\"user_id\":\"u1\",\"ts\":\"2024-05-01T10:02:00Z\","
            + "\"type\":\"CART_REMOVE\",\"item_id\":\"a\",\"quantity\":1},"
            + "{\"event_id\":\"e4\",\"user_id\":\"u1\",\"ts\":\"2024-05-01T10:03:00Z\","
            + "\"type\":\"CART_ADD\",\"item_id\":\"b\",\"price\":7},"
            + "{\"event_id\":\"e5\",\"user_id\":\"u1\",\"ts\":\"2024-05-01T10:04:00Z\","
            + "\"type\":\"PURCHASE\",\"item_id\":\"b\",\"price\":7,\"order_id\":\"o1\"},"
            + "{\"event_id\":\"e6\",\"user_id\":\"u1\",\"ts\":\""
            + now
            + "\",\"type\":\"SEARCH\",\"query\":\"red hat\"},"
            + "{\"event_id\":\"e7\",\"user_id\":\"u2\",\"ts\":\"2024-05-02T10:00:00Z\","
            + "\"type\":\"VIEW\",\"item_id\":\"a\"}]";
    HttpResponse<String> posted =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), events);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() throws Exception {
    t.close();
  }

  private JsonNode read(String path) throws Exception {
    HttpResponse<String> response = t.get(path, TestServer.bearer(TestServer.READ));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  @Test
  void stats_countsWhatTheStoreHolds() throws Exception {
    JsonNode stats = read("/api/v1/stats");
    assertThat(stats.get("events").asLong()).isEqualTo(t.count("SELECT count(*) FROM events"));
    assertThat(stats.get("users").asLong()).isEqualTo(2);
    assertThat(stats.get("byType").get("CART_ADD").asLong()).isEqualTo(2);
    assertThat(stats.get("minTs").asText()).isEqualTo("2024-05-01T10:00:00Z");
  }

  @Test
  void stats_followEveryCommitWithoutRescanning() throws Exception {
    read("/api/v1/stats"); // first use: read from the store, then advanced by each commit
    java.util.Random random = new java.util.Random(5);
    String[] types = {"VIEW", "CART_ADD", "PURCHASE", "SEARCH", "FAVORITE"};
    for (int request = 0; request < 6; request++) {
      StringBuilder body = new StringBuilder("[");
      for (int i = 0; i < 40; i++) {
        String type = types[random.nextInt(types.length)];
        body.append(i > 0 ? "," : "")
            .append("{\"event_id\":\"r")
            .append(random.nextInt(150)) // repeats: duplicates in and across requests
            .append("\",\"user_id\":\"v")
            .append(random.nextInt(30))
            .append("\",\"ts\":")
            .append(1_600_000_000_000L + random.nextInt(1_000_000_000))
            .append(",\"type\":\"")
            .append(type)
            .append(type.equals("SEARCH") ? "\",\"query\":\"q\"" : "\",\"item_id\":\"i")
            .append(type.equals("SEARCH") ? "" : random.nextInt(60) + "\"")
            .append('}');
      }
      HttpResponse<String> posted =
          t.post(
              "/api/v1/events", TestServer.bearer(TestServer.WRITE), body.append(']').toString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      JsonNode stats = read("/api/v1/stats");
      assertThat(stats.get("events").asLong()).isEqualTo(t.count("SELECT count(*) FROM events"));
      assertThat(stats.get("users").asLong())
          .isEqualTo(t.count("SELECT count(DISTINCT user_id) FROM events"));
      assertThat(stats.get("items").asLong())
          .isEqualTo(t.count("SELECT count(DISTINCT item_id) FROM events"));
      assertThat(java.time.Instant.parse(stats.get("minTs").asText()).toEpochMilli())
          .isEqualTo(t.count("SELECT epoch_ms(min(ts)) FROM events"));
      assertThat(java.time.Instant.parse(stats.get("maxTs").asText()).toEpochMilli())
          .isEqualTo(t.count("SELECT epoch_ms(max(ts)) FROM events"));
      StringBuilder expected = new StringBuilder();
      for (org.shopcast.core.event.EventType type : org.shopcast.core.event.EventType.values()) {
        long n = t.count("SELECT count(*) FROM events WHERE type = '" + type.name() + "'");
        if (n > 0) {
          expected.append(type).append('=').append(n).append(' ');
        }
      }
      StringBuilder actual = new StringBuilder();
      stats
          .get("byType")
          .fields()
          .forEachRemaining(
              e -> actual.append(e.getKey()).append('=').append(e.getValue().asLong()).append(' '));
      assertThat(Set.of(actual.toString().split(" ")))
          .isEqualTo(Set.of(expected.toString().split(" ")));
      // largest first
      long previous = Long.MAX_VALUE;
      for (JsonNode n : stats.get("byType")) {
        assertThat(n.asLong()).isLessThanOrEqualTo(previous);
        previous = n.asLong();
      }
    }
  }

  @Test
  void user_showsCountersCartSessionAndRecentEvents() throws Exception {
    JsonNode user = read("/api/v1/users/u1");
    assertThat(user.get("counters").get("CART_ADD").asLong()).isEqualTo(2);
    assertThat(user.get("revenue").decimalValue()).isEqualByComparingTo("7");
    assertThat(user.get("cart")).hasSize(1);
    assertThat(user.get("cart").get(0).get("itemId").asText()).isEqualTo("a");
    assertThat(user.get("cart").get(0).get("quantity").asLong()).isEqualTo(1);
    assertThat(user.get("recent").get(0).get("type").asText()).isEqualTo("SEARCH");
    assertThat(user.get("recent")).hasSize(6);
    assertThat(user.get("session").get("active").asBoolean()).isTrue();
    assertThat(user.get("session").get("events").asLong()).isEqualTo(1);
  }

  @Test
  void user_unknownIs404_andBadParameterIs400() throws Exception {
    HttpResponse<String> unknown =
        t.get("/api/v1/users/nobody", TestServer.bearer(TestServer.READ));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("UnknownUser").contains("nobody");
    HttpResponse<String> bad = t.get("/api/v1/volume?days=abc", TestServer.bearer(TestServer.READ));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("BadParameter").contains("abc");
    HttpResponse<String> noRoute = t.get("/api/v1/nothing", TestServer.bearer(TestServer.READ));
    assertThat(noRoute.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(noRoute.body()).get("errors").get(0).get("code").asText())
        .isEqualTo("NotFound");
  }

  @Test
  void withoutModelsOrLists_scoresAndRecommendationsAre409_andTheUserHasNeither() throws Exception {
    HttpResponse<String> recs =
        t.get("/api/v1/users/u1/recommendations", TestServer.bearer(TestServer.READ));
    assertThat(recs.statusCode()).isEqualTo(409);
    assertThat(recs.body()).contains("NoLists").contains("shopcast train recs");
    HttpResponse<String> similar =
        t.get("/api/v1/items/a/similar", TestServer.bearer(TestServer.READ));
    assertThat(similar.statusCode()).isEqualTo(409);
    HttpResponse<String> scores =
        t.get("/api/v1/users/u1/scores", TestServer.bearer(TestServer.READ));
    assertThat(scores.statusCode()).isEqualTo(409);
    assertThat(scores.body()).contains("NoModels").contains("shopcast train --task purchase");
    JsonNode user = read("/api/v1/users/u1?include=scores,recommendations");
    assertThat(user.has("scores")).isFalse();
    assertThat(user.has("recommendations")).isFalse();
    HttpResponse<String> badInclude =
        t.get("/api/v1/users/u1?include=everything", TestServer.bearer(TestServer.READ));
    assertThat(badInclude.statusCode()).isEqualTo(400);
    assertThat(badInclude.body()).contains("include");
  }

  @Test
  void rfm_isCachedUntilTheNextCommit() throws Exception {
    assertThat(read("/api/v1/rfm").get("buyers").asLong()).isEqualTo(1);
    // written beside the server's writer: no commit hook runs, so the cached answer stays
    try (java.sql.Connection c =
            t.store.connection().unwrap(org.duckdb.DuckDBConnection.class).duplicate();
        java.sql.Statement st = c.createStatement()) {
      st.execute(
          "INSERT INTO events (event_id, user_id, ts, type, item_id, quantity, price, import_id)"
              + " VALUES (md5_number('side-1'), 'u9', TIMESTAMP '2024-05-03 10:00:00', 'PURCHASE', 'a', 1,"
              + " 3, 0)");
    }
    assertThat(read("/api/v1/rfm").get("buyers").asLong()).isEqualTo(1);
    assertThat(read("/api/v1/rfm?users=true").get("buyers").asLong()).isEqualTo(2);
    String purchase =
        "[{\"event_id\":\"p3\",\"user_id\":\"u3\",\"ts\":\"2024-05-04T10:00:00Z\","
            + "\"type\":\"PURCHASE\",\"item_id\":\"a\",\"price\":4}]";
    HttpResponse<String> posted =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), purchase);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    assertThat(read("/api/v1/rfm").get("buyers").asLong()).isEqualTo(3);
  }

  @Test
  void volume_countsByDayAndType() throws Exception {
    JsonNode volume = read("/api/v1/volume?days=3660");
    long total = 0;
    for (JsonNode row : volume.get("rows")) {
      total += row.get("events").asLong();
    }
    assertThat(total).isEqualTo(7);
    assertThat(volume.get("days").get(0).asText()).isEqualTo("2024-05-01");
  }

  @Test
  void openapi_documentsEveryRoute() throws Exception {
    JsonNode paths = read("/openapi.json").get("paths");
    Set<String> documented = new HashSet<>();
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      for (Iterator<String> methods = paths.get(path).fieldNames(); methods.hasNext(); ) {
        documented.add(methods.next().toUpperCase(Locale.ROOT) + " " + path);
      }
    }
    Set<String> served = new HashSet<>();
    t.server.routes().forEach(r -> served.add(r.method() + " " + r.path()));
    assertThat(documented).isEqualTo(served);
  }

  @Test
  void metricsHealthAndDashboard_areServed() throws Exception {
    String metrics = t.get("/metrics", TestServer.bearer(TestServer.READ)).body();
    assertThat(metrics)
        .contains("http_server_requests_seconds_count{method=\"POST\",route=\"/api/v1/events\"")
        .contains("shopcast_events_accepted_total 7.0")
        .contains("shopcast_ingest_queue_depth")
        .contains("shopcast_events_rejected")
        .contains("jvm_memory_used_bytes");
    assertThat(t.get("/health/live", null).statusCode()).isEqualTo(200);
    assertThat(t.get("/health/ready", null).body()).contains("\"ready\"");
    assertThat(t.get("/", null).body()).contains("echarts.min.js").contains("Shopcast");
    assertThat(t.get("/webjars/echarts/5.3.1/dist/echarts.min.js", null).statusCode())
        .isEqualTo(200);
  }
}
