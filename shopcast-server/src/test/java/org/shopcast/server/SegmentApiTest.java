package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The segments and profile endpoints' refusals (their figures are compared with the CLI's in
 * shopcast-cli's ServeAnalyticsTest).
 */
class SegmentApiTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path workspace;

  private static JsonNode firstError(HttpResponse<String> response) throws Exception {
    return JSON.readTree(response.body()).get("errors").get(0);
  }

  @Test
  void refusals_nameTheProblem() throws Exception {
    try (TestServer t = new TestServer(workspace)) {
      String read = TestServer.bearer(TestServer.READ);
      HttpResponse<String> empty = t.get("/api/v1/segments", read);
      assertThat(empty.statusCode()).as(empty.body()).isEqualTo(409);
      assertThat(firstError(empty).get("code").asText()).isEqualTo("EmptyStore");
      // user u<k> has k + 1 views an hour apart, and u4 also a purchase: the users differ
      StringBuilder events = new StringBuilder("[");
      for (int u = 0; u < 5; u++) {
        for (int e = 0; e <= u; e++) {
          events
              .append(events.length() == 1 ? "" : ",")
              .append("{\"event_id\":\"e")
              .append(u)
              .append('-')
              .append(e)
              .append("\",\"user_id\":\"u")
              .append(u)
              .append("\",\"ts\":\"2024-05-01T1")
              .append(e)
              .append(":00:00Z\",\"type\":\"VIEW\",\"item_id\":\"a\"}");
        }
      }
      events.append(
          ",{\"event_id\":\"p\",\"user_id\":\"u4\",\"ts\":\"2024-05-01T19:00:00Z\","
              + "\"type\":\"PURCHASE\",\"item_id\":\"a\",\"price\":3}");
      events.append(']');
      HttpResponse<String> posted =
          t.post("/api/v1/events", TestServer.bearer(TestServer.WRITE), events.toString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);

      HttpResponse<String> few = t.get("/api/v1/segments", read);
      assertThat(few.statusCode()).as(few.body()).isEqualTo(409);
      assertThat(firstError(few).get("code").asText()).isEqualTo("TooFewUsers");
      assertThat(firstError(few).get("message").asText()).contains("max-k (8)", "has 5");

      HttpResponse<String> crossed = t.get("/api/v1/segments?min-k=4&max-k=3", read);
      assertThat(crossed.statusCode()).isEqualTo(400);
      assertThat(firstError(crossed).get("field").asText()).isEqualTo("max-k");
      HttpResponse<String> unknown = t.get("/api/v1/segments?k=3", read);
      assertThat(unknown.statusCode()).isEqualTo(400);
      assertThat(firstError(unknown).get("field").asText()).isEqualTo("k");

      HttpResponse<String> noProfiles = t.get("/api/v1/users/u1/profile", read);
      assertThat(noProfiles.statusCode()).as(noProfiles.body()).isEqualTo(409);
      assertThat(firstError(noProfiles).get("code").asText()).isEqualTo("NoProfiles");

      // segmenting builds the profiles; then the profile of a known user answers
      HttpResponse<String> segments = t.get("/api/v1/segments?min-k=2&max-k=2", read);
      assertThat(segments.statusCode()).as(segments.body()).isEqualTo(200);
      JsonNode body = JSON.readTree(segments.body());
      assertThat(body.get("kmeans").get("k").asInt()).isEqualTo(2);
      assertThat(t.count("SELECT count(*) FROM user_segments")).isEqualTo(5);
      HttpResponse<String> profile = t.get("/api/v1/users/u1/profile", read);
      assertThat(profile.statusCode()).as(profile.body()).isEqualTo(200);
      assertThat(JSON.readTree(profile.body()).get("events").asLong()).isEqualTo(2);
      HttpResponse<String> stranger = t.get("/api/v1/users/nobody/profile", read);
      assertThat(stranger.statusCode()).isEqualTo(404);
      assertThat(
              t.get("/api/v1/users/u1/profile", TestServer.bearer(TestServer.WRITE)).statusCode())
          .isEqualTo(403);
    }
  }
}
