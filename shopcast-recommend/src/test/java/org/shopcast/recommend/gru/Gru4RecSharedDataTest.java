package org.shopcast.recommend.gru;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shopcast.recommend.eval.ModelScore;
import org.shopcast.recommend.eval.SessionEvaluation;
import org.shopcast.recommend.eval.SharedSplits;
import org.shopcast.recommend.session.SessionDataset;

/**
 * GRU4Rec on the shipped splits in ../shared/data beside popularity and SKNN (slow, minutes: run
 * with -Pslow). Prints the figures docs/recommend.md reports; GRU4Rec must be well above popularity
 * (4x YOOCHOOSE, 3x DIGINETICA, as for the other models), not above SKNN, which it does not reach
 * with the default 3 epochs (see the doc).
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class Gru4RecSharedDataTest {
  @Test
  void yoochoose100k_trainFullTest() {
    SharedSplits.Split split = SharedSplits.yoochoose100k();
    check("yoochoose full->test", split.train(), split.test(), 4);
  }

  @Test
  void diginetica_lastWeek() {
    SharedSplits.Split split = SharedSplits.digineticaLastWeek();
    check("diginetica", split.train(), split.test(), 3);
  }

  private static void check(
      String label, SessionDataset train, SessionDataset test, double factor) {
    List<ModelScore> scores =
        SessionEvaluation.run(train, test, 20, List.of("sknn", "gru4rec"), new Gru4RecOptions());
    for (ModelScore s : scores) {
      System.out.printf(
          "%s %-8s Recall@20 %.4f MRR@20 %.4f seconds %.1f%n",
          label, s.name(), s.recall(), s.mrr(), s.seconds());
    }
    ModelScore pop = scores.get(0);
    ModelScore gru = scores.get(2);
    assertThat(gru.name()).isEqualTo("gru4rec");
    assertThat(gru.recall()).isGreaterThan(factor * pop.recall());
    assertThat(gru.mrr()).isGreaterThan(factor * pop.mrr());
  }
}
