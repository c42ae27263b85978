package org.shopcast.cli.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;

/** Runs {@code shopcast serve} as a child process, as a shop would. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void serve_ownsTheWorkspace_generatesKeys_andDrainsOnSigterm() throws Exception {
    Path workspace = dir.resolve("ws");
    try (ServerProcess server =
        new ServerProcess(workspace, Map.of("SHOPCAST_READ_KEY", "my-read-key-1"))) {
      String write = server.announced.get("generatedKeys").get("write").asText();
      assertThat(write).startsWith("sc_write_");
      assertThat(server.announced.get("generatedKeys").has("read")).isFalse();

      CliRun stats = CliRun.of("--workspace", workspace.toString(), "stats", "--json");
      assertThat(stats.exitCode()).isEqualTo(1);
      assertThat(stats.err()).contains("shopcast serve").contains(server.url());

      HttpClient http = HttpClient.newHttpClient();
      String body =
          "{\"batch\":[{\"type\":\"track\",\"messageId\":\"s1\",\"userId\":\"u1\","
              + "\"event\":\"Product Viewed\",\"properties\":{\"product_id\":\"p1\"},"
              + "\"timestamp\":\"2024-05-01T12:00:00Z\"}]}";
      HttpResponse<String> posted =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + "/v1/batch"))
                  .header(
                      "Authorization",
                      "Basic "
                          + Base64.getEncoder()
                              .encodeToString((write + ":").getBytes(StandardCharsets.UTF_8)))
                  .POST(HttpRequest.BodyPublishers.ofString(body))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
      HttpResponse<String> served =
          http.send(
              HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/stats"))
                  .header("Authorization", "Bearer my-read-key-1")
                  .build(),
              HttpResponse.BodyHandlers.ofString());

      server.stop();

      CliRun after = CliRun.of("--workspace", workspace.toString(), "stats", "--json");
      assertThat(after.exitCode()).as(after.err()).isZero();
      assertThat(after.out()).contains("\"events\" : 1");
      assertThat(served.statusCode()).isEqualTo(200);
      assertThat(served.body().replaceAll("\\s", "")).isEqualTo(after.out().replaceAll("\\s", ""));
    }
  }
}
