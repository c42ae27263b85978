package org.shopcast.recommend.knn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;

class UserKnnModelTest {
  /**
   * Users u1 {a, b, c} and u2 {a, d}: a context {a, b} has cosine 2/sqrt(2*3) = 0.8165 with u1 and
   * 1/sqrt(2*2) = 0.5 with u2, so c scores 0.8165 and d 0.5.
   */
  @Test
  void scores_areNeighbourCosines() {
    List<Click> clicks = new ArrayList<>();
    String[][] rows = {{"u1", "a"}, {"u1", "b"}, {"u1", "c"}, {"u2", "a"}, {"u2", "d"}};
    for (int i = 0; i < rows.length; i++) {
      clicks.add(new Click(rows[i][0], rows[i][0], rows[i][1], i, EventType.VIEW, i + 1));
    }
    SessionDataset data = SessionDataset.train(clicks);
    UserKnnModel model = UserKnnModel.fit(data, 10);
    int a = data.items().indexOf("a");
    int b = data.items().indexOf("b");
    org.shopcast.recommend.Scores scores = new org.shopcast.recommend.Scores(model.itemCount());
    model.score(Context.ofViews(a, b), scores);
    assertThat(scores.get(data.items().indexOf("c")))
        .isCloseTo(2 / Math.sqrt(6), org.assertj.core.api.Assertions.within(1e-12));
    assertThat(scores.get(data.items().indexOf("d")))
        .isCloseTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    int[] top = model.recommend(Context.ofViews(a, b), 4, i -> i == a || i == b);
    assertThat(top).containsExactly(data.items().indexOf("c"), data.items().indexOf("d"));
  }
}
