package org.shopcast.recommend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.Rules;
import org.shopcast.testkit.Fixtures;

/** Recommendations trained on the Taobao 43-user fixture imported into a real DuckDB store. */
class StoreRecommenderTest {
  @TempDir static Path workspace;
  private static StoreRecommender recommender;
  private static Set<String> boughtByFirstBuyer;
  private static String firstBuyer;

  @BeforeAll
  static void importAndTrain() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    try (EventStore store = EventStore.open(workspace)) {
      new Importer(store, clock)
          .importFile(
              Fixtures.path("taobao/UserBehavior_head_43users.csv"),
              ImportOptions.of(Format.TAOBAO));
      recommender = StoreRecommender.train(store.connection());
      boughtByFirstBuyer = new HashSet<>();
      try (Statement s = store.connection().createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT user_id, item_id FROM events WHERE type = 'PURCHASE' AND user_id ="
                      + " (SELECT min(user_id) FROM events WHERE type = 'PURCHASE')")) {
        while (rs.next()) {
          firstBuyer = rs.getString(1);
          boughtByFirstBuyer.add(rs.getString(2));
        }
      }
    }
  }

  @Test
  void forUser_excludesWhatTheUserBought_andExplainsEachItem() {
    assertThat(boughtByFirstBuyer).isNotEmpty();
    List<Explained> list = recommender.forUser(firstBuyer, 10, new Rules());
    assertThat(list).hasSize(10);
    assertThat(list).extracting(Explained::itemId).doesNotContainAnyElementsOf(boughtByFirstBuyer);
    assertThat(list).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
    assertThat(list.get(0).source()).isEqualTo("iknn");
    assertThat(list.get(0).reason()).startsWith("because you ");
  }

  @Test
  void unknownUser_getsThePopularFallback() {
    List<Explained> list = recommender.forUser("nobody", 5, new Rules());
    assertThat(list).hasSize(5).allSatisfy(e -> assertThat(e.source()).isEqualTo("trending"));
  }

  @Test
  void similarTo_neverReturnsTheItemItself() {
    List<Explained> list = recommender.similarTo("2333346", 10, new Rules()).orElseThrow();
    assertThat(list).hasSize(10).extracting(Explained::itemId).doesNotContain("2333346");
    assertThat(recommender.similarTo("no-such-item", 10, new Rules())).isEmpty();
  }

  @Test
  void forSession_leavesOutTheCurrentItem_andFillsTheList() {
    List<org.shopcast.recommend.session.Click> session =
        List.of(
            new org.shopcast.recommend.session.Click(
                "s", null, "2268318", 0, org.shopcast.core.event.EventType.VIEW, 1));
    List<Explained> list = recommender.forSession(session, 8, new Rules());
    assertThat(list).hasSize(8).extracting(Explained::itemId).doesNotContain("2268318");
  }
}
