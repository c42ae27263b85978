package org.shopcast.predict.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.model.XgbClassifier;

/** The clv and time-to-purchase tasks on the CDNOW 2,357-customer sample, H = 90 days. */
class ClvAndTimingTest {
  @TempDir static Path dir;
  private static EventStore store;
  private static TaskRows rows;

  @BeforeAll
  static void load() throws Exception {
    store = TestStores.cdnowSample(dir.resolve("ws"));
    TemporalSplit split = TemporalSplit.plan(store.connection(), 90, 2);
    rows = TaskRows.build(store.connection(), UserTask.CLV, split);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void clv_targetIsTheHoldoutSpend_andModelsAreScored() throws Exception {
    double[] y = ClvEvaluator.targets(rows.test());
    double total = 0;
    for (double v : y) {
      total += v;
    }
    try (Statement s = store.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT sum(quantity * price) FROM events WHERE type = 'PURCHASE'"
                    + " AND ts >= TIMESTAMP '1998-04-02' AND ts < TIMESTAMP '1998-07-01'")) {
      rs.next();
      assertThat(total).isCloseTo(rs.getDouble(1), within(1e-6));
    }
    ClvEvaluator.Result result =
        ClvEvaluator.run(store.connection(), rows, new XgbClassifier.Options());
    assertThat(result.holdout().cutoff()).isEqualTo(Instant.parse("1998-04-02T00:00:00Z"));
    assertThat(result.holdout().rows()).isEqualTo(2357);
    assertThat(result.scores())
        .extracting(ClvEvaluator.Score::name)
        .containsExactlyInAnyOrder(
            "xgboost", "baseline:last-H-spend", "baseline:bgnbd-gamma-gamma");
    for (ClvEvaluator.Score score : result.scores()) {
      assertThat(score.rmse()).as(score.name()).isGreaterThanOrEqualTo(score.mae());
      assertThat(score.gini()).as(score.name()).isBetween(-1.0, 1.0);
    }
    ClvEvaluator.Score xgb = find(result, "xgboost");
    assertThat(xgb.spearman()).isGreaterThan(0.3);
    assertThat(xgb.gini()).isGreaterThan(0.5);
    assertThat(find(result, "baseline:bgnbd-gamma-gamma").gini()).isGreaterThan(0.5);
  }

  private static ClvEvaluator.Score find(ClvEvaluator.Result result, String name) {
    return result.scores().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void timeToPurchase_hazardModelsBeatChance() {
    for (String model : new String[] {"logistic", "xgboost"}) {
      TimingEvaluator.Result result =
          TimingEvaluator.run(store.connection(), rows, model, 6, new XgbClassifier.Options(), 1.0);
      assertThat(result.holdout().periodDays()).isEqualTo(15);
      assertThat(result.holdout().periods()).isEqualTo(6);
      assertThat(result.holdout().events()).isPositive().isLessThan(result.holdout().rows());
      TimingEvaluator.Score score =
          result.scores().stream().filter(s -> s.name().equals(model)).findFirst().orElseThrow();
      assertThat(score.concordance()).as(model).isGreaterThan(0.7);
      assertThat(score.aucWithinHorizon()).as(model).isGreaterThan(0.75);
      assertThat(score.maeObservedDays()).as(model).isBetween(0.0, 90.0);
      assertThat(result.scores())
          .extracting(TimingEvaluator.Score::name)
          .contains("baseline:bgnbd-timing", "baseline:recency");
    }
  }
}
