package org.shopcast.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.FunnelResult;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.analytics.retention.Retention;
import org.shopcast.analytics.retention.RetentionOptions;
import org.shopcast.analytics.retention.RetentionResult;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.analytics.rfm.RfmResult;
import org.shopcast.data.store.EventStore;

/**
 * Funnel, retention and RFM on the Taobao fixtures, each figure recomputed here with plain SQL of a
 * different shape from the production query.
 */
class TaobaoAnalyticsTest {
  @TempDir static Path dir;
  private static EventStore store;
  private static Connection db;

  @BeforeAll
  static void load() {
    store = TaobaoStore.open(dir);
    db = store.connection();
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void funnel_perUserWithinSession_matchesCorrelatedSubqueries() throws Exception {
    FunnelResult funnel = Funnels.compute(db, new FunnelOptions());
    // per session: first view, first cart at/after it, first purchase at/after that
    List<Object[]> expected =
        TaobaoStore.query(
            db,
            """
            WITH s AS (
              SELECT DISTINCT session_id, user_id FROM events),
            t1 AS (
              SELECT s.session_id, s.user_id,
                (SELECT min(ts) FROM events e WHERE e.session_id = s.session_id
                   AND e.type = 'VIEW') AS v
              FROM s),
            t2 AS (
              SELECT t1.*, (SELECT min(ts) FROM events e WHERE e.session_id = t1.session_id
                 AND e.type = 'CART_ADD' AND e.ts >= t1.v) AS c FROM t1),
            t3 AS (
              SELECT t2.*, (SELECT min(ts) FROM events e WHERE e.session_id = t2.session_id
                 AND e.type = 'PURCHASE' AND e.ts >= t2.c) AS p FROM t2)
            SELECT (SELECT count(DISTINCT user_id) FROM t3 WHERE v IS NOT NULL),
                   (SELECT count(DISTINCT user_id) FROM t3 WHERE c IS NOT NULL),
                   (SELECT count(DISTINCT user_id) FROM t3 WHERE p IS NOT NULL)
            """);
    Object[] counts = expected.get(0);
    assertThat(funnel.rows()).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(funnel.rows().get(k).get("count")).isEqualTo(((Number) counts[k]).longValue());
    }
    long views = (Long) funnel.rows().get(0).get("count");
    long carts = (Long) funnel.rows().get(1).get("count");
    assertThat(views).isGreaterThan(carts).isPositive();
    assertThat((Double) funnel.rows().get(1).get("conversion"))
        .isCloseTo((double) carts / views, within(1e-12));
    assertThat(funnel.rows().get(1).get("dropped")).isEqualTo(views - carts);
  }

  @Test
  void retention_dailyFirstActivity_matchesExistsQuery() throws Exception {
    RetentionResult result = Retention.compute(db, new RetentionOptions());
    List<Object[]> expected =
        TaobaoStore.query(
            db,
            """
            WITH f AS (SELECT user_id, min(ts)::DATE AS d0 FROM events GROUP BY user_id),
            days AS (SELECT DISTINCT ts::DATE AS d FROM events)
            SELECT strftime(f.d0, '%Y-%m-%d'), (days.d - f.d0) AS k, count(*) AS users
            FROM f JOIN days ON days.d >= f.d0
            WHERE EXISTS (SELECT 1 FROM events e WHERE e.user_id = f.user_id AND e.ts::DATE = days.d)
            GROUP BY f.d0, days.d ORDER BY f.d0, k
            """);
    Map<String, Long> expectedCells = new HashMap<>();
    for (Object[] row : expected) {
      expectedCells.put(row[0] + "/" + row[1], ((Number) row[2]).longValue());
    }
    Map<String, Long> actualCells = new HashMap<>();
    for (Map<String, Object> cell : result.cells()) {
      actualCells.put(cell.get("cohort") + "/" + cell.get("k"), (Long) cell.get("users"));
      if ((Long) cell.get("k") == 0) {
        assertThat((Double) cell.get("rate")).isEqualTo(1.0);
      }
    }
    assertThat(actualCells).isEqualTo(expectedCells);
    // repeat-purchase rate: buyers with purchases in two or more sessions (no order ids here)
    Object[] repeat =
        TaobaoStore.query(
                db,
                """
                SELECT count(*), sum(CASE WHEN n > 1 THEN 1 ELSE 0 END)
                FROM (SELECT user_id, count(*) AS n FROM
                      (SELECT DISTINCT user_id, session_id FROM events WHERE type = 'PURCHASE')
                      GROUP BY user_id)
                """)
            .get(0);
    assertThat(result.buyers()).isEqualTo(((Number) repeat[0]).longValue());
    assertThat(result.repeatPurchaseRate())
        .isCloseTo(((Number) repeat[1]).doubleValue() / result.buyers(), within(1e-12));
  }

