package org.shopcast.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.shopcast.core.event.Event;
import org.shopcast.core.event.EventType;
import org.shopcast.data.segment.UserTraits;

/**
 * The live state of recently active users, kept in memory and updated by the writer as each commit
 * lands, so {@code GET /api/v1/users/{id}} answers without touching the store. A user enters when
 * the writer stores their first events (their whole history is then in hand) or when a read loads
 * them from the store; past the capacity, users leave in least-recently-used order, approximated by
 * the second-chance (CLOCK) rule (Corbató 1968): the eldest by the writer's order leaves unless
 * read since it was last passed over, in which case it moves to the young end once.
 *
 * <p>Updates keep the state equal to what {@link UserStates} reads from the store. Events later
 * than the user's latest one apply in time order; an older one (a later batch of the same user may
 * commit first) applies where its order does not matter. A cart event out of order, an event tied
 * in time with a recent one, or a later event that opens a session id already used before drops the
 * user instead (the next read reloads them from the store). A read that loads from the store while
 * a commit is in flight answers from the store without caching, so a commit is never counted twice.
 *
 * <p>Reads take no lock shared between users: the user is found in a concurrent index and only that
 * user's own monitor is held while their answer is built (the writer holds it while applying their
 * events), so a reader that loses its core while building one answer delays no reader of another
 * user. The serialised answer is kept until the user's state changes or their session's {@code
 * active} flag flips with the clock.
 */
final class LiveUsers {
  private static final int RECENT = 20;
  private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(4);

  private final int capacity;
  private final Clock clock;
  private final Duration sessionGap;

  /** The writer's view, in LRU order of the writer's own touches; guarded by {@code this}. */
  private final Map<String, Live> users;

  /** The same users for lock-free lookups by readers. */
  private final Map<String, Live> index = new ConcurrentHashMap<>();

  private long begun;
  private long finished;

