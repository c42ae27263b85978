package org.shopcast.predict.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.predict.eval.Metrics;

/**
 * Tiny trainings on synthetic sequences where the label is a plain function of the sequence: the
 * GRU must learn it, and the same seed must give the same model.
 */
class GruTrainerTest {
  private static final SequenceOptions OPTIONS = SyntheticSequences.OPTIONS;

  private static SyntheticSequences.Data train;
  private static SyntheticSequences.Data valid;
  private static SyntheticSequences.Data test;

  @BeforeAll
  static void makeData() {
    train = SyntheticSequences.data(300, 1);
    valid = SyntheticSequences.data(150, 2);
    test = SyntheticSequences.data(300, 3);
  }

  private static GruModel fit(SequenceOptions options) {
    return SyntheticSequences.fit(train, valid, options);
  }

  @Test
  void train_learnsThatTheLastEventDecides() {
    GruModel model = fit(OPTIONS);
    double[] p = model.predict(test.sequences());
    assertThat(Metrics.auc(p, test.labels())).isGreaterThan(0.95);
    assertThat(model.bestEpoch()).isBetween(1, model.epochs());
    assertThat(model.validationLogLoss()).isLessThan(0.3);
  }

  @Test
  void train_isDeterministicBySeed() {
    SequenceOptions shortRun = OPTIONS.withMaxEpochs(3);
    double[] first = fit(shortRun).predict(test.sequences());
    double[] second = fit(shortRun).predict(test.sequences());
    double[] otherSeed = fit(shortRun.withSeed(8)).predict(test.sequences());
    assertThat(second).containsExactly(first);
    assertThat(otherSeed).isNotEqualTo(first);
  }

  @Test
  void train_rejectsLabelsThatDoNotMatchTheRows() {
    assertThatThrownBy(
            () ->
                GruTrainer.train(
                    train.sequences(), new boolean[3], valid.sequences(), valid.labels(), OPTIONS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("training labels must match the rows: 300 rows, got 3");
  }

  @Test
  void predict_rejectsSequencesOfAnotherLength() {
    GruModel model = fit(OPTIONS.withMaxEpochs(1));
    EventSequences longer =
        EventSequences.encode(
            List.of(List.of(new EventSequences.Step("VIEW", null, 10))), OPTIONS.withMaxEvents(20));
    assertThatThrownBy(() -> model.predict(longer))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("L = 12");
  }
}
