package org.shopcast.recommend.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.event.EventType;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.fbt.FbtMeasure;
import org.shopcast.recommend.fbt.FbtModel;
import org.shopcast.recommend.fbt.FbtOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.testkit.Fixtures;

/** Bought-together from the orders of 5,000 real Online Retail lines in a DuckDB store. */
class FbtStoreTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path workspace;
  private static EventStore store;

  @BeforeAll
  static void importFixture() {
    store = EventStore.open(workspace);
    new Importer(store, CLOCK)
        .importFile(
            Fixtures.path("online-retail/online_retail_random20k_first5000.csv"),
            ImportOptions.of(Format.ONLINE_RETAIL));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static Connection db() {
    return store.connection();
  }

  private static ItemIndex storeItems() throws Exception {
    ItemIndex items = new ItemIndex();
    try (Statement s = db().createStatement();
        ResultSet rs = s.executeQuery("SELECT DISTINCT item_id FROM events ORDER BY 1")) {
      while (rs.next()) {
        items.add(rs.getString(1));
      }
    }
    return items;
  }

  @Test
  void fit_countsOrders_likePlainSqlOnTheEvents() throws Exception {
    ItemIndex items = storeItems();
    FbtModel model = FbtModel.fit(db(), items, new FbtOptions(FbtMeasure.CONFIDENCE, 1, 1_000_000));
    assertThat(model.unit()).isEqualTo("orders");
    Map<String, Integer> pairs = new HashMap<>();
    long orders;
    try (Statement s = db().createStatement()) {
      try (ResultSet rs =
          s.executeQuery(
              "SELECT count(DISTINCT order_id) FROM events WHERE type = 'PURCHASE' AND order_id IS"
                  + " NOT NULL")) {
        rs.next();
        orders = rs.getLong(1);
      }
      try (ResultSet rs =
          s.executeQuery(
              "WITH o AS (SELECT list(DISTINCT item_id) AS l FROM events WHERE type = 'PURCHASE'"
                  + " GROUP BY order_id) SELECT x, y, count(*) FROM (SELECT x, unnest(l) AS y FROM"
                  + " (SELECT l, unnest(l) AS x FROM o)) WHERE x <> y GROUP BY x, y")) {
        while (rs.next()) {
          pairs.put(rs.getString(1) + ">" + rs.getString(2), rs.getInt(3));
        }
      }
    }
    assertThat(model.basketCount()).isEqualTo(orders);
    assertThat(pairs).hasSizeGreaterThan(100);
    int kept = 0;
    for (int a = 0; a < items.size(); a++) {
      int[] companions = model.companions(a);
      kept += companions.length;
      for (int k = 0; k < companions.length; k++) {
        String key = items.id(a) + ">" + items.id(companions[k]);
        assertThat(model.together(a, k)).as(key).isEqualTo(pairs.get(key));
      }
    }
    assertThat(kept).isEqualTo(pairs.size());
    List<List<String>> baskets = FbtModel.storeBaskets(db());
    assertThat(baskets).hasSize((int) orders);
  }

  @Test
  void trainRecs_storesBoughtTogetherItemLists_withCountsInTheReason() {
    // a random sample of lines holds few pairs twice: count every pair here
    FbtOptions once = new FbtOptions(FbtMeasure.CONFIDENCE, 1, 100);
    TrainRecsOptions d = TrainRecsOptions.of(RecsModel.FBT, 10);
    TrainRecsOptions options =
        new TrainRecsOptions(
            d.model(), d.n(), true, d.itemKnn(), d.userNeighbours(), d.als(), once);
    RecsInfo info = RecsTrainer.train(db(), options, CLOCK);
    assertThat(info.model()).isEqualTo("fbt");
    assertThat(info.options())
        .contains("\"fbt\": {\"measure\": \"confidence\", \"minTogether\": 1");
    RecsIndex index = RecsIndex.load(db(), "fbt").orElseThrow();
    ItemIndex items;
    FbtModel model;
    try {
      items = storeItems();
      model = FbtModel.fit(db(), items, once);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
    int checked = 0;
    for (int a = 0; a < items.size(); a++) {
      int[] companions = model.companions(a);
      if (companions.length == 0) {
        continue;
      }
      List<Explained> list = index.similarTo(items.id(a), 10).orElseThrow();
      assertThat(list).hasSize(10);
      int shown = Math.min(10, companions.length);
      for (int k = 0; k < shown; k++) {
        Explained e = list.get(k);
        assertThat(e.source()).isEqualTo("fbt");
        int rank = model.rankOf(a, items.indexOf(e.itemId()));
        assertThat(rank).as(e.itemId()).isNotNegative();
        assertThat(e.score()).isCloseTo(model.measure(a, rank), within(1e-6));
        if (k > 0) {
          assertThat(e.score()).isLessThanOrEqualTo(list.get(k - 1).score());
        }
        int together = model.together(a, rank);
        assertThat(e.reason())
            .isEqualTo(
                "bought together with "
                    + items.id(a)
                    + " in "
                    + together
                    + (together == 1 ? " order" : " orders"));
      }
      assertThat(list.subList(shown, list.size()))
          .allSatisfy(e -> assertThat(e.source()).isNotEqualTo("fbt"));
      checked++;
    }
    assertThat(checked).isGreaterThan(20);
  }

  @Test
  void sessionContinuation_completesTheBasket_withoutItsItems() throws Exception {
    StoreRecommender recommender = StoreRecommender.train(db(), true);
    ItemIndex items = storeItems();
    FbtModel model = FbtModel.fit(db(), items, new FbtOptions());
    int a = 0;
    while (model.companions(a).length == 0) {
      a++;
    }
    int other = a == 0 ? 1 : 0;
    while (model.rankOf(a, other) >= 0 || other == a) {
      other++;
    }
    // a first: the basket's earlier items are left out too, not only the last one
    List<String> basket = List.of(items.id(a), items.id(other));
    List<Click> clicks =
        basket.stream().map(i -> new Click("s", null, i, 0, EventType.CART_ADD, 0)).toList();
    List<Explained> list = recommender.forSession(clicks, 10, new Rules(), "fbt");
    assertThat(list).hasSize(10);
    assertThat(list).extracting(Explained::itemId).doesNotContainAnyElementsOf(basket);
    assertThat(list.get(0).source()).isEqualTo("fbt");
    assertThat(list.get(0).itemId()).isEqualTo(items.id(model.companions(a)[0]));
    assertThat(list.get(0).reason()).startsWith("bought together with " + items.id(a) + " in ");
  }
}
