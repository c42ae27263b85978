package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shopcast.recommend.fbt.HandBaskets;

/**
 * Basket completion on a hand-computed case. Training baskets {@link HandBaskets#SIX}: {a b c} {a
 * b} {a c} {b c d} {a b d} {d} (in a: 4, b: 4, c: 3, d: 3; index order a, b, c, d); test baskets {a
 * b} and {b d x} (x never trained: dropped). Ranks of the hidden item, items of the rest of the
 * basket left out:
 *
 * <pre>
 * test   hidden  context  fbt (confidence)                 popular (ties: index)
 * {a b}  a       b        a .75, c .5, d .5   -> 1         a, c, d     -> 1
 * {a b}  b       a        b .75, c .5         -> 1         b, c, d     -> 1
 * {b d}  b       d        b 2/3               -> 1         a, b, c     -> 2
 * {b d}  d       b        a .75, c .5, d .5   -> 3         a, c, d     -> 3
 * </pre>
 */
class BasketEvaluationTest {
  private static final List<List<String>> BASKETS =
      Stream.concat(HandBaskets.SIX.stream(), Stream.of(List.of("a", "b"), List.of("b", "d", "x")))
          .toList();

  /** The 1-based rank of the hidden item in each test basket for the seed: [fbt, popular]. */
  private static int[][] ranks(long seed) {
    Random random = new Random(seed);
    random.nextInt(2); // the first basket: either hidden item ranks first for both models
    boolean hideB = random.nextInt(2) == 0;
    return new int[][] {{1, 1}, hideB ? new int[] {1, 2} : new int[] {3, 3}};
  }

  @Test
  void run_scoresTheHiddenItemAsComputedByHand() {
    BasketEvaluation.Split split = BasketEvaluation.split(BASKETS, 0.25);
    assertThat(split.train()).hasSize(6);
    assertThat(split.test()).hasSize(2);
    for (long seed : new long[] {1, 2, 3, 42}) {
      int[][] ranks = ranks(seed);
      List<ModelScore> scores = BasketEvaluation.run(split, 2, List.of("fbt"), seed);
      assertThat(scores).extracting(ModelScore::name).containsExactly("popular", "fbt");
      for (int m = 0; m < 2; m++) {
        ModelScore score = scores.get(m == 0 ? 1 : 0);
        double hits = 0;
        double rr = 0;
        for (int[] basket : ranks) {
          hits += basket[m] <= 2 ? 1 : 0;
          rr += basket[m] <= 2 ? 1.0 / basket[m] : 0;
        }
        assertThat(score.predictions()).isEqualTo(2);
        assertThat(score.recall()).as("%s seed %d", score.name(), seed).isEqualTo(hits / 2);
        assertThat(score.mrr())
            .as("%s seed %d", score.name(), seed)
            .isCloseTo(rr / 2, within(1e-12));
      }
    }
  }

  @Test
  void split_and_run_rejectBadArguments() {
    assertThatThrownBy(() -> BasketEvaluation.split(BASKETS, 1.0))
        .hasMessage("testShare must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> BasketEvaluation.split(BASKETS.subList(0, 1), 0.2))
        .hasMessageContaining("a side would be empty");
    BasketEvaluation.Split split = BasketEvaluation.split(BASKETS, 0.25);
    assertThatThrownBy(() -> BasketEvaluation.run(split, 10, List.of("sknn"), 1))
        .hasMessage("unknown basket model 'sknn', expected one of popular, iknn, fbt, fbt-lift");
  }
}
