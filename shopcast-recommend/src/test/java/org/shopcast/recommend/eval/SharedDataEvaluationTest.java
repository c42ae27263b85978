package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The full shipped splits in ../shared/data (slow: run with -Pslow): the best model must be far
 * above popularity on YOOCHOOSE 100k and on the DIGINETICA sample.
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class SharedDataEvaluationTest {
  @Test
  void yoochoose100k_trainFullTest_bestModelFarAbovePopularity() {
    SharedSplits.Split split = SharedSplits.yoochoose100k();
    List<ModelScore> scores =
        SessionEvaluation.run(
            split.train(), split.test(), 20, List.of("iknn", "sknn", "vsknn", "als"));
    assertBestFarAbovePopularity(scores, 4);
  }

  @Test
  void diginetica_lastWeek_bestModelFarAbovePopularity() {
    SharedSplits.Split split = SharedSplits.digineticaLastWeek();
    List<ModelScore> scores =
        SessionEvaluation.run(
            split.train(), split.test(), 20, List.of("iknn", "sknn", "vsknn", "als"));
    assertBestFarAbovePopularity(scores, 3);
  }

  private static void assertBestFarAbovePopularity(List<ModelScore> scores, double factor) {
    ModelScore pop = scores.get(0);
    assertThat(pop.name()).isEqualTo("popular");
    ModelScore best = scores.stream().max(Comparator.comparingDouble(ModelScore::recall)).get();
    assertThat(best.name()).isNotEqualTo("popular");
    assertThat(best.recall()).isGreaterThan(factor * pop.recall());
    assertThat(best.mrr()).isGreaterThan(factor * pop.mrr());
  }
}
