package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.als.AlsModel;
import org.shopcast.recommend.als.AlsOptions;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.UserKnnModel;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.SessionDataset;
import org.shopcast.testkit.Fixtures;

/** User top-10 lists on the Taobao 43-user fixture, last two days held out. */
class TemporalUserEvaluationTest {
  private static final long CUTOFF = Instant.parse("2017-12-01T16:00:00Z").toEpochMilli();

  private static List<Click> taobao() throws IOException {
    List<Click> clicks = new ArrayList<>();
    long line = 0;
    for (String text :
        Files.readAllLines(
            Fixtures.path("taobao/UserBehavior_head_43users.csv"), StandardCharsets.UTF_8)) {
      line++;
      String[] f = text.split(",");
      EventType type =
          switch (f[3]) {
            case "buy" -> EventType.PURCHASE;
            case "cart" -> EventType.CART_ADD;
            case "fav" -> EventType.FAVORITE;
            default -> EventType.VIEW;
          };
      clicks.add(new Click(f[0], f[0], f[1], Long.parseLong(f[4]) * 1000, type, line));
    }
    clicks.sort(Comparator.comparingLong(Click::timeMillis));
    return clicks;
  }

  @Test
  void popularity_matchesANaiveRecount() throws IOException {
    List<Click> clicks = taobao();
    Map<String, Function<SessionDataset, Recommender>> models = new LinkedHashMap<>();
    models.put("popular", d -> PopularityModel.fit(d, new PopularityOptions()));
    ModelScore pop = TemporalUserEvaluation.run(clicks, CUTOFF, 10, models).get(0);

    // naive: count training events per item, rank by count then first-seen order
    Map<String, Integer> count = new LinkedHashMap<>();
    Map<String, Set<String>> bought = new HashMap<>();
    Map<String, Set<String>> after = new LinkedHashMap<>();
    Set<String> trainUsers = new HashSet<>();
    for (Click c : clicks) {
      if (c.timeMillis() < CUTOFF) {
        count.merge(c.itemId(), 1, Integer::sum);
        trainUsers.add(c.userId());
        if (c.type() == EventType.PURCHASE) {
          bought.computeIfAbsent(c.userId(), u -> new HashSet<>()).add(c.itemId());
        }
      } else {
        after.computeIfAbsent(c.userId(), u -> new HashSet<>()).add(c.itemId());
      }
    }
    List<String> ranked = new ArrayList<>(count.keySet());
    ranked.sort((a, b) -> count.get(b) - count.get(a));
    double recall = 0;
    int users = 0;
    for (String user : trainUsers) {
      Set<String> relevant = new HashSet<>(after.getOrDefault(user, Set.of()));
      relevant.retainAll(count.keySet());
      if (relevant.isEmpty()) {
        continue;
      }
      List<String> list = new ArrayList<>();
      for (String item : ranked) {
        if (list.size() < 10 && !bought.getOrDefault(user, Set.of()).contains(item)) {
          list.add(item);
        }
      }
      recall += list.stream().filter(relevant::contains).count() / (double) relevant.size();
      users++;
    }
    assertThat(pop.predictions()).isEqualTo(users);
    assertThat(pop.recall())
        .isCloseTo(recall / users, org.assertj.core.api.Assertions.within(1e-12));
  }

  @Test
  void personalModels_farAbovePopularity() throws IOException {
    Map<String, Function<SessionDataset, Recommender>> models = new LinkedHashMap<>();
    models.put("popular", d -> PopularityModel.fit(d, new PopularityOptions()));
    models.put("iknn", d -> ItemKnnModel.fit(d, new ItemKnnOptions(100, 20, 0.5, 0, 0.9)));
    models.put("uknn", d -> UserKnnModel.fit(d, 20));
    models.put("als", d -> AlsModel.fit(d, new AlsOptions(16, 0.1, 40, 10, 0, 42)));
    List<ModelScore> scores = TemporalUserEvaluation.run(taobao(), CUTOFF, 10, models);
    assertThat(scores).hasSize(4);
    for (ModelScore s : scores) {
      assertThat(s.predictions()).isEqualTo(scores.get(0).predictions()).isPositive();
      assertThat(s.recall()).isBetween(0.0, 1.0);
      assertThat(s.ndcg()).isBetween(0.0, 1.0);
    }
    // users return to their own items: every history-based model beats the global list by far
    for (ModelScore s : scores.subList(1, scores.size())) {
      assertThat(s.recall()).as(s.name()).isGreaterThan(5 * scores.get(0).recall());
    }
  }
}
