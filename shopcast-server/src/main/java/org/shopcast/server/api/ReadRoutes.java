package org.shopcast.server.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.server.ingest.EventWriter;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.ReadPool;

/** The read endpoints under {@code /api/v1}. */
public final class ReadRoutes {
  private static final int MAX_DAYS = 3660;

  /** Users whose live state is kept in memory (least recently used leave first). */
  public static final int LIVE_USERS = 20_000;

  private final ReadPool pool;
  private final UserStates users;
  private final LiveUsers live;
  private final LiveStats stats;
  private volatile UserExtras extras;

  /** Fields added to a user's answer, e.g. scores and recommendations when models exist. */
  public interface UserExtras {
    /** The fields to add for {@code userId} (empty for none); may read {@code ctx}'s parameters. */
    Map<String, Object> extras(String userId, Context ctx);
  }

  /** Routes reading through {@code pool}; sessions end after {@code sessionGap} of inactivity. */
  public ReadRoutes(ReadPool pool, Clock clock, Duration sessionGap) {
    this.pool = pool;
    this.users = new UserStates(clock, sessionGap);
    this.live = new LiveUsers(LIVE_USERS, clock, sessionGap);
    this.stats = new LiveStats(pool);
  }

  /**
   * The hook keeping the live user states and the cached statistics current; register it with the
   * writer ({@link EventWriter#addHook}).
   */
  public EventWriter.CommitHook commitHook() {
    return new EventWriter.CommitHook() {
      @Override
      public void beginning() {
        live.beginCommit();
      }

      @Override
      public void committed(List<Event> events, List<UserTraits> traits, Set<String> newUsers) {
        live.committed(events, traits, newUsers);
        stats.committed(events);
      }

      @Override
      public void failed() {
        live.failed();
      }
    };
  }

  /** Adds {@code extras}' fields to every user answer. */
  public void setUserExtras(UserExtras extras) {
    this.extras = extras;
  }

  /** {@code GET /api/v1/stats}: the object {@code shopcast stats --json} prints. */
  public void stats(Context ctx) {
    ctx.json(stats.get());
  }

  /** {@code GET /api/v1/users/{id}}: the user's live state; 404 when the store never saw them. */
  public void user(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > 512) {
      throw HttpProblem.of(400, "BadParameter", "user id must be 1 to 512 characters");
    }
    UserState state = user(id);
    if (state == null) {
      throw HttpProblem.of(404, "UnknownUser", "no events or traits for user '" + id + "'");
    }
    UserExtras more = extras;
    Map<String, Object> added = more == null ? Map.of() : more.extras(id, ctx);
    ctx.json(added.isEmpty() ? state : new UserAnswer(state, added));
  }

  /** The user's state from memory, else from the store (then kept); null for an unknown user. */
  UserState user(String id) {
    UserState state = live.get(id);
    if (state == null) {
      long token = live.token();
      state = pool.read(connection -> users.load(connection, id));
      if (state != null) {
        live.offer(token, state);
      }
    }
    return state;
  }

  /** {@code GET /api/v1/volume?days=N}: events per day and type over the store's last N days. */
  public void volume(Context ctx) {
    String text = ctx.queryParam("days");
    int days = 90;
    if (text != null) {
      try {
        days = Integer.parseInt(text.trim());
      } catch (NumberFormatException e) {
        throw HttpProblem.of(
            400,
            "BadParameter",
            "days must be a whole number from 1 to " + MAX_DAYS + ", got '" + text + "'");
      }
      if (days < 1 || days > MAX_DAYS) {
        throw HttpProblem.of(
            400, "BadParameter", "days must be from 1 to " + MAX_DAYS + ", got " + days);
      }
    }
    int window = days;
    ctx.json(pool.read(connection -> Volume.load(connection, window)));
  }
}