  LiveUsers(int capacity, Clock clock, Duration sessionGap) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
    }
    this.capacity = capacity;
    this.clock = clock;
    this.sessionGap = sessionGap;
    this.users = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The cached state, or null when the user is not cached. */
  UserState get(String userId) {
    return answer(userId, live -> live.snapshot(clock.instant(), sessionGap));
  }

  /**
   * The cached state serialised by {@code writer} (the same bytes as serialising {@link #get}'s
   * answer), or null when the user is not cached.
   */
  byte[] json(String userId, ObjectWriter writer) {
    return answer(
        userId,
        live -> {
          Instant now = clock.instant();
          boolean active = live.active(now, sessionGap);
          if (live.json == null || live.jsonActive != active) {
            try {
              live.json = writer.writeValueAsBytes(live.snapshot(now, sessionGap));
            } catch (JsonProcessingException e) {
              throw new IllegalStateException("cannot serialise user " + userId + ": " + e, e);
            }
            live.jsonActive = active;
          }
          return live.json;
        });
  }

  /**
   * {@code build}'s answer from the user's state under that user's monitor (marking the user read),
   * or null when the user is not cached.
   */
  private <T> T answer(String userId, Function<Live, T> build) {
    Live live = index.get(userId);
    if (live == null) {
      return null;
    }
    synchronized (live) {
      if (live.dropped) {
        return null;
      }
      live.referenced = true;
      return build.apply(live);
    }
  }

  /** How many users are cached. */
  synchronized int size() {
    return users.size();
  }

  /** A token for {@link #offer}: the commits begun so far, or -1 while one is in flight. */
  synchronized long token() {
    return begun == finished ? begun : -1;
  }

  /** Caches a state read from the store, unless a commit began since {@code token}. */
  synchronized void offer(long token, UserState state) {
    if (token >= 0 && token == begun && !users.containsKey(state.userId())) {
      put(state.userId(), Live.of(state));
    }
  }

  /** A commit is about to be made durable. */
  synchronized void beginCommit() {
    begun++;
  }

  /** Applies a committed group: {@code newUsers} had nothing stored before it. */
  synchronized void committed(List<Event> events, List<UserTraits> traits, Set<String> newUsers) {
    Map<String, List<Event>> byUser = new HashMap<>();
    for (Event event : events) {
      byUser.computeIfAbsent(event.userId(), u -> new ArrayList<>()).add(event);
    }
    for (Map.Entry<String, List<Event>> entry : byUser.entrySet()) {
      String user = entry.getKey();
      Live live = users.get(user);
      if (live == null && newUsers.contains(user)) {
        live = new Live(user);
        put(user, live);
      }
      if (live != null) {
        boolean applied;
        synchronized (live) {
          live.json = null;
          applied = live.apply(entry.getValue());
        }
        if (!applied) {
          drop(user);
        }
      }
    }
    for (UserTraits t : traits) {
      Live live = users.get(t.userId());
      if (live != null) {
        synchronized (live) {
          live.json = null;
          live.traits = t.attributes();
        }
      }
    }
    finished = begun;
  }

  /** A commit failed: nothing of it is stored. */
  synchronized void failed() {
    finished = begun;
  }

  private void put(String user, Live live) {
    users.put(user, live);
    index.put(user, live);
    // second chance: the eldest read since it was last passed over moves to the young end once,
    // as does the user just added (each pass clears a flag, so this ends within two rounds)
    while (users.size() > capacity) {
      Map.Entry<String, Live> eldest = users.entrySet().iterator().next();
      Live old = eldest.getValue();
      boolean keep;
      synchronized (old) {
        keep = old.referenced || old == live;
        old.referenced = false;
      }
      if (keep) {
        users.get(eldest.getKey()); // access order: to the young end
      } else {
        drop(eldest.getKey());
      }
    }
  }

  private void drop(String user) {
    Live live = users.remove(user);
    index.remove(user);
    if (live != null) {
      synchronized (live) {
        live.dropped = true;
      }
    }
  }

  /**
   * Whether {@code session} is {@code user + ":" + millis} (a session the event starts), compared
   * without building that text.
   */
  static boolean startsAt(String session, String user, long millis) {
    int n = user.length();
    int at = n + 1;
    int end = session.length();
    if (end <= at || !session.startsWith(user) || session.charAt(n) != ':') {
      return false;
    }
    boolean negative = session.charAt(at) == '-';
    if (negative != millis < 0) {
      return false;
    }
    if (negative) {
      at++;
    }
    // Long.toString's digits: at least one, no leading zero unless the number is 0, at most 19
    int digits = end - at;
    if (digits < 1 || digits > 19 || (digits > 1 && session.charAt(at) == '0')) {
      return false;
    }
    long value = 0; // accumulated negatively, as Long.parseLong does, so Long.MIN_VALUE fits
    for (int i = at; i < end; i++) {
      int digit = session.charAt(i) - '0';
      if (digit < 0 || digit > 9 || value < -922_337_203_685_477_580L) {
        return false;
      }
      long next = value * 10 - digit;
      if (next > value) {
        return false; // overflow
      }
      value = next;
    }
    return negative ? value == millis : value != Long.MIN_VALUE && -value == millis;
  }

  /** One user's mutable state. */
  private static final class Live {
    final String userId;
    String traits;
    final Map<String, Long> counters = new TreeMap<>();
    BigDecimal revenue = BigDecimal.ZERO;
    Instant first;
    Instant last;
    String sessionId;
    Instant sessionStart;
    Instant sessionLast;
    long sessionEvents;
    final Map<String, CartItem> cart = new TreeMap<>();
    final List<UserState.RecentEvent> recent = new ArrayList<>();
    boolean loadedPartly;

    /** Read since the eviction scan last passed over it; guarded by this object's monitor. */
    boolean referenced;

    /** Evicted or dropped: readers holding it must not answer from it. */
    boolean dropped;

    /** The serialised answer of the current state, null until asked for or after a change. */
    byte[] json;

    /** The session's {@code active} flag in {@link #json}. */
    boolean jsonActive;

    Live(String userId) {
      this.userId = userId;
    }

    /** Net quantity and latest price of an item since its last purchase. */
    private static final class CartItem {
      long quantity;
      BigDecimal price;
    }

    static Live of(UserState s) {
      Live live = new Live(s.userId());
      live.traits = s.traits();
      live.counters.putAll(s.counters());
      live.revenue = s.revenue();
      live.first = s.firstSeen();
      live.last = s.lastSeen();
      if (s.session() != null) {
        live.sessionId = s.session().sessionId();
        live.sessionStart = s.session().started();
        live.sessionLast = s.session().lastEvent();
        live.sessionEvents = s.session().events();
      }
      for (UserState.CartLine line : s.cart()) {
        CartItem item = new CartItem();
        item.quantity = line.quantity();
        item.price = line.price();
        live.cart.put(line.itemId(), item);
      }
      // items bought or emptied since do not show in the stored answer: a later cart event for an
      // item not in the cart drops the user instead of guessing its net quantity
      live.loadedPartly = true;
      live.recent.addAll(s.recent());
      return live;
    }

    /** Applies the user's new events; false when they cannot be applied exactly. */
    boolean apply(List<Event> events) {
      events.sort(Comparator.comparing(Event::ts));
      for (Event e : events) {
        if (last != null && !e.ts().isAfter(last)) {
          if (!applyLate(e)) {
            return false;
          }
          continue;
        }
        if (!e.sessionId().equals(sessionId)
            && !startsAt(e.sessionId(), userId, e.ts().toEpochMilli())) {
          return false;
        }
        if (!applyOne(e)) {
          return false;
        }
      }
      return true;
    }

    /**
     * Applies an event older than the user's latest one (a later batch of the same user committed
     * first): counters, revenue and first-seen add up in any order, the recent list takes it in its
     * place, and the current session counts it only when it carries that session's id (the current
     * session stays the latest event's). Refused (false) when the order matters and is not known
     * here: a cart event (the cart nets quantities since each item's last purchase) or a timestamp
     * equal to one in the recent list (the store breaks such ties by event id).
     */
    private boolean applyLate(Event e) {
      if (e.type() == EventType.CART_ADD
          || e.type() == EventType.CART_REMOVE
          || e.type() == EventType.PURCHASE) {
        return false;
      }
      int at = 0;
      while (at < recent.size() && recent.get(at).ts().isAfter(e.ts())) {
        at++;
      }
      if (at < recent.size() && recent.get(at).ts().equals(e.ts())) {
        return false;
      }
      BigDecimal price = e.price() == null ? null : e.price().setScale(4, RoundingMode.HALF_UP);
      counters.merge(e.type().name(), 1L, Long::sum);
      if (price != null && e.type() == EventType.RETURN) {
        revenue = revenue.add(price.multiply(BigDecimal.valueOf(-e.quantity())));
      }
      if (e.ts().isBefore(first)) {
        first = e.ts();
      }
      if (e.sessionId().equals(sessionId)) {
        sessionEvents++;
        if (e.ts().isBefore(sessionStart)) {
          sessionStart = e.ts();
        }
      }
      if (at < RECENT) {
        recent.add(at, recent(e, price));
        if (recent.size() > RECENT) {
          recent.remove(recent.size() - 1);
        }
      }
      return true;
    }

    private boolean applyOne(Event e) {
      BigDecimal price = e.price() == null ? null : e.price().setScale(4, RoundingMode.HALF_UP);
      counters.merge(e.type().name(), 1L, Long::sum);
      if (price != null && e.type() == EventType.PURCHASE) {
        revenue = revenue.add(price.multiply(BigDecimal.valueOf(e.quantity())));
      } else if (price != null && e.type() == EventType.RETURN) {
        revenue = revenue.add(price.multiply(BigDecimal.valueOf(-e.quantity())));
      } else if (revenue.scale() < 4) {
        revenue = revenue.add(ZERO); // the store's sum has the column's scale
      }
      first = first == null ? e.ts() : first;
      last = e.ts();
      if (e.sessionId().equals(sessionId)) {
        sessionLast = e.ts();
        sessionEvents++;
      } else {
        sessionId = e.sessionId();
        sessionStart = e.ts();
        sessionLast = e.ts();
        sessionEvents = 1;
      }
      if (e.itemId() != null) {
        if (!cartEvent(e, price)) {
          return false;
        }
      }
      recent.add(0, recent(e, price));
      if (recent.size() > RECENT) {
        recent.remove(recent.size() - 1);
      }
      return true;
    }

    private static UserState.RecentEvent recent(Event e, BigDecimal price) {
      return new UserState.RecentEvent(
          e.eventId(),
          e.ts(),
          e.type().name(),
          e.itemId(),
          e.quantity(),
          price,
          e.query(),
          e.sessionId());
    }

    private boolean cartEvent(Event e, BigDecimal price) {
      switch (e.type()) {
        case PURCHASE -> cart.remove(e.itemId());
        case CART_ADD, CART_REMOVE -> {
          CartItem item = cart.get(e.itemId());
          if (item == null) {
            if (loadedPartly) {
              return false;
            }
            item = new CartItem();
            cart.put(e.itemId(), item);
          }
          item.quantity += e.type() == EventType.CART_ADD ? e.quantity() : -e.quantity();
          if (price != null) {
            item.price = price;
          }
        }
        default -> {
          // other events leave the cart as it is
        }
      }
      return true;
    }

    /** Whether the latest session is active at {@code now} (false without a session). */
    boolean active(Instant now, Duration gap) {
      return sessionId != null && !sessionLast.plus(gap).isBefore(now);
    }

    UserState snapshot(Instant now, Duration gap) {
      List<UserState.CartLine> lines = new ArrayList<>();
      for (Map.Entry<String, CartItem> entry : cart.entrySet()) {
        if (entry.getValue().quantity > 0) {
          lines.add(
              new UserState.CartLine(
                  entry.getKey(), entry.getValue().quantity, entry.getValue().price));
        }
      }
      UserState.Session session =
          sessionId == null
              ? null
              : new UserState.Session(
                  sessionId, sessionStart, sessionLast, sessionEvents, active(now, gap));
      return new UserState(
          userId,
          traits,
          new LinkedHashMap<>(counters),
          revenue,
          first,
          last,
          session,
          lines,
          List.copyOf(recent));
    }
  }
}
