package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.shopcast.recommend.session.SessionDataset;
import org.shopcast.recommend.session.SessionFormat;
import org.shopcast.recommend.session.SessionReader;
import org.shopcast.recommend.session.SessionSplit;
import org.shopcast.testkit.SharedData;

/**
 * The full shipped splits in ../shared/data (slow: run with -Pslow): the best model must be far
 * above popularity on YOOCHOOSE 100k and on the DIGINETICA sample.
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class SharedDataEvaluationTest {
  private static final String DIR = "yoochoose-rsc15-100k/yoochoose-clicks-100k_";

  private static Path shared(String relative) {
    Optional<Path> file = SharedData.file(relative);
    assumeTrue(file.isPresent(), "skipped: ../shared/data/" + relative + " is absent");
    return file.get();
  }

  @Test
  void yoochoose100k_trainFullTest_bestModelFarAbovePopularity() {
    SessionDataset train =
        SessionDataset.train(
            SessionReader.read(shared(DIR + "train_full.txt"), SessionFormat.YOOCHOOSE));
    SessionDataset test =
        SessionDataset.test(
            SessionReader.read(shared(DIR + "test.txt"), SessionFormat.YOOCHOOSE),
            train.items(),
            2);
    List<ModelScore> scores =
        SessionEvaluation.run(train, test, 20, List.of("iknn", "sknn", "vsknn", "als"));
    assertBestFarAbovePopularity(scores, 4);
  }

  @Test
  void diginetica_lastWeek_bestModelFarAbovePopularity() {
    SessionSplit split =
        SessionSplit.lastDays(
            SessionReader.read(
                shared("diginetica-sample/sample_train-item-views.csv"), SessionFormat.DIGINETICA),
            7);
    SessionDataset train = SessionDataset.train(split.train());
    SessionDataset test = SessionDataset.test(split.test(), train.items(), 2);
    List<ModelScore> scores =
        SessionEvaluation.run(train, test, 20, List.of("iknn", "sknn", "vsknn", "als"));
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
