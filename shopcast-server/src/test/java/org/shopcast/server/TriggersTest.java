package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.server.triggers.TriggerConfig;

/**
 * Trigger rules end to end: a local HTTP receiver that refuses the first attempts of each delivery;
 * event rules written with the events, absence rules on the timer, retries with the same delivery
 * id, dead letters, and a restarted server resuming pending deliveries.
 */
class TriggersTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workspace;

  /** One request the receiver got. */
  private record Received(String deliveryId, String rule, int attempt, JsonNode body) {}

  private HttpServer receiver;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final ConcurrentHashMap<String, AtomicInteger> seen = new ConcurrentHashMap<>();

  /** Attempts of each delivery the receiver refuses with 500 before answering 200. */
  private final AtomicInteger refuseFirst = new AtomicInteger();

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String id = exchange.getRequestHeaders().getFirst("Shopcast-Delivery-Id");
          byte[] body;
          try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
          }
          received.add(
              new Received(
                  id,
                  exchange.getRequestHeaders().getFirst("Shopcast-Rule"),
                  Integer.parseInt(exchange.getRequestHeaders().getFirst("Shopcast-Attempt")),
                  JSON.readTree(new String(body, StandardCharsets.UTF_8))));
          int n = seen.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
          exchange.sendResponseHeaders(n <= refuseFirst.get() ? 500 : 200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  private TriggerConfig config(int maxAttempts, String rules) {
    String text =
        "{\"webhook\": {\"url\": \"http://127.0.0.1:"
            + receiver.getAddress().getPort()
            + "/hook\", \"maxAttempts\": "
            + maxAttempts
            + ", \"initialBackoff\": \"PT0.05S\", \"maxBackoff\": \"PT0.2S\","
            + " \"timeout\": \"PT2S\"}, \"checkEvery\": \"PT0.1S\", \"rules\": "
            + rules
            + "}";
    return TriggerConfig.parse(text, "test.json");
  }

  private static void await(String what, BooleanSupplier done) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as("waiting for " + what).isLessThan(deadline);
      Thread.sleep(20);
    }
  }

  private static String event(String id, String user, Instant ts, String type, String price) {
    return "{\"event_id\":\""
        + id
        + "\",\"user_id\":\""
        + user
        + "\",\"ts\":\""
        + ts
        + "\",\"type\":\""
        + type
        + "\",\"item_id\":\"i-"
        + id
        + "\""
        + (price == null ? "" : ",\"price\":" + price)
        + "}";
  }

  private static void post(TestServer t, String... events) throws Exception {
    HttpResponse<String> r =
        t.post(
            "/api/v1/events",
            TestServer.bearer(TestServer.WRITE),
            "[" + String.join(",", events) + "]");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
  }

  private static long outbox(TestServer t, String where) {
    try {
      return t.count("SELECT count(*) FROM trigger_outbox WHERE " + where);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void eventRule_retriesWithTheSameDeliveryIdUntilAccepted() throws Exception {
    refuseFirst.set(2);
    TriggerConfig config =
        config(5, "[{\"name\": \"big-order\", \"when\": \"PURCHASE\", \"minPrice\": 100}]");
    Instant now = Instant.now();
    try (TestServer t = new TestServer(workspace, ServerConfig.onPort(0), config)) {
      post(
          t,
          event("p1", "u1", now, "PURCHASE", "150"),
          event("p2", "u2", now, "PURCHASE", "5"),
          event("v1", "u1", now, "VIEW", null));
      // written with the events: one match, for the purchase of at least 100
      assertThat(outbox(t, "true")).isEqualTo(1);
      await("the third attempt to succeed", () -> outbox(t, "status = 'delivered'") == 1);
      assertThat(received).hasSize(3);
      assertThat(received.stream().map(Received::deliveryId).distinct()).hasSize(1);
      assertThat(received.stream().map(Received::attempt)).containsExactly(1, 2, 3);
      Received last = received.get(2);
      assertThat(last.rule()).isEqualTo("big-order");
      assertThat(last.body().get("userId").asText()).isEqualTo("u1");
      assertThat(last.body().get("deliveryId").asText()).isEqualTo(last.deliveryId());
      assertThat(last.body().get("event").get("eventId").asText())
          .isEqualTo(t.strings("SELECT CAST(md5_number('p1') AS VARCHAR)").get(0));
      assertThat(last.body().get("event").get("price").decimalValue()).isEqualByComparingTo("150");
      assertThat(outbox(t, "attempts = 3 AND last_error = 'HTTP 500'")).isEqualTo(1);
      // re-sending the batch adds no event, so no second match
      post(t, event("p1", "u1", now, "PURCHASE", "150"));
      assertThat(outbox(t, "true")).isEqualTo(1);
      JsonNode summary =
          JSON.readTree(t.get("/api/v1/triggers", TestServer.bearer(TestServer.READ)).body());
      assertThat(summary.get("byRule").get("big-order").get("delivered").asLong()).isEqualTo(1);
    }
  }

  @Test
  void absenceRule_firesForCartsWithoutPurchaseWithinTheWindow() throws Exception {
    TriggerConfig config =
        config(
            3,
            "[{\"name\": \"cart-abandoned\", \"when\": \"CART_ADD\", \"unless\": \"PURCHASE\","
                + " \"within\": \"PT2S\", \"lookback\": \"PT1H\"}]");
    Instant now = Instant.now();
    try (TestServer t = new TestServer(workspace, ServerConfig.onPort(0), config)) {
      post(
          t,
          // u1 abandons; u2 buys within the window; u3 buys too late; u4's cart is too recent
          event("c1", "u1", now.minusSeconds(10), "CART_ADD", "3"),
          event("c2", "u2", now.minusSeconds(10), "CART_ADD", "3"),
          event("b2", "u2", now.minusSeconds(9), "PURCHASE", "3"),
          event("c3", "u3", now.minusSeconds(10), "CART_ADD", "3"),
          event("b3", "u3", now.minusSeconds(5), "PURCHASE", "3"),
          event("c4", "u4", now.plusSeconds(60), "CART_ADD", "3"),
          // older than the lookback
          event("c5", "u5", now.minus(Duration.ofHours(2)), "CART_ADD", "3"));
      await("two deliveries", () -> outbox(t, "status = 'delivered'") == 2);
      Thread.sleep(300); // a few more timer rounds: no further match
      assertThat(received.stream().map(r -> r.body().get("userId").asText()))
          .containsExactlyInAnyOrder("u1", "u3");
      assertThat(outbox(t, "true")).isEqualTo(2);
      assertThat(received.get(0).body().get("kind").asText()).isEqualTo("absence");
    }
  }

  @Test
  void deliveriesThatKeepFailing_goDeadAfterMaxAttempts() throws Exception {
    refuseFirst.set(Integer.MAX_VALUE);
    TriggerConfig config = config(3, "[{\"name\": \"any-view\", \"when\": \"VIEW\"}]");
    try (TestServer t = new TestServer(workspace, ServerConfig.onPort(0), config)) {
      post(t, event("v1", "u1", Instant.now(), "VIEW", null));
      await("the dead letter", () -> outbox(t, "status = 'dead' AND attempts = 3") == 1);
      Thread.sleep(300);
      assertThat(received).hasSize(3);
      JsonNode summary =
          JSON.readTree(t.get("/api/v1/triggers", TestServer.bearer(TestServer.READ)).body());
      assertThat(summary.get("byRule").get("any-view").get("dead").asLong()).isEqualTo(1);
      assertThat(summary.get("dead").get(0).get("lastError").asText()).isEqualTo("HTTP 500");
    }
  }

  @Test
  void restartedServer_resumesPendingDeliveries() throws Exception {
    refuseFirst.set(Integer.MAX_VALUE);
    TriggerConfig config = config(100, "[{\"name\": \"any-view\", \"when\": \"VIEW\"}]");
    try (TestServer t = new TestServer(workspace, ServerConfig.onPort(0), config)) {
      post(t, event("v1", "u1", Instant.now(), "VIEW", null));
      await("a refused attempt", () -> received.size() >= 1);
    }
    String id = received.get(0).deliveryId();
    int before = received.size();
    refuseFirst.set(0);
    try (TestServer t = new TestServer(workspace, ServerConfig.onPort(0), config)) {
      await("the resumed delivery", () -> outbox(t, "status = 'delivered'") == 1);
      Received last = received.get(received.size() - 1);
      assertThat(last.deliveryId()).isEqualTo(id);
      assertThat(last.attempt()).isEqualTo(before + 1);
    }
  }

  @Test
  void noTriggers_answers404() throws Exception {
    try (TestServer t = new TestServer(workspace)) {
      HttpResponse<String> r = t.get("/api/v1/triggers", TestServer.bearer(TestServer.READ));
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(JSON.readTree(r.body()).get("errors").get(0).get("code").asText())
          .isEqualTo("NoTriggers");
    }
  }
}
