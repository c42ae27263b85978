package org.shopcast.analytics.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.analytics.TaobaoStore;
import org.shopcast.analytics.paths.Paths;
import org.shopcast.analytics.paths.PathsResult;
import org.shopcast.data.store.EventStore;

/** Profiles and paths on the 43-user Taobao histories, checked against plain SQL. */
class UserProfilesTest {
  @TempDir Path dir;

  @Test
  void profiles_countsAndCartAbandonmentMatchPlainSql() throws Exception {
    try (EventStore store = TaobaoStore.open(dir, "taobao/UserBehavior_head_43users.csv")) {
      Connection db = store.connection();
      long users = UserProfiles.build(db, ZoneId.of("Asia/Shanghai"));
      assertThat(users).isEqualTo(43);
      List<Map<String, Object>> rows = UserProfiles.read(db, 0);
      List<Object[]> expected =
          TaobaoStore.query(
              db,
              """
              SELECT user_id, count(*), sum(CASE WHEN type = 'VIEW' THEN 1 ELSE 0 END),
                (SELECT count(DISTINCT c.item_id) FROM events c
                   WHERE c.user_id = e.user_id AND c.type = 'CART_ADD'),
                (SELECT count(DISTINCT c.item_id) FROM events c
                   WHERE c.user_id = e.user_id AND c.type = 'CART_ADD'
                     AND EXISTS (SELECT 1 FROM events p WHERE p.user_id = c.user_id
                       AND p.item_id = c.item_id AND p.type = 'PURCHASE'
                       AND p.ts >= (SELECT min(c2.ts) FROM events c2 WHERE c2.user_id = c.user_id
                                    AND c2.item_id = c.item_id AND c2.type = 'CART_ADD')))
              FROM events e GROUP BY user_id ORDER BY user_id
              """);
      assertThat(rows).hasSize(expected.size());
      for (int i = 0; i < rows.size(); i++) {
        Map<String, Object> row = rows.get(i);
        Object[] want = expected.get(i);
        assertThat(row.get("user_id")).isEqualTo(want[0]);
        assertThat(row.get("events")).isEqualTo(((Number) want[1]).longValue());
        assertThat(row.get("views")).isEqualTo(((Number) want[2]).longValue());
        long carted = ((Number) want[3]).longValue();
        if (carted == 0) {
          assertThat(row.get("cart_abandonment")).isNull();
        } else {
          double abandoned = 1 - ((Number) want[4]).doubleValue() / carted;
          assertThat((Double) row.get("cart_abandonment")).isCloseTo(abandoned, within(1e-12));
        }
        assertThat((Double) row.get("night_share")).isBetween(0.0, 1.0);
        assertThat((List<?>) row.get("favourite_categories")).hasSizeLessThanOrEqualTo(3);
      }
    }
  }

  @Test
  void paths_typeTransitionsMatchASelfJoinOnRowNumbers() throws Exception {
    try (EventStore store = TaobaoStore.open(dir, "taobao/UserBehavior_head_43users.csv")) {
      Connection db = store.connection();
      PathsResult paths = Paths.compute(db, 5);
      List<Object[]> expected =
          TaobaoStore.query(
              db,
              """
              WITH n AS (SELECT session_id, type,
                           row_number() OVER (PARTITION BY session_id ORDER BY ts, event_id) AS i
                         FROM events)
              SELECT a.type, coalesce(b.type, '(exit)'), count(*)
              FROM n a LEFT JOIN n b ON b.session_id = a.session_id AND b.i = a.i + 1
              GROUP BY 1, 2
              """);
      Map<String, Long> want = new HashMap<>();
      for (Object[] row : expected) {
        want.put(row[0] + ">" + row[1], ((Number) row[2]).longValue());
      }
      Map<String, Long> got = new HashMap<>();
      for (Map<String, Object> row : paths.types()) {
        got.put(row.get("from") + ">" + row.get("to"), (Long) row.get("count"));
      }
      assertThat(got).isEqualTo(want);
      assertThat(paths.toPurchase()).isNotEmpty();
      assertThat(paths.toPurchase())
          .allSatisfy(r -> assertThat((String) r.get("path")).endsWith("PURCHASE"));
    }
  }
}
