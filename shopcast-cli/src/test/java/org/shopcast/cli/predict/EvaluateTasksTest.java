package org.shopcast.cli.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.cli.CliRun;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/**
 * {@code evaluate --task clv|time-to-purchase} on the CDNOW 2,357-customer sample, H = 90 days; the
 * naive baselines' figures are recomputed here with plain SQL and a pair count.
 */
class EvaluateTasksTest {
  private static final int H = 90;

  @TempDir static Path workspace;

  private static CliRun run(String... args) {
    return CliRun.inWorkspace(workspace, args);
  }

  @BeforeAll
  static void importCdnow() {
    String file = Fixtures.path("cdnow/CDNOW_sample.txt").toString();
    CliRun run = run("import", file, "--format", "cdnow");
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  private static JsonNode evaluate(String task) throws Exception {
    CliRun run =
        run(
            "evaluate",
            "--task",
            task,
            "--horizon-days",
            Integer.toString(H),
            "--train-cutoffs",
            "2",
            "--json");
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode json = Json.mapper().readTree(run.out());
    assertThat(json.get("task").asText()).isEqualTo(task);
    assertThat(json.get("holdout").get("cutoff").asText()).isEqualTo("1998-04-02T00:00:00Z");
    assertThat(json.get("validationCutoff").asText()).isEqualTo("1998-01-02T00:00:00Z");
    assertThat(json.get("trainCutoffs")).hasSize(2);
    return json;
  }

  private static JsonNode model(JsonNode json, String name) {
    for (JsonNode m : json.get("models")) {
      if (m.get("name").asText().equals(name)) {
        return m;
      }
    }
    throw new AssertionError("no model " + name + " in " + json.get("models"));
  }

  /** Per user with an event before the holdout cutoff: spend in [T-H, T) and in [T, T+H). */
  private static final String SPEND =
      """
      WITH u AS (SELECT user_id FROM events WHERE ts < TIMESTAMP '1998-04-02' GROUP BY user_id),
      s AS (SELECT user_id,
                   sum(quantity * CAST(price AS DOUBLE)) FILTER (WHERE ts < TIMESTAMP '1998-04-02'
                       AND ts >= TIMESTAMP '1998-04-02' - INTERVAL 90 DAY) AS before,
                   sum(quantity * CAST(price AS DOUBLE)) FILTER (WHERE ts >= TIMESTAMP '1998-04-02'
                       AND ts < TIMESTAMP '1998-04-02' + INTERVAL 90 DAY) AS after
            FROM events WHERE type = 'PURCHASE' GROUP BY user_id)
      SELECT count(*), avg(abs(coalesce(before, 0) - coalesce(after, 0))),
             sqrt(avg(pow(coalesce(before, 0) - coalesce(after, 0), 2)))
      FROM u LEFT JOIN s USING (user_id)
      """;

  @Test
  void clv_lastHorizonSpendBaseline_matchesPlainSql() throws Exception {
    JsonNode json = evaluate("clv");
    List<String> names = new ArrayList<>();
    for (JsonNode m : json.get("models")) {
      names.add(m.get("name").asText());
      for (String field : new String[] {"mae", "rmse", "spearman", "gini"}) {
        assertThat(m.get(field).isNumber()).as(m + " " + field).isTrue();
      }
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "xgboost", "baseline:last-H-spend", "baseline:bgnbd-gamma-gamma");
    JsonNode last = model(json, "baseline:last-H-spend");
    try (EventStore store = EventStore.open(workspace);
        Statement s = store.connection().createStatement();
        ResultSet rs = s.executeQuery(SPEND)) {
      rs.next();
      assertThat(json.get("holdout").get("rows").asInt()).isEqualTo(rs.getInt(1));
      assertThat(last.get("mae").asDouble()).isCloseTo(rs.getDouble(2), within(1e-9));
      assertThat(last.get("rmse").asDouble()).isCloseTo(rs.getDouble(3), within(1e-9));
    }
    assertThat(model(json, "xgboost").get("gini").asDouble()).isGreaterThan(0.5);
  }

  /** Per user with an event before the holdout cutoff: days since the last purchase, next day. */
  private static final String TIMING =
      """
      SELECT (epoch(TIMESTAMP '1998-04-02') - epoch(max(ts) FILTER (
                  WHERE ts < TIMESTAMP '1998-04-02'))) / 86400.0,
             min(date_diff('second', TIMESTAMP '1998-04-02', ts)) FILTER (
                  WHERE ts >= TIMESTAMP '1998-04-02'
                    AND ts < TIMESTAMP '1998-04-02' + INTERVAL 90 DAY)
      FROM events WHERE type = 'PURCHASE' GROUP BY user_id
      HAVING min(ts) < TIMESTAMP '1998-04-02'
      """;

  @Test
  void timeToPurchase_recencyConcordance_matchesANaivePairCount() throws Exception {
    JsonNode json = evaluate("time-to-purchase");
    List<String> names = new ArrayList<>();
    for (JsonNode m : json.get("models")) {
      names.add(m.get("name").asText());
    }
    assertThat(names)
        .containsExactlyInAnyOrder(
            "logistic", "xgboost", "baseline:bgnbd-timing", "baseline:recency");
    List<double[]> users = new ArrayList<>();
    try (EventStore store = EventStore.open(workspace);
        Statement s = store.connection().createStatement();
        ResultSet rs = s.executeQuery(TIMING)) {
      while (rs.next()) {
        long seconds = rs.getLong(2);
        boolean bought = !rs.wasNull();
        double day = bought ? Math.min(H, Math.floor(seconds / 86400.0) + 1) : H;
        users.add(new double[] {rs.getDouble(1), day, bought ? 1 : 0});
      }
    }
    assertThat(json.get("holdout").get("rows").asInt()).isEqualTo(users.size());
    double concordant = 0;
    long pairs = 0;
    for (double[] i : users) {
      for (double[] j : users) {
        boolean comparable = i[2] == 1 && (j[1] > i[1] || (j[1] == i[1] && j[2] == 0));
        if (comparable) {
          pairs++;
          concordant += i[0] < j[0] ? 1 : i[0] == j[0] ? 0.5 : 0;
        }
      }
    }
    JsonNode recency = model(json, "baseline:recency");
    assertThat(recency.get("concordance").asDouble()).isCloseTo(concordant / pairs, within(1e-9));
    for (String name : new String[] {"logistic", "xgboost"}) {
      JsonNode m = model(json, name);
      assertThat(m.get("concordance").asDouble()).as(name).isGreaterThan(0.7);
      assertThat(m.get("maeObservedDays").asDouble()).as(name).isBetween(0.0, (double) H);
      assertThat(m.get("aucWithinHorizon").asDouble()).as(name).isGreaterThan(0.75);
    }
  }

  @Test
  void text_showsTheErrorTable() {
    CliRun run = run("evaluate", "--task", "clv", "--horizon-days", "90", "--train-cutoffs", "2");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("holdout cutoff 1998-04-02T00:00:00Z")
        .contains("MAE")
        .contains("baseline:bgnbd-gamma-gamma");
  }

  @Test
  void gruWithClv_isUsageError() {
    CliRun run = run("evaluate", "--task", "clv", "--horizon-days", "90", "--model", "gru");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--model gru is for purchase and churn only");
  }
}
