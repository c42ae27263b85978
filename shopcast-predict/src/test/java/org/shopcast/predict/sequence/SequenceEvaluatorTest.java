package org.shopcast.predict.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.eval.TaskEvaluation;
import org.shopcast.predict.eval.TaskEvaluator;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;
import org.shopcast.testkit.Fixtures;

/** Sequences read from the store and the GRU in the evaluation, on the Taobao 43-user histories. */
class SequenceEvaluatorTest {
  @TempDir static Path dir;
  private static EventStore store;

  @BeforeAll
  static void load() {
    store = EventStore.open(dir.resolve("ws"));
    new Importer(store, Clock.systemUTC())
        .importFile(
            Fixtures.path("taobao/UserBehavior_head_43users.csv"), ImportOptions.of(Format.TAOBAO));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void sequences_holdTheLatestEventsBeforeTheCutoffOnly() throws Exception {
    Instant cutoff = Instant.parse("2017-12-01T00:00:00Z");
    TrainingSet rows = TrainingSetBuilder.build(store.connection(), List.of(cutoff), 1);
    SequenceOptions options = new SequenceOptions().withMaxEvents(30);
    EventSequences sequences = EventSequences.of(store.connection(), rows, options);
    Map<String, Long> before = new HashMap<>();
    try (Statement st = store.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT user_id, count(*) FROM events"
                    + " WHERE ts < TIMESTAMP '2017-12-01 00:00:00' GROUP BY user_id")) {
      while (rs.next()) {
        before.put(rs.getString(1), rs.getLong(2));
      }
    }
    assertThat(sequences.size()).isEqualTo(rows.size()).isEqualTo(before.size());
    int l = options.maxEvents();
    for (int i = 0; i < rows.size(); i++) {
      assertThat((long) sequences.events(i))
          .as(rows.user(i))
          .isEqualTo(Math.min(l, before.get(rows.user(i))));
      long[] types = sequences.types(new int[] {i});
      float[] numeric = sequences.numeric(new int[] {i});
      for (int k = 0; k < l; k++) {
        boolean padding = k < l - sequences.events(i);
        assertThat(types[k] == 0).isEqualTo(padding);
        if (!padding) {
          // strictly before the cutoff: the time to the cutoff is positive
          assertThat(numeric[k * EventSequences.NUMERIC + 1]).isPositive();
        }
      }
    }
  }

  @Test
  void evaluate_addsTheGruOnTheSameHoldoutAsXgboost() {
    EvaluationOptions options = new EvaluationOptions().withTrainCutoffs(5);
    SequenceOptions sequenceOptions = new SequenceOptions().withMaxEpochs(8);
    TaskEvaluation result =
        SequenceEvaluator.evaluate(store.connection(), Task.PURCHASE, 1, options, sequenceOptions);
    assertThat(result.holdout().rows()).isEqualTo(43);
    assertThat(result.models())
        .extracting(TaskEvaluation.ModelScore::name)
        .contains("gru", "xgboost", "logistic", "baseline:recency-rank");
    TaskEvaluation.ModelScore gru =
        result.models().stream().filter(m -> m.name().equals("gru")).findFirst().orElseThrow();
    assertThat(gru.auc()).isBetween(0.0, 1.0);
    assertThat(gru.logLoss()).isPositive().isFinite();

    TaskEvaluator.Splits splits =
        TaskEvaluator.splits(store.connection(), Task.PURCHASE, 1, options.trainCutoffs());
    SequenceEvaluator.Scored again =
        SequenceEvaluator.score(
            store.connection(), Task.PURCHASE, splits, options, sequenceOptions);
    assertThat(again.score().auc()).isEqualTo(gru.auc());
    assertThat(again.score().logLoss()).isEqualTo(gru.logLoss());
  }
}
