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

class IngestionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String VIEW =
      "{\"type\":\"track\",\"messageId\":\"%s\",\"userId\":\"u1\",\"event\":\"Product Viewed\","
          + "\"properties\":{\"product_id\":\"p1\",\"price\":12.5},"
          + "\"timestamp\":\"2024-05-01T12:00:00Z\"}";

  @TempDir Path workspace;
  private TestServer t;

  @BeforeEach
  void start() {
    t = new TestServer(workspace);
  }

  @AfterEach
  void stop() throws Exception {
    t.close();
  }

  private static String batch(String... messages) {
    return "{\"batch\":[" + String.join(",", messages) + "]}";
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body());
  }

  @Test
  void batch_commitsAndIsIdempotentOnMessageId() throws Exception {
    HttpResponse<String> first =
        t.post(
            "/v1/batch",
            TestServer.basic(TestServer.WRITE),
            batch(VIEW.formatted("m1"), VIEW.formatted("m2")));
    HttpResponse<String> again =
        t.post(
            "/v1/batch",
            TestServer.basic(TestServer.WRITE),
            batch(VIEW.formatted("m1"), VIEW.formatted("m2")));

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(json(first).get("success").asBoolean()).isTrue();
    assertThat(json(first).get("accepted").asInt()).isEqualTo(2);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json(again).get("duplicates").asInt()).isEqualTo(2);
    assertThat(t.count("SELECT count(*) FROM events")).isEqualTo(2);
    assertThat(t.strings("SELECT price FROM events WHERE event_id = md5_number('m1')"))
        .containsExactly("12.5000");
  }

  @Test
  void restartedServer_knowsTheStoredIds_soARetryAddsNothing() throws Exception {
    String noId = VIEW.formatted("x").replace("\"messageId\":\"x\",", "");
    String body = batch(VIEW.formatted("m1"), VIEW.formatted("m2"), noId);
    HttpResponse<String> first = t.post("/v1/batch", TestServer.basic(TestServer.WRITE), body);
    t.close();
    t = new TestServer(workspace); // loads the stored ids' fingerprints from the store
    HttpResponse<String> again = t.post("/v1/batch", TestServer.basic(TestServer.WRITE), body);

    assertThat(json(first).get("accepted").asInt()).isEqualTo(3);
    assertThat(json(again).get("accepted").asInt()).isZero();
    assertThat(json(again).get("duplicates").asInt()).isEqualTo(3);
    assertThat(t.count("SELECT count(*) FROM events")).isEqualTo(3);
  }

  @Test
  void messageWithoutId_getsTheSameDerivedIdAsTheSegmentImporter() throws Exception {
    String message =
        "{\"type\":\"track\",\"userId\":\"u5\",\"event\":\"Product Added\","
            + "\"properties\":{\"product_id\":\"p5\",\"price\":2.5,\"quantity\":2},"
            + "\"timestamp\":\"2024-05-01T12:00:00Z\"}";
    assertThat(t.post("/v1/track", TestServer.basic(TestServer.WRITE), message).statusCode())
        .isEqualTo(200);
    Path file = workspace.resolveSibling(workspace.getFileName() + "-line.jsonl");
    java.nio.file.Files.writeString(file, message + "\n");
    try (org.shopcast.data.store.EventStore other =
        org.shopcast.data.store.EventStore.open(
            workspace.resolveSibling(workspace.getFileName() + "-import"))) {
      new org.shopcast.data.importer.Importer(other, java.time.Clock.systemUTC())
          .importFile(
              file,
              org.shopcast.data.importer.ImportOptions.of(
                  org.shopcast.data.importer.Format.SEGMENT));
      try (var st = other.connection().createStatement();
          var rs = st.executeQuery("SELECT event_id FROM events")) {
        rs.next();
        assertThat(t.strings("SELECT event_id FROM events")).containsExactly(rs.getString(1));
      }
    }
  }

  @Test
  void nativeEvents_areStoredWithSessionsContinued() throws Exception {
    String body =
        "[{\"event_id\":\"n1\",\"user_id\":\"u9\",\"ts\":\"2024-05-01T10:00:00Z\",\"type\":\"VIEW\","
            + "\"item_id\":\"i1\"},{\"event_id\":\"n2\",\"user_id\":\"u9\",\"ts\":1714557900000,"
            + "\"type\":\"CART_ADD\",\"item_id\":\"i1\",\"quantity\":2,\"price\":3}]";
    HttpResponse<String> response =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), body);
    String later =
        "[{\"event_id\":\"n3\",\"user_id\":\"u9\",\"ts\":\"2024-05-01T12:00:00Z\",\"type\":\"VIEW\","
            + "\"item_id\":\"i2\"}]";
    t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), later);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(t.strings("SELECT session_id FROM events ORDER BY ts"))
        .containsExactly("u9:1714557600000", "u9:1714557600000", "u9:1714564800000");
  }

  @Test
  void invalidEvent_rejectsTheWholeRequestWithIndexAndStoresNothing() throws Exception {
    String bad =
        "{\"type\":\"track\",\"messageId\":\"m9\",\"userId\":\"u1\",\"event\":\"Product Added\","
            + "\"properties\":{\"product_id\":\"p1\",\"price\":\"cheap\"}}";
    HttpResponse<String> response =
        t.post("/v1/batch", TestServer.basic(TestServer.WRITE), batch(VIEW.formatted("m1"), bad));

    assertThat(response.statusCode()).isEqualTo(422);
    JsonNode error = json(response).get("errors").get(0);
    assertThat(error.get("index").asInt()).isEqualTo(1);
    assertThat(error.get("field").asText()).isEqualTo("properties.price");
    assertThat(error.get("code").asText()).isEqualTo("BadNumber");
    assertThat(error.get("value").asText()).isEqualTo("cheap");
    assertThat(error.get("message").asText()).contains("expected").contains("cheap");
    assertThat(t.count("SELECT count(*) FROM events")).isZero();
  }

  @Test
  void badInput_getsTheRightStatusAndNothingIsStored() throws Exception {
    String write = TestServer.basic(TestServer.WRITE);
    String noUser = "{\"event\":\"Product Viewed\",\"properties\":{\"product_id\":\"p\"}}";
    String unknownEvent = "{\"userId\":\"u\",\"event\":\"Checkout Started\",\"properties\":{}}";
    String wrongType =
        "{\"userId\":{\"id\":1},\"event\":\"Product Viewed\",\"properties\":{\"product_id\":\"p\"}}";

    assertProblem(t.post("/v1/batch", write, "{\"batch\": [ {"), 400, "BadJson");
    assertProblem(t.post("/v1/batch", write, "[1,2]"), 400, "BadJson");
    assertProblem(t.post("/v1/track", write, noUser), 422, "MissingField");
    assertProblem(t.post("/v1/track", write, unknownEvent), 422, "UnknownEventType");
    assertProblem(t.post("/v1/track", write, wrongType), 422, "BadJson");
    assertProblem(
        t.post("/v1/page", write, "{\"userId\":\"u\",\"name\":\"Home\"}"), 422, "MissingField");
    assertProblem(
        t.post("/api/v1/events", write, "[{\"user_id\":\"u\",\"type\":\"VIEW\"}]"),
        422,
        "MissingField");
    assertProblem(
        t.post("/v1/batch", write, "{\"batch\":[" + "x".repeat(600_000) + "]}"),
        413,
        "PayloadTooLarge");
    assertThat(t.count("SELECT count(*) FROM events")).isZero();
    assertThat(t.get("/health/live", null).statusCode()).isEqualTo(200);
  }

  @Test
  void keys_areCheckedByRole() throws Exception {
    String body = batch(VIEW.formatted("k1"));
    assertProblem(t.post("/v1/batch", null, body), 401, "Unauthorized");
    assertThat(t.post("/v1/batch", null, body).headers().firstValue("WWW-Authenticate"))
        .isPresent();
    assertProblem(
        t.post("/v1/batch", TestServer.basic("not-a-key-at-all"), body), 401, "Unauthorized");
    assertProblem(t.post("/v1/batch", TestServer.basic(TestServer.READ), body), 403, "Forbidden");
    assertProblem(t.get("/api/v1/stats", TestServer.bearer(TestServer.WRITE)), 403, "Forbidden");
    assertProblem(t.get("/api/v1/stats", null), 401, "Unauthorized");
    assertThat(t.count("SELECT count(*) FROM events")).isZero();
    assertThat(t.post("/v1/batch", TestServer.bearer(TestServer.ADMIN), body).statusCode())
        .isEqualTo(200);
    assertThat(t.get("/api/v1/stats", TestServer.bearer(TestServer.ADMIN)).statusCode())
        .isEqualTo(200);
  }

  private static void assertProblem(HttpResponse<String> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    JsonNode errors = json(response).get("errors");
    assertThat(errors.isArray()).as(response.body()).isTrue();
    assertThat(errors.get(0).get("code").asText()).isEqualTo(code);
    assertThat(errors.get(0).get("message").asText()).isNotBlank();
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }
}
