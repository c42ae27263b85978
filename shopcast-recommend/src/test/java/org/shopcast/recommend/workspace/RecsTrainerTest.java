package org.shopcast.recommend.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** Precomputed lists on the Taobao 43-user fixture in a real DuckDB store. */
class RecsTrainerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path workspace;
  private static EventStore store;
  private static Map<String, Set<String>> bought;
  private static Set<String> users;

  @BeforeAll
  static void importFixture() throws Exception {
    store = EventStore.open(workspace);
    new Importer(store, CLOCK)
        .importFile(
            Fixtures.path("taobao/UserBehavior_head_43users.csv"), ImportOptions.of(Format.TAOBAO));
    bought = new HashMap<>();
    users = new HashSet<>();
    try (Statement s = store.connection().createStatement();
        ResultSet rs = s.executeQuery("SELECT user_id, item_id, type FROM events")) {
      while (rs.next()) {
        users.add(rs.getString(1));
        if ("PURCHASE".equals(rs.getString(3))) {
          bought.computeIfAbsent(rs.getString(1), u -> new HashSet<>()).add(rs.getString(2));
        }
      }
    }
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static Connection db() {
    return store.connection();
  }

  @Test
  void everyModel_storesAListPerUser_neverWithAnItemTheUserBought() {
    assertThat(bought).isNotEmpty();
    for (RecsModel model : RecsModel.values()) {
      RecsInfo info = RecsTrainer.train(db(), TrainRecsOptions.of(model, 20), CLOCK);
      assertThat(info.model()).isEqualTo(model.id());
      assertThat(info.users()).isEqualTo(users.size());
      RecsIndex index = RecsIndex.load(db(), model.id()).orElseThrow();
      assertThat(index.userCount()).isEqualTo(users.size());
      for (String user : users) {
        List<Explained> list = index.forUser(user, 20).orElseThrow();
        assertThat(list).as("%s %s", model, user).hasSize(20);
        assertThat(list)
            .extracting(Explained::itemId)
            .doesNotHaveDuplicates()
            .noneMatch(bought.getOrDefault(user, Set.of())::contains);
        assertThat(list).allSatisfy(e -> assertThat(e.reason()).isNotBlank());
      }
    }
  }

  @Test
  void index_andDirectQuery_returnTheSameLists_andKnowWhichUsersExist() {
    RecsTrainer.train(db(), TrainRecsOptions.of(RecsModel.IKNN, 10), CLOCK);
    RecsIndex index = RecsIndex.load(db(), "iknn").orElseThrow();
    RecsInfo info = index.info();
    String user = users.iterator().next();
    assertThat(index.forUser(user, 5)).isEqualTo(RecsIndex.queryUser(db(), info, user, 5));
    assertThat(index.forUser(user, 5).orElseThrow()).hasSize(5);
    assertThat(index.forUser("nobody", 5)).isEmpty();
    assertThat(index.knowsUser("nobody")).isFalse();
    assertThat(index.coldStart(10))
        .hasSize(10)
        .isEqualTo(RecsIndex.queryUser(db(), info, null, 10).orElseThrow())
        .allSatisfy(e -> assertThat(e.source()).isEqualTo("trending"));
    List<Explained> similar = index.similarTo("2333346", 10).orElseThrow();
    assertThat(similar).hasSize(10).extracting(Explained::itemId).doesNotContain("2333346");
    assertThat(RecsIndex.querySimilar(db(), info, "2333346", 10)).contains(similar);
    assertThat(index.similarTo("no-such-item", 10)).isEmpty();
  }

  @Test
  void lists_carryProvenance_withAFingerprintOfTheEvents() throws Exception {
    RecsInfo info = RecsTrainer.train(db(), TrainRecsOptions.of(RecsModel.POPULAR, 5), CLOCK);
    assertThat(info.trainedAt()).isEqualTo(CLOCK.instant());
    assertThat(info.options()).contains("\"model\": \"popular\"", "\"n\": 5");
    long events;
    try (Statement s = db().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FROM events WHERE item_id IS NOT NULL AND type <> 'SEARCH'"
                    + " AND type <> 'CART_REMOVE' AND type <> 'RETURN'")) {
      rs.next();
      events = rs.getLong(1);
    }
    assertThat(info.fingerprint()).contains("\"events\": " + events + ",");
    RecsInfo stored = RecsIndex.load(db(), "popular").orElseThrow().info();
    assertThat(stored).isEqualTo(info);
  }

  @Test
  void failedTrain_keepsThePreviousLists_andLeavesNoVisibleRows() throws Exception {
    RecsInfo first = RecsTrainer.train(db(), TrainRecsOptions.of(RecsModel.UKNN, 10), CLOCK);
    RecsIndex before = RecsIndex.load(db(), "uknn").orElseThrow();
    assertThatThrownBy(
            () ->
                RecsTrainer.train(
                    db(),
                    TrainRecsOptions.of(RecsModel.UKNN, 3),
                    CLOCK,
                    () -> {
                      throw new IllegalStateException("disk full");
                    }))
        .hasMessage("disk full");
    RecsIndex after = RecsIndex.load(db(), "uknn").orElseThrow();
    assertThat(after.info()).isEqualTo(first);
    for (String user : users) {
      assertThat(after.forUser(user, 10)).isEqualTo(before.forUser(user, 10));
    }
    // the next train removes the failed run's rows and the previous version's
    RecsInfo next = RecsTrainer.train(db(), TrainRecsOptions.of(RecsModel.UKNN, 10), CLOCK);
    assertThat(next.version()).isGreaterThan(first.version());
    try (Statement s = db().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(DISTINCT version) FROM recs_user_lists WHERE model = 'uknn'")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(1);
    }
  }

  @Test
  void emptyStore_failsWithAHint(@TempDir Path empty) {
    try (EventStore other = EventStore.open(empty)) {
      assertThat(RecsIndex.load(other.connection(), null)).isEmpty();
      assertThatThrownBy(
              () ->
                  RecsTrainer.train(
                      other.connection(), TrainRecsOptions.of(RecsModel.IKNN, 10), CLOCK))
          .hasMessageContaining("import some first");
    }
  }
}