  @Test
  void rfm_scoresAndSegmentCounts_matchSelfJoinRanks() throws Exception {
    RfmResult rfm = Rfm.compute(db, true);
    // score = 1 + floor(5 * (number of buyers strictly worse) / n), capped at 5
    List<Object[]> expected =
        TaobaoStore.query(
            db,
            """
            WITH u AS (
              SELECT user_id, max(ts) AS last, count(DISTINCT session_id) AS f,
                     sum(quantity) AS m
              FROM events WHERE type = 'PURCHASE' GROUP BY user_id),
            n AS (SELECT count(*) AS n FROM u)
            SELECT a.user_id,
              least(5, 1 + floor(5.0 * (SELECT count(*) FROM u b WHERE b.last < a.last) / n.n)),
              least(5, 1 + floor(5.0 * (SELECT count(*) FROM u b WHERE b.f < a.f) / n.n)),
              least(5, 1 + floor(5.0 * (SELECT count(*) FROM u b WHERE b.m < a.m) / n.n)),
              a.f, a.m
            FROM u a, n ORDER BY a.user_id
            """);
    assertThat(rfm.valueUnit()).isEqualTo("units");
    assertThat(rfm.buyers()).isEqualTo(expected.size());
    Map<String, Long> segmentCounts = new HashMap<>();
    for (int i = 0; i < expected.size(); i++) {
      Object[] row = expected.get(i);
      Map<String, Object> user = rfm.users().get(i);
      assertThat(user.get("user_id")).isEqualTo(row[0]);
      int r = ((Number) row[1]).intValue();
      int f = ((Number) row[2]).intValue();
      assertThat(user.get("r")).as("r of %s", row[0]).isEqualTo((long) r);
      assertThat(user.get("f")).as("f of %s", row[0]).isEqualTo((long) f);
      assertThat(user.get("m")).as("m of %s", row[0]).isEqualTo(((Number) row[3]).longValue());
      assertThat(user.get("frequency")).isEqualTo(((Number) row[4]).longValue());
      assertThat((Double) user.get("monetary")).isEqualTo(((Number) row[5]).doubleValue());
      segmentCounts.merge(GRID[5 - r][f - 1], 1L, Long::sum);
    }
    for (Map<String, Object> segment : rfm.segments()) {
      assertThat(segment.get("users"))
          .as("users in %s", segment.get("segment"))
          .isEqualTo(segmentCounts.getOrDefault((String) segment.get("segment"), 0L));
    }
    assertThat(rfm.segments().stream().mapToLong(s -> (Long) s.get("users")).sum())
        .isEqualTo(rfm.buyers());
  }

  /** The R x F segment grid, rows R = 5..1, columns F = 1..5. */
  private static final String[][] GRID = {
    {"new", "potential loyalists", "potential loyalists", "champions", "champions"},
    {"promising", "potential loyalists", "potential loyalists", "loyal", "loyal"},
    {"about to sleep", "about to sleep", "need attention", "loyal", "loyal"},
    {"hibernating", "hibernating", "at risk", "at risk", "cannot lose"},
    {"lost", "hibernating", "at risk", "at risk", "cannot lose"},
  };

  @Test
  void retention_weeklyPurchaseCohortsStartAtFullRetention() {
    RetentionResult result =
        Retention.compute(db, new RetentionOptions(true, true, true, ZoneOffset.UTC));
    assertThat(result.cohorts()).isNotEmpty();
    for (Map<String, Object> cohort : result.cohorts()) {
      assertThat(((List<?>) cohort.get("retention")).get(0)).isEqualTo(1.0);
    }
    long sizes = result.cohorts().stream().mapToLong(c -> (Long) c.get("size")).sum();
    assertThat(sizes).isEqualTo(result.buyers());
  }
}
