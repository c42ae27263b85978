package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.SessionKnnModel;
import org.shopcast.recommend.knn.SessionKnnOptions;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
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
    PopularityModel pop = PopularityModel.fit(train, new PopularityOptions());
    double[] popularity = new double[pop.itemCount()];
    for (int i = 0; i < popularity.length; i++) {
      popularity[i] = pop.score(i);
    }
    NextItemEvaluator evaluator = new NextItemEvaluator(20);
    ModelScore popScore = evaluator.evaluate(pop, test, popularity, 0);
    List<ModelScore> others =
        List.of(
            evaluator.evaluate(ItemKnnModel.fit(train, new ItemKnnOptions()), test, popularity, 0),
            evaluator.evaluate(
                SessionKnnModel.fit(train, SessionKnnOptions.sknn()), test, popularity, 0),
            evaluator.evaluate(
                SessionKnnModel.fit(train, SessionKnnOptions.vsknn()), test, popularity, 0));
    assertThat(popScore.predictions()).isGreaterThan(1000);
    for (ModelScore s : others) {
      assertThat(s.predictions()).isEqualTo(popScore.predictions());
      assertThat(s.recall()).as(s.name()).isGreaterThan(3 * popScore.recall());
      assertThat(s.mrr()).as(s.name()).isGreaterThan(3 * popScore.mrr());
      assertThat(s.coverage()).as(s.name()).isGreaterThan(popScore.coverage());
    }
  }
}
