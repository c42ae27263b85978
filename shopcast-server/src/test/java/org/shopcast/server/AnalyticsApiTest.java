package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analytics endpoints: figures, parameters, errors and roles (CLI equality: shopcast-cli). */
class AnalyticsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] PATHS = {
    "/api/v1/quality", "/api/v1/kpis", "/api/v1/funnel", "/api/v1/retention", "/api/v1/rfm"
  };

  @TempDir Path workspace;
  @TempDir Path emptyWorkspace;
  private TestServer t;

  @BeforeEach
  void start() throws Exception {
    t = new TestServer(workspace);
    StringBuilder events = new StringBuilder("[");
    // u1 views, carts and buys on day 1 and comes back on day 2; u2 only views on day 1
    String[][] rows = {
      {"e1", "u1", "2024-05-01T10:00:00Z", "VIEW", ""},
      {"e2", "u1", "2024-05-01T10:01:00Z", "CART_ADD", ",\"price\":5"},
      {"e3", "u1", "2024-05-01T10:02:00Z", "PURCHASE", ",\"price\":5,\"order_id\":\"o1\""},
      {"e4", "u2", "2024-05-01T11:00:00Z", "VIEW", ""},
      {"e5", "u1", "2024-05-02T09:00:00Z", "VIEW", ""},
      {"e6", "u1", "2024-05-02T09:05:00Z", "PURCHASE", ",\"price\":5,\"order_id\":\"o2\""}
    };
    for (String[] r : rows) {
      events
          .append(events.length() > 1 ? "," : "")
          .append("{\"event_id\":\"")
          .append(r[0])
          .append("\",\"user_id\":\"")
          .append(r[1])
          .append("\",\"ts\":\"")
          .append(r[2])
          .append("\",\"type\":\"")
          .append(r[3])
          .append("\",\"item_id\":\"a\"")
          .append(r[4])
          .append('}');
    }
    events.append(']');
    HttpResponse<String> posted =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), events.toString());
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
  }

  @AfterEach
  void stop() throws Exception {
    t.close();
  }

  private JsonNode read(String path) throws Exception {
    HttpResponse<String> response = t.get(path, TestServer.bearer(TestServer.READ));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    return JSON.readTree(response.body());
  }

  @Test
  void kpis_dailyRowsCountTheStoredEvents() throws Exception {
    JsonNode kpis = read("/api/v1/kpis?grain=day");
    assertThat(kpis.get("grain").asText()).isEqualTo("day");
    JsonNode rows = kpis.get("rows");
    assertThat(rows).hasSize(2);
    long views = 0;
    long orders = 0;
    for (JsonNode row : rows) {
      views += row.get("views").asLong();
      orders += row.get("orders").asLong();
    }
    assertThat(views).isEqualTo(t.count("SELECT count(*) FROM events WHERE type = 'VIEW'"));
    assertThat(orders)
        .isEqualTo(t.count("SELECT count(DISTINCT order_id) FROM events WHERE type = 'PURCHASE'"));
    assertThat(read("/api/v1/kpis?grain=hour").get("rows").size()).isEqualTo(24);
    assertThat(read("/api/v1/kpis?grain=week").get("rows").size()).isEqualTo(1);
  }

  @Test
  void funnelRetentionRfmQuality_answerTheirObjects() throws Exception {
    JsonNode funnel = read("/api/v1/funnel?steps=view,purchase&within-hours=48");
    assertThat(funnel.get("rows").get(0).get("count").asLong()).isEqualTo(2);
    assertThat(funnel.get("rows").get(1).get("count").asLong()).isEqualTo(1);
    JsonNode retention = read("/api/v1/retention");
    assertThat(retention.get("cohorts").get(0).get("size").asLong()).isEqualTo(2);
    assertThat(retention.get("cohorts").get(0).get("retention").get(1).asDouble()).isEqualTo(0.5);
    assertThat(retention.get("repeatPurchaseRate").asDouble()).isEqualTo(1.0);
    JsonNode rfm = read("/api/v1/rfm?users=true");
    assertThat(rfm.get("buyers").asLong()).isEqualTo(1);
    assertThat(rfm.get("users")).hasSize(1);
    JsonNode quality = read("/api/v1/quality");
    assertThat(quality.get("events").asLong()).isEqualTo(6);
    assertThat(quality.get("checks").size()).isGreaterThan(1);
  }

  @Test
  void badParameters_are400NamingTheField() throws Exception {
    String[][] cases = {
      {"/api/v1/kpis?grain=month", "grain", "month"},
      {"/api/v1/kpis?tz=Mars/Olympus", "tz", "Mars/Olympus"},
      {"/api/v1/kpis?top=0", "top", "0"},
      {"/api/v1/funnel?steps=VIEW,BUY", "steps", "VIEW,BUY"},
      {"/api/v1/funnel?within-hours=x", "within-hours", "x"},
      {"/api/v1/retention?period=year", "period", "year"},
      {"/api/v1/rfm?users=maybe", "users", "maybe"},
      {"/api/v1/quality?verbose=1", "verbose", "1"}
    };
    for (String[] c : cases) {
      HttpResponse<String> response = t.get(c[0], TestServer.bearer(TestServer.READ));
      assertThat(response.statusCode()).as(c[0]).isEqualTo(400);
      JsonNode error = JSON.readTree(response.body()).get("errors").get(0);
      assertThat(error.get("code").asText()).as(c[0]).isEqualTo("BadParameter");
      assertThat(error.get("field").asText()).as(c[0]).isEqualTo(c[1]);
      assertThat(error.get("value").asText()).as(c[0]).isEqualTo(c[2]);
      assertThat(error.get("message").asText()).as(c[0]).contains(c[2]);
    }
  }

  @Test
  void segmentFunnelWithoutSegments_is409() throws Exception {
    HttpResponse<String> response =
        t.get("/api/v1/funnel?by=segment", TestServer.bearer(TestServer.READ));
    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(response.body()).contains("NoSegments").contains("analyze segments");
  }

  @Test
  void writeKeyIsRefused_andNoKeyIs401() throws Exception {
    for (String path : PATHS) {
      HttpResponse<String> write = t.get(path, TestServer.bearer(TestServer.WRITE));
      assertThat(write.statusCode()).as(path).isEqualTo(403);
      assertThat(JSON.readTree(write.body()).get("errors").get(0).get("code").asText())
          .isEqualTo("Forbidden");
      assertThat(write.body()).doesNotContain(TestServer.WRITE);
      HttpResponse<String> none = t.get(path, null);
      assertThat(none.statusCode()).as(path).isEqualTo(401);
      assertThat(t.get(path, TestServer.bearer("not-a-key-at-all")).statusCode()).isEqualTo(401);
      assertThat(t.get(path, TestServer.bearer(TestServer.ADMIN)).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void emptyStore_is409ExceptQuality() throws Exception {
    try (TestServer empty = new TestServer(emptyWorkspace)) {
      for (String path : PATHS) {
        HttpResponse<String> response = empty.get(path, TestServer.bearer(TestServer.READ));
        if (path.endsWith("quality")) {
          assertThat(response.statusCode()).isEqualTo(200);
          assertThat(JSON.readTree(response.body()).get("score").asDouble()).isZero();
        } else {
          assertThat(response.statusCode()).as(path).isEqualTo(409);
          assertThat(response.body()).as(path).contains("EmptyStore");
        }
      }
    }
  }
}
