package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.explain.Explainer;
import org.shopcast.predict.explain.Explanation;
import org.shopcast.predict.registry.ModelRegistry;
import org.shopcast.predict.registry.ModelScorer;
import org.shopcast.predict.registry.ModelTrainer;
import org.shopcast.predict.registry.RegistryEntry;
import org.shopcast.predict.registry.SavedModel;
import org.shopcast.predict.registry.TrainRequest;
import org.shopcast.predict.sequence.SequenceOptions;
import org.shopcast.predict.tasks.TaskRows;
import org.shopcast.predict.tasks.UserTask;
import org.shopcast.server.triggers.TriggerConfig;
import org.shopcast.testkit.Fixtures;

/**
 * {@code GET /api/v1/users/{id}/scores} on the CDNOW sample with a registered XGBoost purchase
 * model: the served score and reasons equal what {@code shopcast predict} and {@code explain}
 * compute (the library calls those commands make) on the same store, and a posted purchase changes
 * the score to what {@code predict} then computes.
 */
class ScoresApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path workspace;
  private static TestServer t;
  private static RegistryEntry model;
  private static HttpServer receiver;
  private static final List<JsonNode> received = new CopyOnWriteArrayList<>();

  /** The score rule's threshold: halfway between the lowest and highest predicted score. */
  private static double threshold;

  private static String highest;
  private static String lowest;

  @BeforeAll
  static void trainAndServe() throws Exception {
    try (EventStore store = EventStore.open(workspace)) {
      try (Statement statement = store.connection().createStatement()) {
        statement.execute(
            "INSERT INTO events (event_id, user_id, ts, type, quantity, price, import_id)"
                + " SELECT md5_number('cdnow-' || row_number() OVER ()), CAST(CAST(f[1] AS INT) AS VARCHAR),"
                + " CAST(strptime(f[-3], '%Y%m%d') AS TIMESTAMP), 'PURCHASE', 1,"
                + " CAST(f[-1] AS DECIMAL(18, 4)), 0 FROM (SELECT string_split_regex(trim(line),"
                + " '\\s+') AS f FROM read_csv('"
                + Fixtures.path("cdnow/CDNOW_sample.txt")
                + "', columns = {'line': 'VARCHAR'}, header = false, delim = '|'))");
      }
      ModelRegistry registry = new ModelRegistry(store.connection(), workspace);
      model =
          ModelTrainer.train(
              registry,
              store.connection(),
              new TrainRequest(
                  UserTask.PURCHASE, 90, "xgboost", 2, List.of(), 42, 6, new SequenceOptions()));
      ModelScorer.predict(store.connection(), SavedModel.load(registry, model), 0);
      try (Statement st = store.connection().createStatement();
          ResultSet rs =
              st.executeQuery(
                  "SELECT arg_max(user_id, score), max(score), arg_min(user_id, score), min(score)"
                      + " FROM scores")) {
        rs.next();
        highest = rs.getString(1);
        lowest = rs.getString(3);
        threshold = (rs.getDouble(2) + rs.getDouble(4)) / 2;
      }
    }
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          try (InputStream in = exchange.getRequestBody()) {
            received.add(JSON.readTree(in.readAllBytes()));
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    TriggerConfig triggers =
        TriggerConfig.parse(
            "{\"webhook\": {\"url\": \"http://127.0.0.1:"
                + receiver.getAddress().getPort()
                + "/hook\"}, \"scoreDebounce\": \"PT0.2S\", \"rules\": [{\"name\":"
                + " \"likely-buyer\", \"score\": \"purchase\", \"above\": "
                + threshold
                + ", \"cooldown\": \"PT1H\"}]}",
            "test.json");
    t = new TestServer(workspace, ServerConfig.onPort(0), triggers);
  }

  @AfterAll
  static void stop() throws Exception {
    t.close();
    receiver.stop(0);
  }

  private static JsonNode read(String path) throws Exception {
    HttpResponse<String> response = t.get(path, TestServer.bearer(TestServer.READ));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** What {@code shopcast predict} writes for {@code user}, run now on the served store. */
  private static double predicted(Connection connection, String user) throws Exception {
    ModelRegistry registry = new ModelRegistry(connection, workspace);
    ModelScorer.predict(connection, SavedModel.load(registry, model), 0);
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT score FROM scores WHERE model_id = ? AND user_id = ?")) {
      ps.setString(1, model.id());
      ps.setString(2, user);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as("predict scored user %s", user).isTrue();
        return rs.getDouble(1);
      }
    }
  }

  private static Connection connection() throws Exception {
    return t.store.connection().unwrap(DuckDBConnection.class).duplicate();
  }

  @Test
  void scores_equalPredictAndExplain_forTheSameModelAndStore() throws Exception {
    String user = "4";
    JsonNode answer = read("/api/v1/users/" + user + "/scores?top=4");
    JsonNode score = answer.get("scores").get(0);
    assertThat(score.get("task").asText()).isEqualTo("purchase");
    assertThat(score.get("modelId").asText()).isEqualTo(model.id());
    try (Connection c = connection()) {
      assertThat(score.get("score").asDouble()).isCloseTo(predicted(c, user), within(1e-6));
      Explanation e =
          Explainer.explain(
              c,
              Task.PURCHASE,
              model.horizonDays(),
              user,
              4,
              SavedModel.load(new ModelRegistry(c, workspace), model).xgboostClassifier(),
              TaskRows.now(c));
      assertThat(answer.get("asOf").asText()).isEqualTo(e.cutoff().toString());
      assertThat(score.get("score").asDouble()).isCloseTo(e.probability(), within(1e-6));
      JsonNode reasons = score.get("reasons");
      assertThat(reasons).hasSize(4);
      for (int i = 0; i < 4; i++) {
        Explanation.Reason r = e.reasons().get(i);
        assertThat(reasons.get(i).get("feature").asText()).isEqualTo(r.feature());
        assertThat(reasons.get(i).get("contribution").asDouble())
            .isCloseTo(r.contribution(), within(1e-6));
        assertThat(reasons.get(i).get("text").asText()).isEqualTo(r.text());
      }
    }
    JsonNode state = read("/api/v1/users/" + user + "?include=scores");
    assertThat(state.get("scores").get("scores").get(0).get("score").asDouble())
        .isCloseTo(score.get("score").asDouble(), within(1e-12));
    assertThat(state.get("counters").get("PURCHASE").asLong()).isPositive();
    assertThat(read("/api/v1/users/" + user + "?include=none").has("scores")).isFalse();
    assertThat(read("/api/v1/users/" + user).has("scores")).isFalse();
  }

  @Test
  void postedPurchase_changesTheScoreToWhatPredictComputes() throws Exception {
    String user = t.strings("SELECT max(user_id) FROM events").get(0);
    double before =
        read("/api/v1/users/" + user + "/scores").get("scores").get(0).get("score").asDouble();
    String events =
        "[{\"event_id\":\"new-1\",\"user_id\":\""
            + user
            + "\",\"ts\":\"1998-06-30T10:00:00Z\","
            + "\"type\":\"PURCHASE\",\"item_id\":\"cd\",\"price\":80,\"order_id\":\"n1\"},"
            + "{\"event_id\":\"new-2\",\"user_id\":\""
            + user
            + "\",\"ts\":\"1998-06-30T11:00:00Z\","
            + "\"type\":\"PURCHASE\",\"item_id\":\"cd\",\"price\":60,\"order_id\":\"n2\"}]";
    HttpResponse<String> posted =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), events);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    double after =
        read("/api/v1/users/" + user + "/scores").get("scores").get(0).get("score").asDouble();
    assertThat(after).isNotCloseTo(before, within(1e-6));
    try (Connection c = connection()) {
      assertThat(after).isCloseTo(predicted(c, user), within(1e-6));
    }
  }

  @Test
  void scoreRule_postsUsersAboveTheThreshold_oncePerCooldown() throws Exception {
    String events =
        "[{\"event_id\":\"t-1\",\"user_id\":\""
            + highest
            + "\",\"ts\":\"1998-06-30T09:00:00Z\",\"type\":\"PURCHASE\",\"item_id\":\"cd\","
            + "\"price\":20},{\"event_id\":\"t-2\",\"user_id\":\""
            + lowest
            + "\",\"ts\":\"1998-06-30T09:00:00Z\",\"type\":\"VIEW\",\"item_id\":\"cd\"}]";
    HttpResponse<String> posted =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), events);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    double high = scoreOf(highest);
    double low = scoreOf(lowest);
    assertThat(high).isGreaterThan(threshold);
    assertThat(low).isLessThanOrEqualTo(threshold);
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (deliveriesFor(highest).isEmpty()) {
      assertThat(System.nanoTime()).as("waiting for the score delivery").isLessThan(deadline);
      Thread.sleep(50);
    }
    JsonNode delivery = deliveriesFor(highest).get(0);
    assertThat(delivery.get("rule").asText()).isEqualTo("likely-buyer");
    assertThat(delivery.get("kind").asText()).isEqualTo("score");
    assertThat(delivery.get("event").get("eventId").asText())
        .isEqualTo(
            t.strings(
                    "SELECT CAST(event_id AS VARCHAR) FROM events WHERE user_id = '"
                        + highest
                        + "' AND ts = TIMESTAMP '1998-06-30 09:00:00'")
                .get(0));
    // the score of the pass that matched; later tests' events may have moved it since
    assertThat(delivery.get("score").asDouble()).isGreaterThan(threshold);
    // a second commit within the cooldown does not match again
    String again =
        "[{\"event_id\":\"t-3\",\"user_id\":\""
            + highest
            + "\",\"ts\":\"1998-06-30T09:30:00Z\",\"type\":\"PURCHASE\",\"item_id\":\"cd\","
            + "\"price\":20}]";
    assertThat(t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), again).statusCode())
        .isEqualTo(200);
    Thread.sleep(1500);
    assertThat(deliveriesFor(highest)).hasSize(1);
    assertThat(deliveriesFor(lowest)).isEmpty();
    assertThat(
            t.count(
                "SELECT count(*) FROM trigger_outbox WHERE kind = 'score' AND user_id = '"
                    + highest
                    + "'"))
        .isEqualTo(1);
  }

  private static double scoreOf(String user) throws Exception {
    return read("/api/v1/users/" + user + "/scores").get("scores").get(0).get("score").asDouble();
  }

  private static List<JsonNode> deliveriesFor(String user) {
    return received.stream().filter(d -> d.get("userId").asText().equals(user)).toList();
  }

  @Test
  void unknownUserIs404_andBadTopIs400() throws Exception {
    HttpResponse<String> unknown =
        t.get("/api/v1/users/nobody/scores", TestServer.bearer(TestServer.READ));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("UnknownUser").contains("nobody");
    HttpResponse<String> bad =
        t.get("/api/v1/users/4/scores?top=0", TestServer.bearer(TestServer.READ));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("errors").get(0).get("field").asText())
        .isEqualTo("top");
    HttpResponse<String> writeKey =
        t.get("/api/v1/users/4/scores", TestServer.bearer(TestServer.WRITE));
    assertThat(writeKey.statusCode()).isEqualTo(403);
  }
}
