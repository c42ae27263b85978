package org.shopcast.recommend.gru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.eval.ModelScore;
import org.shopcast.recommend.eval.NextItemEvaluator;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;

class Gru4RecModelTest {
  private static final int CYCLE = 8;

  /** Small and fast: a few seconds of training on 2 cores. */
  private static final Gru4RecOptions OPTIONS =
      new Gru4RecOptions()
          .withHiddenSize(24)
          .withBatchSize(32)
          .withEpochs(10)
          .withLearningRate(0.05)
          .withLoss(Gru4RecLoss.CROSS_ENTROPY, 8);

  private static SessionDataset train;
  private static Gru4RecTrainer.Trained trained;

  /**
   * Two patterns: sessions walking a cycle c0 → c1 → … → c7 → c0 from a random start (every item
   * equally popular), and sessions "x a b" / "y a c" where the item after a depends on the first
   * one, which no model of the last item alone can tell.
   */
  private static List<Click> sessions(int count, long seed, String prefix) {
    Random random = new Random(seed);
    List<Click> clicks = new ArrayList<>();
    long t = 0;
    for (int s = 0; s < count; s++) {
      String id = prefix + s;
      if (s % 4 == 3) {
        boolean x = random.nextBoolean();
        for (String item : x ? new String[] {"x", "a", "b"} : new String[] {"y", "a", "c"}) {
          clicks.add(new Click(id, null, item, t++, EventType.VIEW, t));
        }
      } else {
        int start = random.nextInt(CYCLE);
        for (int p = 0; p < 6; p++) {
          clicks.add(new Click(id, null, "c" + (start + p) % CYCLE, t++, EventType.VIEW, t));
        }
      }
    }
    return clicks;
  }

  private static int[] ids(String... names) {
    int[] out = new int[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = train.items().indexOf(names[i]);
    }
    return out;
  }

  @BeforeAll
  static void trainOnce() {
    train = SessionDataset.train(sessions(96, 1, "s"));
    trained =
        Gru4RecTrainer.train(
            train, OPTIONS, new int[][] {ids("c3"), ids("c3", "c4", "c5"), ids("x", "a")});
  }

  @Test
  void learnsCycle_wherePopularityCannot() {
    SessionDataset test = SessionDataset.test(sessions(40, 2, "t"), train.items(), 2);
    double[] popularity = new double[train.items().size()];
    NextItemEvaluator top1 = new NextItemEvaluator(1);
    ModelScore gru = top1.evaluate(trained.model(), test, popularity, 0);
    ModelScore pop =
        top1.evaluate(PopularityModel.fit(train, new PopularityOptions()), test, popularity, 0);
    // every transition of the cycle and "x a -> b", "y a -> c" is deterministic; only the first
    // click of "x a b" / "y a c" sessions (a coin flip) is not, about 1/16 of the predictions
    assertThat(gru.recall()).isGreaterThan(0.85);
    assertThat(pop.recall()).isLessThan(0.3);
  }

  @Test
  void remembersMoreThanTheLastItem() {
    Gru4RecModel model = trained.model();
    assertThat(model.recommend(Context.ofViews(ids("x", "a")), 1, null)).containsExactly(ids("b"));
    assertThat(model.recommend(Context.ofViews(ids("y", "a")), 1, null)).containsExactly(ids("c"));
  }

  @Test
  void javaScoring_matchesTheDjlNetwork() {
    Gru4RecModel model = trained.model();
    int[][] probes = {ids("c3"), ids("c3", "c4", "c5"), ids("x", "a")};
    for (int p = 0; p < probes.length; p++) {
      Scores scores = new Scores(model.itemCount());
      model.score(Context.ofViews(probes[p]), scores);
      float[] djl = trained.probeScores()[p];
      assertThat(djl).hasSize(model.itemCount());
      assertThat(scores.size()).isEqualTo(model.itemCount());
      for (int i = 0; i < djl.length; i++) {
        assertThat(scores.get(i)).as("probe %d item %d", p, i).isCloseTo(djl[i], within(1e-4));
      }
    }
  }

  @Test
  void shapesAndLoss() {
    Gru4RecModel model = trained.model();
    assertThat(model.name()).isEqualTo("gru4rec");
    assertThat(model.itemCount()).isEqualTo(train.items().size()).isEqualTo(CYCLE + 5);
    assertThat(model.trainingSessions()).isEqualTo(96);
    double[] loss = model.epochLoss();
    assertThat(loss).hasSize(OPTIONS.epochs());
    // in-batch duplicates of a target count as negatives, so the loss floor is above 0
    assertThat(loss[loss.length - 1]).isLessThan(loss[0] * 0.9);
    // unknown items are skipped; nothing known means no candidates (the fallback chain decides)
    Scores scores = new Scores(model.itemCount());
    model.score(Context.ofViews(-1), scores);
    assertThat(scores.size()).isZero();
  }

  @Test
  void sameSeed_sameModel_otherSeed_otherModel() {
    SessionDataset small = SessionDataset.train(sessions(40, 3, "d"));
    Gru4RecOptions options = OPTIONS.withEpochs(1);
    Context context = Context.ofViews(0, 1);
    double[] first = scores(Gru4RecModel.fit(small, options), context);
    double[] again = scores(Gru4RecModel.fit(small, options), context);
    double[] other = scores(Gru4RecModel.fit(small, options.withSeed(7)), context);
    assertThat(again).containsExactly(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void rejectsBadSettingsAndData() {
    assertThatThrownBy(() -> new Gru4RecOptions().withEpochs(0))
        .hasMessage("epochs must be >= 1, got 0");
    assertThatThrownBy(() -> new Gru4RecOptions().withLearningRate(-1))
        .hasMessage("learningRate must be > 0 and finite, got -1.0");
    assertThatThrownBy(() -> Gru4RecLoss.parse("hinge"))
        .hasMessage("loss must be cross-entropy or bpr-max, got 'hinge'");
    SessionDataset singles =
        SessionDataset.train(List.of(new Click("s", null, "a", 0, EventType.VIEW, 1)));
    assertThatThrownBy(() -> Gru4RecModel.fit(singles, OPTIONS))
        .hasMessageContaining("at least one training session with 2 or more events");
  }

  private static double[] scores(Gru4RecModel model, Context context) {
    Scores scores = new Scores(model.itemCount());
    model.score(context, scores);
    double[] out = new double[model.itemCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = scores.get(i);
    }
    return out;
  }
}
