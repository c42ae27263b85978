package org.shopcast.predict.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** The temporal evaluation on the CDNOW 2,357-customer sample. */
class TaskEvaluatorTest {
  @TempDir static Path dir;
  private static EventStore store;

  @BeforeAll
  static void load() throws Exception {
    store = EventStore.open(dir.resolve("ws"));
    RealStores.cdnow(store, Fixtures.path("cdnow/CDNOW_sample.txt"));
  }

  @Test
  void purchase_scoresModelsAndBaselinesOnTheHoldout() {
    TaskEvaluation result =
        TaskEvaluator.evaluate(store.connection(), Task.PURCHASE, 90, new EvaluationOptions());
    assertThat(result.task()).isEqualTo("purchase");
    assertThat(result.holdout().cutoff()).isEqualTo(Instant.parse("1998-04-02T00:00:00Z"));
    assertThat(result.holdout().rows()).isEqualTo(2357);
    assertThat(result.holdout().trainCutoffs()).hasSize(3);
    assertThat(result.models())
        .extracting(TaskEvaluation.ModelScore::name)
        .containsExactlyInAnyOrder(
            "logistic",
            "xgboost",
            "baseline:bought-last-H-days",
            "baseline:recency-rank",
            "baseline:btyd-expected-purchases",
            "baseline:btyd-p-alive");
    for (TaskEvaluation.ModelScore model : result.models()) {
      assertThat(model.auc()).as(model.name()).isBetween(0.5, 1.0);
      assertThat(model.logLoss()).as(model.name()).isPositive();
      assertThat(model.top()).hasSize(3);
    }
    TaskEvaluation.ModelScore xgb =
        result.models().stream().filter(m -> m.name().equals("xgboost")).findFirst().orElseThrow();
    assertThat(xgb.auc()).isGreaterThan(0.7);
    assertThat(result.importance()).containsKey("days_since_last_purchase");
  }

  @Test
  void churn_isEvaluatedOnCustomers() {
    TaskEvaluation result =
        TaskEvaluator.evaluate(
            store.connection(), Task.CHURN, 90, new EvaluationOptions().withTrainCutoffs(2));
    assertThat(result.task()).isEqualTo("churn");
    assertThat(result.holdout().positiveRate()).isGreaterThan(0.5);
    assertThat(result.models()).hasSize(6);
  }

  @Test
  void tooLongHorizon_isRejected() {
    assertThatThrownBy(
            () ->
                TaskEvaluator.evaluate(
                    store.connection(), Task.PURCHASE, 400, new EvaluationOptions()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("too few 400-day horizons");
  }
}
