package org.shopcast.predict.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.predict.eval.Metrics;

/**
 * Tiny trainings on synthetic sequences where the label is a plain function of the sequence: the
 * GRU must learn it, and the same seed must give the same model.
 */
class GruTrainerTest {
  private static final SequenceOptions OPTIONS =
      new SequenceOptions(12, 8, 4, 4, 16, 32, 20, 4, 0.03, 7, 1);

  private static Data train;
  private static Data valid;
  private static Data test;

  private record Data(EventSequences sequences, boolean[] labels) {}

  /**
   * Random sequences of views with a cart add now and then; the label is "the last event is a cart
   * add" (a buyer about to check out), which per-user counts alone cannot tell exactly.
   */
  private static Data data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<EventSequences.Step>> rows = new ArrayList<>();
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      int length = 2 + random.nextInt(10);
      List<EventSequences.Step> steps = new ArrayList<>();
      long age = 3600L * (1 + random.nextInt(200));
      for (int k = 0; k < length; k++) {
        String type = random.nextDouble() < 0.25 ? "CART_ADD" : "VIEW";
        steps.add(new EventSequences.Step(type, "c" + random.nextInt(5), age));
        age = Math.max(60, age - 60L * (1 + random.nextInt(120)));
      }
      rows.add(steps);
      labels[i] = steps.get(length - 1).type().equals("CART_ADD");
    }
    return new Data(EventSequences.encode(rows, OPTIONS), labels);
  }

  @BeforeAll
  static void makeData() {
    train = data(300, 1);
    valid = data(150, 2);
    test = data(300, 3);
  }

  private static GruModel fit(SequenceOptions options) {
    return GruTrainer.train(
        train.sequences(), train.labels(), valid.sequences(), valid.labels(), options);
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
