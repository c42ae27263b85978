package org.shopcast.recommend.gru;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shopcast.recommend.eval.ModelScore;
import org.shopcast.recommend.eval.SessionEvaluation;
import org.shopcast.recommend.session.SessionDataset;
import org.shopcast.recommend.session.SessionFormat;
import org.shopcast.recommend.session.SessionReader;
import org.shopcast.recommend.session.SessionSplit;
import org.shopcast.testkit.SharedData;

/**
 * GRU4Rec on the shipped splits in ../shared/data beside popularity and SKNN (slow, minutes: run
 * with -Pslow). Prints the figures docs/recommend.md reports; GRU4Rec must be well above popularity
 * (4x YOOCHOOSE, 3x DIGINETICA, as for the other models), not above SKNN, which it does not reach
 * with the default 3 epochs (see the doc).
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class Gru4RecSharedDataTest {
  private static final String DIR = "yoochoose-rsc15-100k/yoochoose-clicks-100k_";

  private static Path shared(String relative) {
    Optional<Path> file = SharedData.file(relative);
    assumeTrue(file.isPresent(), "skipped: ../shared/data/" + relative + " is absent");
    return file.get();
  }

  @Test
  void yoochoose100k_trainFullTest() {
    SessionDataset train =
        SessionDataset.train(
            SessionReader.read(shared(DIR + "train_full.txt"), SessionFormat.YOOCHOOSE));
    SessionDataset test =
        SessionDataset.test(
            SessionReader.read(shared(DIR + "test.txt"), SessionFormat.YOOCHOOSE),
            train.items(),
            2);
    check("yoochoose full->test", train, test, 4);
  }

  @Test
  void diginetica_lastWeek() {
    SessionSplit split =
        SessionSplit.lastDays(
            SessionReader.read(
                shared("diginetica-sample/sample_train-item-views.csv"), SessionFormat.DIGINETICA),
            7);
    SessionDataset train = SessionDataset.train(split.train());
    check("diginetica", train, SessionDataset.test(split.test(), train.items(), 2), 3);
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
