package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Hand-computed cases; the figures in the comments are worked out on paper. */
class RankingMetricsTest {
  private static final int[] LIST = {7, 3, 9, 1, 5};

  @Test
  void singleTargetAtRank3() {
    Set<Integer> next = Set.of(9);
    assertThat(RankingMetrics.hitRate(LIST, next, 5)).isEqualTo(1);
    assertThat(RankingMetrics.recall(LIST, next, 5)).isEqualTo(1);
    assertThat(RankingMetrics.reciprocalRank(LIST, next, 5)).isEqualTo(1.0 / 3);
    // 1 / log2(4) = 0.5
    assertThat(RankingMetrics.ndcg(LIST, next, 5)).isCloseTo(0.5, within(1e-12));
    assertThat(RankingMetrics.precision(LIST, next, 5)).isEqualTo(0.2);
  }

  @Test
  void targetBelowTheCutoff_countsNothing() {
    Set<Integer> next = Set.of(9);
    assertThat(RankingMetrics.hitRate(LIST, next, 2)).isZero();
    assertThat(RankingMetrics.reciprocalRank(LIST, next, 2)).isZero();
    assertThat(RankingMetrics.ndcg(LIST, next, 2)).isZero();
  }

  @Test
  void twoRelevantItems() {
    Set<Integer> relevant = Set.of(3, 5, 42);
    // hits at ranks 2 and 5; 42 is missing
    assertThat(RankingMetrics.recall(LIST, relevant, 5)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(RankingMetrics.precision(LIST, relevant, 5)).isCloseTo(0.4, within(1e-12));
    assertThat(RankingMetrics.reciprocalRank(LIST, relevant, 5)).isEqualTo(0.5);
    // DCG = 1/log2(3) + 1/log2(6) = 0.630930 + 0.386853 = 1.017782, / IDCG = 0.477624
    // IDCG = 1 + 1/log2(3) + 1/log2(4) = 1 + 0.630930 + 0.5 = 2.130930
    assertThat(RankingMetrics.ndcg(LIST, relevant, 5)).isCloseTo(0.477624, within(1e-6));
  }

  @Test
  void shortList_missingSlotsAreMisses() {
    int[] list = {4};
    assertThat(RankingMetrics.precision(list, Set.of(4), 20)).isEqualTo(0.05);
    assertThat(RankingMetrics.ndcg(list, Set.of(4), 20)).isEqualTo(1);
  }

  @Test
  void nothingRelevant_isZero_andKMustBePositive() {
    assertThat(RankingMetrics.recall(LIST, Set.of(), 5)).isZero();
    assertThat(RankingMetrics.ndcg(LIST, Set.of(), 5)).isZero();
    assertThatThrownBy(() -> RankingMetrics.ndcg(LIST, Set.of(1), 0))
        .hasMessage("k must be >= 1, got 0");
  }
}
