package org.shopcast.predict.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** Point-in-time features on the Taobao 43-user histories, recomputed naively, and leakage. */
class TrainingSetBuilderTest {
  private static final Instant CUTOFF = Instant.parse("2017-12-01T00:00:00Z");
  private static final Instant EARLIER = Instant.parse("2017-11-29T00:00:00Z");

  private static EventStore taobao(Path dir) {
    EventStore store = EventStore.open(dir);
    new Importer(store, Clock.systemUTC())
        .importFile(
            Fixtures.path("taobao/UserBehavior_head_43users.csv"), ImportOptions.of(Format.TAOBAO));
    return store;
  }

  @Test
  void features_matchNaiveRecomputation(@TempDir Path dir) throws Exception {
    try (EventStore store = taobao(dir)) {
      TrainingSet set = TrainingSetBuilder.build(store.connection(), List.of(CUTOFF), 2);
      Map<String, double[]> naive = new HashMap<>(); // last event age, carts 7d, purchases, bought
      try (Statement s = store.connection().createStatement();
          ResultSet rs = s.executeQuery("SELECT user_id, epoch_ms(ts), type FROM events")) {
        while (rs.next()) {
          double[] v = naive.computeIfAbsent(rs.getString(1), u -> new double[] {1e18, 0, 0, 0});
          long ts = rs.getLong(2);
          String type = rs.getString(3);
          double ageDays = (CUTOFF.toEpochMilli() - ts) / 86_400_000.0;
          if (ts < CUTOFF.toEpochMilli()) {
            v[0] = Math.min(v[0], ageDays);
            v[1] += type.equals("CART_ADD") && ageDays <= 7 ? 1 : 0;
            v[2] += type.equals("PURCHASE") ? 1 : 0;
          } else if (ts < CUTOFF.toEpochMilli() + 2 * 86_400_000L && type.equals("PURCHASE")) {
            v[3] = 1;
          }
        }
      }
      long expectedRows = naive.values().stream().filter(v -> v[0] < 1e18).count();
      assertThat(set.size()).isEqualTo(expectedRows).isPositive();
      int buyers = 0;
      for (int i = 0; i < set.size(); i++) {
        double[] v = naive.get(set.user(i));
        assertThat(set.feature(i, "days_since_last_event")).isCloseTo(v[0], within(1e-6));
        assertThat(set.feature(i, "cart_add_7d")).isEqualTo(v[1]);
        assertThat(set.feature(i, "purchase_1d") + 0).isLessThanOrEqualTo(v[2]);
        assertThat(set.bought(i)).isEqualTo(v[3] == 1);
        buyers += set.bought(i) ? 1 : 0;
      }
      assertThat(buyers).isPositive();
    }
  }

  @Test
  void stackedCutoffs_giveOneRowPerUserAndCutoff(@TempDir Path dir) {
    try (EventStore store = taobao(dir)) {
      TrainingSet both = TrainingSetBuilder.build(store.connection(), List.of(EARLIER, CUTOFF), 2);
      TrainingSet early = TrainingSetBuilder.build(store.connection(), List.of(EARLIER), 2);
      assertThat(both.atCutoff(EARLIER).size()).isEqualTo(early.size());
      for (int i = 0; i < early.size(); i++) {
        assertThat(both.atCutoff(EARLIER).features(i)).containsExactly(early.features(i));
      }
      Set<String> keys = new HashSet<>();
      for (int i = 0; i < both.size(); i++) {
        assertThat(keys.add(both.cutoff(i) + "/" + both.user(i))).isTrue();
      }
    }
  }

  /** The leakage guard: events at or after the cutoff must not change any feature. */
  @Test
  void eventsAtOrAfterCutoff_doNotChangeFeatures(@TempDir Path dir) throws Exception {
    try (EventStore store = taobao(dir)) {
      TrainingSet before = TrainingSetBuilder.build(store.connection(), List.of(CUTOFF), 2);
      try (Statement s = store.connection().createStatement()) {
        // for every user and type: one event exactly at the cutoff and one a minute later,
        // plus a user who only appears after the cutoff
        s.execute(
            "INSERT INTO events (event_id, user_id, ts, type, item_id, session_id, order_id,"
                + " quantity, price, import_id)"
                + " SELECT md5_number('leak-' || u.user_id || t.type || k), u.user_id,"
                + " TIMESTAMP '2017-12-01 00:00:00' + k * INTERVAL 1 MINUTE, t.type, 'leak-item',"
                + " 'leak-session', 'leak-order', 3, 99.5, 99 FROM (SELECT DISTINCT user_id FROM"
                + " events UNION ALL SELECT 'newcomer') u, (VALUES ('VIEW'), ('SEARCH'),"
                + " ('FAVORITE'), ('CART_ADD'), ('CART_REMOVE'), ('PURCHASE'), ('RETURN')) t(type),"
                + " range(2) r(k)");
      }
      TrainingSet after = TrainingSetBuilder.build(store.connection(), List.of(CUTOFF), 2);
      assertThat(after.size()).isEqualTo(before.size());
      boolean labelsMoved = false;
      for (int i = 0; i < before.size(); i++) {
        assertThat(after.user(i)).isEqualTo(before.user(i));
        assertThat(after.features(i)).as(before.user(i)).containsExactly(before.features(i));
        labelsMoved |= after.bought(i) != before.bought(i);
      }
      assertThat(labelsMoved).as("the added events fall into the label window").isTrue();
    }
  }

  @Test
  void plan_putsLabelWindowsBeforeTheNextCutoff(@TempDir Path dir) {
    try (EventStore store = taobao(dir)) {
      TemporalSplit split = TemporalSplit.plan(store.connection(), 2, 2);
      assertThat(split.test()).isEqualTo(Instant.parse("2017-12-02T00:00:00Z"));
      assertThat(split.validation()).isEqualTo(Instant.parse("2017-11-30T00:00:00Z"));
      assertThat(split.train())
          .containsExactly(
              Instant.parse("2017-11-26T00:00:00Z"), Instant.parse("2017-11-28T00:00:00Z"));
      assertThatThrownBy(() -> TemporalSplit.plan(store.connection(), 30, 1))
          .hasMessageContaining("too few 30-day horizons");
    }
  }
}
