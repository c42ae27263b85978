package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.data.store.EventStore;
import org.shopcast.data.store.StoreStats;
import org.shopcast.testkit.Fixtures;

class TaobaoImportTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path workspace;

  @Test
  void import43Users_rejectsTheOneOutOfWindowTimestamp() {
    Path file = Fixtures.path("taobao/UserBehavior_head_43users.csv");
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result =
          new Importer(store, CLOCK).importFile(file, ImportOptions.of(Format.TAOBAO));

      assertThat(result.read()).isEqualTo(4321);
      assertThat(result.rejected()).isEqualTo(1);
      assertThat(result.rejectedByCode()).containsEntry("TimestampOutOfRange", 1L);
      assertThat(result.accepted() + result.duplicates()).isEqualTo(4320);
      assertThat(result.users()).isEqualTo(43);
      assertThat(result.firstErrors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.TimestampOutOfRange);
                assertThat(e.field()).isEqualTo("ts");
                assertThat(e.message()).startsWith(file + ":").contains("1505117799");
              });
      StoreStats stats = store.stats();
      assertThat(stats.events()).isEqualTo(result.accepted());
      assertThat(stats.byType().keySet())
          .containsExactlyInAnyOrder("VIEW", "CART_ADD", "FAVORITE", "PURCHASE");
    }
  }

  @Test
  void reimport_addsNothing() {
    Path file = Fixtures.path("taobao/UserBehavior_tutorial_first20k.csv");
    try (EventStore store = EventStore.open(workspace)) {
      Importer importer = new Importer(store, CLOCK);
      ImportResult first = importer.importFile(file, ImportOptions.of(Format.TAOBAO));
      ImportResult second = importer.importFile(file, ImportOptions.of(Format.TAOBAO));

      assertThat(first.accepted()).isPositive();
      assertThat(second.accepted()).isZero();
      assertThat(second.duplicates()).isEqualTo(first.accepted() + first.duplicates());
      assertThat(store.stats().events()).isEqualTo(first.accepted());
    }
  }

  @Test
  void import_derivesSessionsByThirtyMinuteGap() throws Exception {
    Path file = Fixtures.path("taobao/UserBehavior_head_43users.csv");
    try (EventStore store = EventStore.open(workspace)) {
      new Importer(store, CLOCK).importFile(file, ImportOptions.of(Format.TAOBAO));
      try (var st = store.connection().createStatement();
          var rs =
              st.executeQuery(
                  "WITH s AS (SELECT session_id, user_id, min(ts) a, max(ts) b FROM events GROUP BY ALL),"
                      + " o AS (SELECT s1.session_id FROM s s1 JOIN s s2 ON s1.user_id = s2.user_id"
                      + " AND s1.session_id < s2.session_id AND s1.a <= s2.b AND s2.a <= s1.b)"
                      + " SELECT (SELECT count(*) FROM events WHERE session_id IS NULL),"
                      + " (SELECT count(*) FROM o), (SELECT count(*) FROM s)")) {
        rs.next();
        assertThat(rs.getLong(1)).as("events without session").isZero();
        assertThat(rs.getLong(2)).as("overlapping sessions of one user").isZero();
        assertThat(rs.getLong(3)).as("sessions").isBetween(43L, 4320L);
      }
    }
  }
}
