package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.workspace.Explained;
import org.shopcast.recommend.workspace.RecsIndex;
import org.shopcast.recommend.workspace.RecsInfo;
import org.shopcast.recommend.workspace.RecsModel;
import org.shopcast.recommend.workspace.RecsTrainer;
import org.shopcast.recommend.workspace.TrainRecsOptions;
import org.shopcast.testkit.Fixtures;

/**
 * The recommendation endpoints on the Taobao 43-user fixture with item-kNN lists from {@code train
 * recs}: the served lists equal what {@code shopcast recommend --json} reads (the same {@link
 * RecsIndex} queries), a just-purchased item leaves the list, a fresh view changes the session
 * continuation, and newer lists are served after an admin reload.
 */
class RecsApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path workspace;
  private static TestServer t;
  private static RecsInfo lists;

  @BeforeAll
  static void trainAndServe() {
    try (EventStore store = EventStore.open(workspace)) {
      new Importer(store, CLOCK)
          .importFile(
              Fixtures.path("taobao/UserBehavior_head_43users.csv"),
              ImportOptions.of(Format.TAOBAO));
      lists = RecsTrainer.train(store.connection(), TrainRecsOptions.of(RecsModel.IKNN, 20), CLOCK);
    }
    t = new TestServer(workspace);
  }

  @AfterAll
  static void stop() throws Exception {
    t.close();
  }

  private static JsonNode read(String path) throws Exception {
    HttpResponse<String> response = t.get(path, TestServer.bearer(TestServer.READ));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Connection connection() throws Exception {
    return t.store.connection().unwrap(DuckDBConnection.class).duplicate();
  }

  private static List<String> ids(JsonNode items) {
    List<String> out = new ArrayList<>();
    items.forEach(i -> out.add(i.get("itemId").asText()));
    return out;
  }

  private static void assertSame(JsonNode served, List<Explained> expected) {
    assertThat(served).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(served.get(i).get("itemId").asText()).isEqualTo(expected.get(i).itemId());
      assertThat(served.get(i).get("source").asText()).isEqualTo(expected.get(i).source());
      assertThat(served.get(i).get("reason").asText()).isEqualTo(expected.get(i).reason());
      assertThat(served.get(i).get("score").asDouble()).isEqualTo(expected.get(i).score());
    }
  }

  @Test
  void userAndItemLists_equalTheRecommendCommandsQueries() throws Exception {
    String user = "100";
    JsonNode answer = read("/api/v1/users/" + user + "/recommendations?n=7&session=false");
    assertThat(answer.get("source").asText()).isEqualTo("user");
    assertThat(answer.get("lists").get("version").asLong()).isEqualTo(lists.version());
    JsonNode unknown = read("/api/v1/users/stranger/recommendations?n=5");
    assertThat(unknown.get("source").asText()).isEqualTo("cold-start");
    assertThat(unknown.get("session").isNull()).isTrue();
    String item = answer.get("items").get(0).get("itemId").asText();
    JsonNode similar = read("/api/v1/items/" + item + "/similar?n=6");
    try (Connection c = connection()) {
      assertSame(answer.get("items"), RecsIndex.queryUser(c, lists, user, 7).orElseThrow());
      assertSame(unknown.get("items"), RecsIndex.queryUser(c, lists, null, 5).orElseThrow());
      assertSame(similar.get("items"), RecsIndex.querySimilar(c, lists, item, 6).orElseThrow());
    }
    assertThat(answer.get("items").get(0).get("reason").asText()).isNotBlank();
  }

  @Test
  void justPurchasedItem_isExcluded() throws Exception {
    String user = "1";
    List<String> before = ids(read("/api/v1/users/" + user + "/recommendations").get("items"));
    assertThat(before).hasSize(10);
    String bought = before.get(0);
    String events =
        "[{\"event_id\":\"buy-1\",\"user_id\":\"1\",\"ts\":\"2017-12-04T10:00:00Z\","
            + "\"type\":\"PURCHASE\",\"item_id\":\""
            + bought
            + "\"}]";
    HttpResponse<String> posted =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), events);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    JsonNode after = read("/api/v1/users/" + user + "/recommendations");
    assertThat(ids(after.get("items"))).doesNotContain(bought).hasSize(10);
    assertThat(ids(after.get("items")).subList(0, 9)).isEqualTo(before.subList(1, 10));
    assertThat(after.get("excluded").get(0).asText()).isEqualTo(bought);
    assertThat(ids(after.get("session").get("next"))).doesNotContain(bought);
    JsonNode page = read("/api/v1/users/" + user + "?include=recommendations");
    assertThat(ids(page.get("recommendations").get("items"))).doesNotContain(bought);
  }

  @Test
  void freshView_changesTheSessionContinuation() throws Exception {
    String user = "100";
    JsonNode before = sessionOf(user);
    String viewed =
        read("/api/v1/items/" + firstItemOf("100") + "/similar?n=3")
            .get("items")
            .get(2)
            .get("itemId")
            .asText();
    String events =
        "[{\"event_id\":\"view-1\",\"user_id\":\"100\",\"ts\":\"2017-12-04T12:00:00Z\","
            + "\"type\":\"VIEW\",\"item_id\":\""
            + viewed
            + "\"}]";
    HttpResponse<String> posted =
        t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), events);
    assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
    JsonNode after = sessionOf(user);
    assertThat(after.get("sessionId").asText()).isNotEqualTo(before.get("sessionId").asText());
    assertThat(after.get("items").get(after.get("items").size() - 1).asText()).isEqualTo(viewed);
    assertThat(ids(after.get("next"))).isNotEqualTo(ids(before.get("next"))).doesNotContain(viewed);
  }

  private static String firstItemOf(String user) throws Exception {
    return read("/api/v1/users/" + user + "/recommendations?session=false")
        .get("items")
        .get(0)
        .get("itemId")
        .asText();
  }

  /** The user's session continuation once the session models are trained. */
  private static JsonNode sessionOf(String user) throws Exception {
    for (int i = 0; i < 600; i++) {
      JsonNode session = read("/api/v1/users/" + user + "/recommendations").get("session");
      if (!session.has("note") || session.get("note").isNull()) {
        assertThat(session.get("next")).isNotEmpty();
        return session;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the session models did not train within 60 s");
  }

  @Test
  void adminReload_servesNewerLists_andNeedsTheAdminKey() throws Exception {
    RecsInfo popular;
    try (Connection c = connection()) {
      popular = RecsTrainer.train(c, TrainRecsOptions.of(RecsModel.POPULAR, 20), CLOCK);
    }
    HttpResponse<String> readKey =
        t.post("/api/v1/admin/recs/reload", TestServer.bearer(TestServer.READ), "");
    assertThat(readKey.statusCode()).isEqualTo(403);
    HttpResponse<String> reloaded =
        t.post("/api/v1/admin/recs/reload", TestServer.bearer(TestServer.ADMIN), "");
    assertThat(reloaded.statusCode()).as(reloaded.body()).isEqualTo(200);
    assertThat(JSON.readTree(reloaded.body()).get("lists").get("model").asText())
        .isEqualTo("popular");
    JsonNode answer = read("/api/v1/users/100/recommendations?session=false");
    assertThat(answer.get("lists").get("version").asLong()).isEqualTo(popular.version());
    // back to item-kNN lists, trained by the server itself, for the other tests
    HttpResponse<String> badModel =
        t.post("/api/v1/admin/recs/train?model=magic", TestServer.bearer(TestServer.ADMIN), "");
    assertThat(badModel.statusCode()).isEqualTo(400);
    assertThat(badModel.body()).contains("magic").contains("iknn");
    HttpResponse<String> train =
        t.post("/api/v1/admin/recs/train?model=iknn&n=20", TestServer.bearer(TestServer.ADMIN), "");
    assertThat(train.statusCode()).as(train.body()).isEqualTo(202);
    long deadline = System.nanoTime() + 60_000_000_000L;
    JsonNode served = read("/api/v1/users/100/recommendations?session=false").get("lists");
    while (!served.get("model").asText().equals("iknn")) {
      assertThat(System.nanoTime()).as("waiting for the trained lists").isLessThan(deadline);
      Thread.sleep(100);
      served = read("/api/v1/users/100/recommendations?session=false").get("lists");
    }
    assertThat(served.get("version").asLong()).isGreaterThan(popular.version());
    HttpResponse<String> status =
        t.get("/api/v1/admin/recs/train", TestServer.bearer(TestServer.ADMIN));
    assertThat(status.body()).contains("trained iknn lists version " + served.get("version"));
    try (Connection c = connection()) {
      lists = RecsIndex.stored(c).get(0);
    }
    assertThat(lists.version()).isEqualTo(served.get("version").asLong());
  }

  @Test
  void badParametersAre400_unknownItemIs404_noModelsIs409() throws Exception {
    HttpResponse<String> bad =
        t.get("/api/v1/users/1/recommendations?n=abc", TestServer.bearer(TestServer.READ));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(bad.body()).get("errors").get(0).get("field").asText()).isEqualTo("n");
    HttpResponse<String> unknownParam =
        t.get("/api/v1/items/1/similar?count=3", TestServer.bearer(TestServer.READ));
    assertThat(unknownParam.statusCode()).isEqualTo(400);
    HttpResponse<String> unknownItem =
        t.get("/api/v1/items/no-such-item/similar", TestServer.bearer(TestServer.READ));
    assertThat(unknownItem.statusCode()).isEqualTo(404);
    assertThat(unknownItem.body()).contains("UnknownItem").contains("shopcast train recs");
    HttpResponse<String> noModels =
        t.get("/api/v1/users/1/scores", TestServer.bearer(TestServer.READ));
    assertThat(noModels.statusCode()).isEqualTo(409);
    assertThat(noModels.body()).contains("NoModels").contains("shopcast train --task");
  }
}
