package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.recommend.session.SessionDataset;
import org.shopcast.recommend.session.SessionFormat;
import org.shopcast.recommend.session.SessionReader;
import org.shopcast.testkit.Fixtures;

/** The next-item protocol on the YOOCHOOSE fixture cut (a quarter of the 100k split's sessions). */
class FixtureEvaluationTest {
  @Test
  void sessionModels_beatPopularityByFar() {
    SessionDataset train =
        SessionDataset.train(
            SessionReader.read(
                Fixtures.path("yoochoose/yoochoose-clicks-100k_train_full_quarter.txt"),
                SessionFormat.YOOCHOOSE));
    SessionDataset test =
        SessionDataset.test(
            SessionReader.read(
                Fixtures.path("yoochoose/yoochoose-clicks-100k_test_quarter.txt"),
                SessionFormat.YOOCHOOSE),
            train.items(),
            2);
    List<ModelScore> scores =
        SessionEvaluation.run(train, test, 20, List.of("iknn", "sknn", "vsknn"));
    assertThat(scores)
        .extracting(ModelScore::name)
        .containsExactly("popular", "iknn", "sknn", "vsknn");
    ModelScore popScore = scores.get(0);
    assertThat(popScore.predictions()).isGreaterThan(1000);
    for (ModelScore s : scores.subList(1, scores.size())) {
      assertThat(s.predictions()).isEqualTo(popScore.predictions());
      assertThat(s.recall()).as(s.name()).isGreaterThan(2 * popScore.recall());
      assertThat(s.mrr()).as(s.name()).isGreaterThan(2 * popScore.mrr());
      assertThat(s.coverage()).as(s.name()).isGreaterThan(popScore.coverage());
    }
    ModelScore vsknn = scores.get(3);
    assertThat(vsknn.recall()).isGreaterThan(5 * popScore.recall());
  }
}
