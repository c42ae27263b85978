package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;

/** The importer's ReturnWithoutPurchase and BotLikeRate flags for events taken in over HTTP. */
class ServingFlagsTest {
  @TempDir Path workspace;

  private static String event(String id, String user, Instant ts, String type, String item) {
    return "{\"event_id\":\""
        + id
        + "\",\"user_id\":\""
        + user
        + "\",\"ts\":\""
        + ts
        + "\",\"type\":\""
        + type
        + "\",\"item_id\":\""
        + item
        + "\",\"price\":2}";
  }

  private static List<String> strings(Connection connection, String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void returnsWithoutPurchaseAndBotLikeUsers_areFlaggedUnderTheServingImport() throws Exception {
    Instant t0 = Instant.parse("2024-05-01T10:00:00Z");
    List<String> events = new ArrayList<>();
    events.add(event("p1", "u1", t0, "PURCHASE", "a"));
    events.add(event("r1", "u1", t0.plusSeconds(60), "RETURN", "a"));
    events.add(event("r2", "u1", t0.plusSeconds(61), "RETURN", "b"));
    events.add(event("r3", "u2", t0.plusSeconds(62), "RETURN", "a"));
    // ten users with one view a minute, and one with 40 views in one minute
    for (int u = 0; u < 10; u++) {
      for (int m = 0; m < 5; m++) {
        events.add(event("v" + u + "-" + m, "h" + u, t0.plusSeconds(60L * m), "VIEW", "a"));
      }
    }
    for (int i = 0; i < 40; i++) {
      events.add(event("b" + i, "bot", t0.plusSeconds(i), "VIEW", "a"));
    }
    long servingImport;
    try (TestServer t = new TestServer(workspace)) {
      HttpResponse<String> posted =
          t.post(
              "/api/v1/events",
              TestServer.bearer(TestServer.WRITE),
              "[" + String.join(",", events) + "]");
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      // the return flags are written with the events
      // stored ids are the md5_number of the ids the events were sent with
      assertThat(
              t.strings(
                  "SELECT m.k FROM event_flags JOIN (VALUES ('r1'), ('r2'), ('r3')) m(k) ON"
                      + " event_id = md5_number(m.k) ORDER BY m.k"))
          .containsExactly("r2", "r3");
      servingImport = t.count("SELECT max(import_id) FROM imports WHERE source = 'http'");
      // re-sending adds no event and no flag
      t.post(
          "/api/v1/events",
          TestServer.bearer(TestServer.WRITE),
          "[" + String.join(",", events) + "]");
      assertThat(t.count("SELECT count(*) FROM event_flags")).isEqualTo(2);
    }
    // the bot check runs once more when the server closes
    try (EventStore store = EventStore.open(workspace)) {
      Connection c = store.connection();
      assertThat(
              strings(c, "SELECT user_id || ':' || code || ':' || value::BIGINT FROM user_flags"))
          .containsExactly("bot:BotLikeRate:40");
      assertThat(strings(c, "SELECT DISTINCT import_id FROM event_flags"))
          .containsExactly(Long.toString(servingImport));
      assertThat(strings(c, "SELECT DISTINCT import_id FROM user_flags"))
          .containsExactly(Long.toString(servingImport));
    }
  }
}
