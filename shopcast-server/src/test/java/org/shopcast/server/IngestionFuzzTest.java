package org.shopcast.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random bodies against {@code /v1/batch}: the server answers 200, 400, 413 or 422 with the JSON
 * error shape, never 5xx, and the store holds exactly the events the 200 answers accepted.
 */
class IngestionFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static TestServer t;
  private static Path dir;
  private static final AtomicLong ACCEPTED = new AtomicLong();

  @BeforeContainer
  static void start() throws Exception {
    dir = Files.createTempDirectory("shopcast-fuzz");
    t = new TestServer(dir.resolve("ws"));
  }

  @AfterContainer
  static void stop() throws Exception {
    t.close();
  }

  @Property(tries = 150)
  void randomBodies_neverBreakTheServer(@ForAll("bodies") String body) throws Exception {
    HttpResponse<String> response = t.post("/v1/batch", TestServer.basic(TestServer.WRITE), body);

    assertThat(response.statusCode()).as(body).isIn(200, 400, 413, 422);
    JsonNode answer = JSON.readTree(response.body());
    if (response.statusCode() == 200) {
      ACCEPTED.addAndGet(answer.get("accepted").asLong());
    } else {
      assertThat(answer.get("errors").get(0).get("message").asText()).isNotBlank();
    }
    assertThat(t.count("SELECT count(*) FROM events")).isEqualTo(ACCEPTED.get());
  }

  @Provide
  Arbitrary<String> bodies() {
    Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(200);
    Arbitrary<String> batches =
        message().list().ofMaxSize(6).map(list -> "{\"batch\":[" + String.join(",", list) + "]}");
    return Arbitraries.oneOf(junk, batches, batches, batches);
  }

  private Arbitrary<String> message() {
    Arbitrary<String> type =
        Arbitraries.of("\"track\"", "\"page\"", "\"identify\"", "\"alias\"", "1", "null");
    Arbitrary<String> user = Arbitraries.of("\"u1\"", "\"u2\"", "7", "{}", "\"\"", null);
    Arbitrary<String> event =
        Arbitraries.of(
            "\"Product Viewed\"",
            "\"Order Completed\"",
            "\"Products Searched\"",
            "\"Product Added\"",
            "\"Nope\"",
            "[]",
            null);
    Arbitrary<String> product = Arbitraries.of("\"p1\"", "\"p2\"", "3", "true", null);
    Arbitrary<String> price = Arbitraries.of("9.99", "-1", "0", "\"12\"", "\"x\"", "1e400", null);
    Arbitrary<String> time =
        Arbitraries.of(
            "\"2024-05-01T10:00:00Z\"",
            "\"2024-02-30T00:00:00Z\"",
            "\"1880-01-01T00:00:00Z\"",
            "17",
            null);
    Arbitrary<String> id = Arbitraries.of("\"m1\"", "\"m2\"", "\"m3\"", null);
    return Combinators.combine(List.of(type, user, event, product, price, time, id))
        .as(
            parts ->
                object(
                    "type", parts.get(0),
                    "userId", parts.get(1),
                    "event", parts.get(2),
                    "timestamp", parts.get(5),
                    "messageId", parts.get(6),
                    "properties",
                        object(
                            "product_id",
                            parts.get(3),
                            "price",
                            parts.get(4),
                            "query",
                            "\"q\"",
                            "products",
                            "["
                                + object("product_id", parts.get(3), "price", parts.get(4))
                                + "]")));
  }

  /** A JSON object of name, value pairs, leaving out null values. */
  private static String object(String... pairs) {
    StringBuilder out = new StringBuilder("{");
    for (int i = 0; i < pairs.length; i += 2) {
      if (pairs[i + 1] != null) {
        if (out.length() > 1) {
          out.append(',');
        }
        out.append('"').append(pairs[i]).append("\":").append(pairs[i + 1]);
      }
    }
    return out.append('}').toString();
  }
}
