package org.shopcast.cli.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** {@code analyze sequences} on the 43-user Taobao histories, counts recomputed in plain SQL. */
class AnalyzeSequencesCommandTest {
  @TempDir static Path workspace;

  @BeforeAll
  static void load() {
    String file = Fixtures.path("taobao/UserBehavior_head_43users.csv").toString();
    CliRun run = run("import", file, "--format", "taobao");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  private static long sql(String query) throws Exception {
    try (EventStore store = EventStore.open(workspace);
        Statement statement = store.connection().createStatement();
        ResultSet rs = statement.executeQuery(query)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void typesJson_viewThenCartCountsMatchAPlainSqlRecount() throws Exception {
    CliRun run =
        run(
            "analyze",
            "sequences",
            "--of",
            "types",
            "--min-support",
            "0.01",
            "--min-length",
            "1",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    long sessions = sql("SELECT count(DISTINCT session_id) FROM events");
    assertThat(json.get("sequences").asLong()).isEqualTo(sessions);

    long viewThenCart =
        sql(
            "SELECT count(DISTINCT a.session_id) FROM events a JOIN events b"
                + " ON a.session_id = b.session_id WHERE a.type = 'VIEW' AND b.type = 'CART_ADD'"
                + " AND (a.ts < b.ts OR (a.ts = b.ts AND a.event_id < b.event_id))");
    long withPurchase =
        sql("SELECT count(DISTINCT session_id) FROM events WHERE type = 'PURCHASE'");
    JsonNode pair = find(json, "<VIEW CART_ADD>");
    JsonNode purchase = find(json, "<PURCHASE>");
    assertThat(viewThenCart).isPositive();
    assertThat(pair.get("count").asLong()).isEqualTo(viewThenCart);
    assertThat(pair.get("support").asDouble()).isEqualTo((double) viewThenCart / sessions);
    assertThat(purchase.get("count").asLong()).isEqualTo(withPurchase);
    // most frequent first
    JsonNode patterns = json.get("patterns");
    for (int i = 1; i < patterns.size(); i++) {
      assertThat(patterns.get(i).get("count").asLong())
          .isLessThanOrEqualTo(patterns.get(i - 1).get("count").asLong());
    }
  }

  @Test
  void ordersText_listsPatternsOfSuccessiveOrders() {
    CliRun run = run("analyze", "sequences", "--of", "orders", "--min-support", "0.1");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("of orders").contains("sequences ");
  }

  @Test
  void badSupport_isAUsageError() {
    CliRun run = run("analyze", "sequences", "--min-support", "2");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("minSupport must be in (0, 1], got 2.0");
  }

  private static JsonNode find(JsonNode json, String notation) {
    for (JsonNode pattern : json.get("patterns")) {
      if (pattern.get("pattern").asText().equals(notation)) {
        return pattern;
      }
    }
    throw new AssertionError(notation + " not in " + json.get("patterns"));
  }
}
