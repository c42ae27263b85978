package org.shopcast.recommend.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.session.Click;

/** Both user splits on a case small enough to compute by hand. */
class UserEvaluationTest {
  private static final long T1 = 1_000;
  private static final long T2 = 2_000;
  private static final long T3 = 3_000;

  /**
   * u1: a b | c, u2: a c | b, u3: c b | a, u4: c | c, u5: | d (held-out part after the bar).
   * Training counts: a 2, b 2, c 3 (d 1 in leave-last-out); index a=0, b=1, c=2.
   */
  private static List<Click> clicks(EventType u4Type) {
    List<Click> out = new ArrayList<>();
    add(out, "u1", "a", T1, EventType.VIEW);
    add(out, "u1", "b", T2, EventType.VIEW);
    add(out, "u1", "c", T3, EventType.VIEW);
    add(out, "u2", "a", T1, EventType.VIEW);
    add(out, "u2", "c", T2, EventType.VIEW);
    add(out, "u2", "b", T3, EventType.VIEW);
    add(out, "u3", "c", T1, EventType.VIEW);
    add(out, "u3", "b", T2, EventType.VIEW);
    add(out, "u3", "a", T3, EventType.VIEW);
    add(out, "u4", "c", T2, u4Type);
    add(out, "u4", "c", T3, EventType.VIEW);
    add(out, "u5", "d", T3, EventType.VIEW);
    return out;
  }

  private static void add(List<Click> out, String user, String item, long t, EventType type) {
    out.add(new Click(user, user, item, t, type, out.size() + 1));
  }

  @Test
  void leaveLastOut_popularity_top2_matchesTheHandComputedFigures() {
    UserEvaluation.Result r =
        UserEvaluation.run(
            clicks(EventType.VIEW),
            UserSplit.LEAVE_LAST_OUT,
            0,
            2,
            UserEvaluation.models(List.of("popular")));
    // u5's single event stays in training (nothing to hold out)
    assertThat(r.trainEvents()).isEqualTo(8);
    assertThat(r.items()).isEqualTo(4);
    UserScore pop = r.models().get(0);
    // every list is [c, a]: u1 (c) rank 1, u2 (b) miss, u3 (a) rank 2, u4 (c) rank 1
    assertThat(pop.users()).isEqualTo(4);
    assertThat(pop.hitRate()).isCloseTo(0.75, within(1e-12));
    assertThat(pop.recall()).isCloseTo(0.75, within(1e-12));
    assertThat(pop.mrr()).isCloseTo((1 + 0 + 0.5 + 1) / 4.0, within(1e-12));
    double ndcgAt2 = 1 / (Math.log(3) / Math.log(2));
    assertThat(pop.ndcg()).isCloseTo((1 + 0 + ndcgAt2 + 1) / 4.0, within(1e-12));
    assertThat(pop.precision()).isCloseTo(3 / 8.0, within(1e-12));
    assertThat(pop.coverage()).isCloseTo(2 / 4.0, within(1e-12));
    assertThat(pop.popularityBias()).isCloseTo((3 + 2) / 2.0 / 3.0, within(1e-12));
  }

  @Test
  void temporal_atT3_holdsOutTheSameEvents_andSkipsUsersWithoutHistory() {
    UserEvaluation.Result r =
        UserEvaluation.run(
            clicks(EventType.VIEW),
            UserSplit.TEMPORAL,
            T3,
            1,
            UserEvaluation.models(List.of("popular")));
    UserScore pop = r.models().get(0);
    // lists [c]: u1 hit, u2 miss, u3 miss, u4 hit; u5 has no history
    assertThat(pop.users()).isEqualTo(4);
    assertThat(pop.hitRate()).isCloseTo(0.5, within(1e-12));
    assertThat(pop.mrr()).isCloseTo(0.5, within(1e-12));
    assertThat(pop.coverage()).isCloseTo(1 / 3.0, within(1e-12));
    assertThat(pop.popularityBias()).isCloseTo(1, within(1e-12));
    assertThat(r.cutoff()).isEqualTo(T3);
  }

  @Test
  void purchasedItems_areLeftOutOfTheEvaluatedLists() {
    UserEvaluation.Result r =
        UserEvaluation.run(
            clicks(EventType.PURCHASE),
            UserSplit.LEAVE_LAST_OUT,
            0,
            1,
            UserEvaluation.models(List.of("popular")));
    // u4 bought c, so its list is [a] and misses c: hits u1 only
    assertThat(r.models().get(0).hitRate()).isCloseTo(0.25, within(1e-12));
  }

  @Test
  void everyModel_runs_withPopularityFirst_andMetricsInRange() {
    UserEvaluation.Result r =
        UserEvaluation.run(
            clicks(EventType.VIEW),
            UserSplit.LEAVE_LAST_OUT,
            0,
            2,
            UserEvaluation.models(List.of("iknn", "uknn", "als")));
    assertThat(r.models())
        .extracting(UserScore::name)
        .containsExactly("popular", "iknn", "uknn", "als");
    for (UserScore s : r.models()) {
      assertThat(s.hitRate()).isBetween(0.0, 1.0);
      assertThat(s.recall()).isLessThanOrEqualTo(s.hitRate());
      assertThat(s.mrr()).isLessThanOrEqualTo(s.hitRate());
    }
  }

  @Test
  void cutoffAt_leavesTheShareOfEventsAfterIt_andArgumentsAreChecked() {
    List<Click> ten = new ArrayList<>();
    for (int i = 1; i <= 10; i++) {
      add(ten, "u", "i" + i, i, EventType.VIEW);
    }
    assertThat(UserEvaluation.cutoffAt(ten, 0.2)).isEqualTo(9);
    assertThatThrownBy(() -> UserEvaluation.cutoffAt(ten, 1))
        .hasMessage("testShare must be in (0, 1), got 1.0");
    assertThatThrownBy(() -> UserEvaluation.models(List.of("gru")))
        .hasMessageContaining("unknown user model 'gru'");
    assertThat(UserSplit.parse("leave-last-out")).isEqualTo(UserSplit.LEAVE_LAST_OUT);
  }
}
