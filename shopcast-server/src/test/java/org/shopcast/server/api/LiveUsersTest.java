package org.shopcast.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.event.Event;
import org.shopcast.core.event.EventType;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.ingest.EventWriter;
import org.shopcast.server.internal.ReadPool;

/**
 * The in-memory user states equal what the store gives for the same users, whatever the order,
 * ties, sessions, carts and traits of the events committed, and whether a user entered the cache by
 * being new or by being read from the store first.
 */
class LiveUsersTest {
  private static final int ROUNDS = 24;
  private static final Duration GAP = Duration.ofMinutes(30);
  private static final Instant NOW = Instant.parse("2024-06-01T00:00:00Z");
  private static final EventType[] TYPES = {
    EventType.VIEW,
    EventType.VIEW,
    EventType.CART_ADD,
    EventType.CART_ADD,
    EventType.CART_REMOVE,
    EventType.PURCHASE,
    EventType.SEARCH
  };

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .findAndRegisterModules()
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  @TempDir Path workspace;

  /** A clock the test moves. */
  private static final class MovingClock extends Clock {
    private Instant now;

    MovingClock(Instant now) {
      this.now = now;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void startsAt_isEqualToTheBuiltSessionId() {
    java.util.Random random = new java.util.Random(11);
    long[] edge = {0, 1, -1, 9, 10, -10, Long.MAX_VALUE, Long.MIN_VALUE, 1_700_000_000_000L};
    List<String> users = List.of("u1", "u", "u1:2", "");
    for (int i = 0; i < 20_000; i++) {
      long millis = i < edge.length ? edge[i] : random.nextLong() >> random.nextInt(64);
      String user = users.get(i % users.size());
      String built = user + ":" + millis;
      assertThat(LiveUsers.startsAt(built, user, millis)).isTrue();
      String[] others = {
        user + ":0" + millis,
        user + ":+" + millis,
        user + ":" + (millis + 1),
        user + ":" + millis + "0",
        user + "x:" + millis,
        user + ":",
        user,
        built.substring(1)
      };
      for (String other : others) {
        assertThat(LiveUsers.startsAt(other, user, millis))
            .as(other)
            .isEqualTo(other.equals(built));
      }
    }
  }

  @Test
  void keptJson_followsTheSessionGapAndEachChange() throws Exception {
    MovingClock clock = new MovingClock(NOW);
    LiveUsers live = new LiveUsers(10, clock, GAP);
    Random random = new Random(3);
    live.beginCommit();
    live.committed(
        List.of(started("e1", "a", NOW.minusSeconds(60).toEpochMilli(), random)),
        List.of(),
        Set.of("a"));
    byte[] first = live.json("a", JSON.writer());
    assertThat(JSON.readTree(first).at("/session/active").asBoolean()).isTrue();
    assertThat(live.json("a", JSON.writer())).isSameAs(first);
    clock.now = NOW.plus(GAP);
    // the session's last event is now further than the gap in the past
    byte[] later = live.json("a", JSON.writer());
    assertThat(JSON.readTree(later).at("/session/active").asBoolean()).isFalse();
    assertThat(JSON.readTree(later))
        .isEqualTo(JSON.readTree(JSON.writeValueAsBytes(live.get("a"))));
    live.beginCommit();
    live.committed(List.of(), List.of(new UserTraits("a", "{\"plan\":\"pro\"}")), Set.of());
    assertThat(JSON.readTree(live.json("a", JSON.writer())).at("/traits/plan").asText())
        .isEqualTo("pro");
  }

  @Test
  void anOlderEvent_appliesInPlace_unlessItsOrderMatters() {
    LiveUsers live = new LiveUsers(10, Clock.fixed(NOW, ZoneOffset.UTC), GAP);
    long t = NOW.minusSeconds(600).toEpochMilli();
    String session = "a:" + t;
    live.beginCommit();
    live.committed(
        List.of(
            plain("e1", EventType.VIEW, t, session), plain("e2", EventType.VIEW, t + 20, session)),
        List.of(),
        Set.of("a"));
    // a later batch committed first: its events are older than the user's latest one
    live.beginCommit();
    live.committed(
        List.of(
            plain("e3", EventType.SEARCH, t + 10, session),
            plain("e4", EventType.VIEW, t - 60_000, "a:older")),
        List.of(),
        Set.of());
    UserState state = live.get("a");
    assertThat(state).as("still cached").isNotNull();
    assertThat(state.counters()).containsEntry("VIEW", 3L).containsEntry("SEARCH", 1L);
    assertThat(state.firstSeen()).isEqualTo(Instant.ofEpochMilli(t - 60_000));
    assertThat(state.lastSeen()).isEqualTo(Instant.ofEpochMilli(t + 20));
    assertThat(state.recent())
        .extracting(UserState.RecentEvent::eventId)
        .containsExactly("e2", "e3", "e1", "e4");
    assertThat(state.session().events()).as("e4 is in an older session").isEqualTo(3);
    // a cart event out of order could change the net quantities: the user is dropped instead
    live.beginCommit();
    live.committed(List.of(plain("e5", EventType.CART_ADD, t + 5, session)), List.of(), Set.of());
    assertThat(live.get("a")).isNull();
  }

  private static Event plain(String id, EventType type, long ts, String session) {
    return new Event(
        id,
        "a",
        Instant.ofEpochMilli(ts),
        type,
        type == EventType.SEARCH ? null : "i1",
        null,
        session,
        null,
        1,
        null,
        type == EventType.SEARCH ? "q" : null,
        null,
        null);
  }

  @Test
  void pastTheCapacity_theEldestUnreadUserLeaves() {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    LiveUsers live = new LiveUsers(2, clock, GAP);
    Random random = new Random(5);
    long ts = NOW.minusSeconds(600).toEpochMilli();
    live.beginCommit();
    live.committed(
        List.of(started("e1", "a", ts, random), started("e2", "b", ts + 1, random)),
        List.of(),
        Set.of("a", "b"));
    assertThat(live.get("a")).isNotNull(); // read after b was added: b is the least recent
    live.beginCommit();
    live.committed(List.of(started("e3", "c", ts + 2, random)), List.of(), Set.of("c"));
    assertThat(live.size()).isEqualTo(2);
    assertThat(live.get("b")).isNull();
    assertThat(live.json("b", JSON.writer())).isNull();
    assertThat(live.get("c")).isNotNull(); // now a is the least recent
    live.beginCommit();
    live.committed(List.of(started("e4", "d", ts + 3, random)), List.of(), Set.of("d"));
    assertThat(live.size()).isEqualTo(2);
    assertThat(live.get("a")).isNull();
    assertThat(live.get("c")).isNotNull();
    assertThat(live.get("d")).isNotNull();
  }

  @Test
  void liveStates_equalTheStoredOnes() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    try (EventStore store = EventStore.open(workspace);
        EventWriter writer = new EventWriter(store, 16, GAP, clock, (r, a, d, n) -> {});
        ReadPool pool = new ReadPool(store.connection(), 1)) {
      ReadRoutes routes = new ReadRoutes(pool, clock, GAP);
      writer.addHook(routes.commitHook());
      UserStates stored = new UserStates(clock, GAP);
      Random random = new Random(7);
      long[] clockOf = new long[8];
      long start = NOW.minus(Duration.ofDays(2)).toEpochMilli();
      int serial = 0;
      for (int round = 0; round < ROUNDS; round++) {
        List<Event> events = new ArrayList<>();
        List<UserTraits> traits = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
          int user = random.nextInt(clockOf.length);
          // mostly later than the user's previous event, sometimes a tie, sometimes earlier,
          // sometimes after a gap that starts a new session
          int step = random.nextInt(20);
          long delta =
              step == 0 ? 0 : step == 1 ? -120_000 : step == 2 ? 3_600_000 : 1000L * (1 + step);
          clockOf[user] = Math.max(start, clockOf[user] + delta);
          events.add(event("e" + serial++, "u" + user, clockOf[user], random));
        }
        if (round % 7 == 3) {
          traits.add(new UserTraits("u" + random.nextInt(clockOf.length), "{\"r\":" + round + "}"));
        }
        if (round % 5 == 0) {
          // read some users first, so they enter the cache from the store
          routes.user("u" + random.nextInt(clockOf.length));
        }
        writer.submit(events, traits).get();
        if (round % 4 != 3) {
          continue; // comparing reads the store per user: a divergence persists, so sample
        }
        for (int user = 0; user < clockOf.length; user++) {
          String id = "u" + user;
          UserState expected = pool.read(connection -> stored.load(connection, id));
          assertThat(routes.user(id)).as("user %s after round %d", id, round).isEqualTo(expected);
          byte[] cached = routes.liveJson(id);
          if (cached != null) {
            // the serialised answer kept in memory is the stored state's, not an older one
            assertThat(JSON.readTree(cached))
                .as("user %s's JSON after round %d", id, round)
                .isEqualTo(JSON.readTree(JSON.writeValueAsBytes(expected)));
          }
        }
      }
    }
  }

  /** An event opening its own session, as the writer assigns it to a user's first event. */
  private static Event started(String id, String user, long ts, Random random) {
    return event(id, user, ts, random).withSessionId(user + ":" + ts);
  }

  private static Event event(String id, String user, long ts, Random random) {
    EventType type = TYPES[random.nextInt(TYPES.length)];
    String item = type == EventType.SEARCH ? null : "i" + random.nextInt(4);
    BigDecimal price =
        random.nextInt(4) == 0 ? null : BigDecimal.valueOf(100 + random.nextInt(900), 2);
    return new Event(
        id,
        user,
        Instant.ofEpochMilli(ts),
        type,
        item,
        null,
        null,
        null,
        1 + random.nextInt(3),
        price,
        type == EventType.SEARCH ? "q" : null,
        null,
        null);
  }
}
