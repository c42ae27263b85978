package org.shopcast.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.duckdb.DuckDBConnection;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.auth.ApiKeys;
import org.shopcast.server.triggers.TriggerConfig;

/** A real server on a free loopback port over a fresh workspace, with an HTTP client. */
final class TestServer implements AutoCloseable {
  static final String WRITE = "test-write-key-1";
  static final String READ = "test-read-key-22";
  static final String ADMIN = "test-admin-key-333";

  final EventStore store;
  final ShopcastServer server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final Connection reader;

  TestServer(Path workspace) {
    this(workspace, ServerConfig.onPort(0));
  }

  TestServer(Path workspace, ServerConfig config) {
    this(workspace, config, null);
  }

  TestServer(Path workspace, ServerConfig config, TriggerConfig triggers) {
    store = EventStore.open(workspace);
    server =
        ShopcastServer.start(
            config, store, ApiKeys.of(WRITE, READ, ADMIN), Clock.systemUTC(), triggers);
    try {
      reader = store.connection().unwrap(DuckDBConnection.class).duplicate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static String basic(String key) {
    return "Basic "
        + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
  }

  static String bearer(String key) {
    return "Bearer " + key;
  }

  HttpResponse<String> post(String path, String auth, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.url() + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> get(String path, String auth) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).GET();
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  long count(String sql) throws SQLException {
    try (Statement st = reader.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  List<String> strings(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = reader.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Override
  public void close() throws SQLException {
    reader.close();
    server.close();
    store.close();
  }
}
