package org.shopcast.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.javalin.http.ContentType;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.UserTraits;
import org.shopcast.data.store.StoreStats;
import org.shopcast.server.ingest.EventWriter;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.ReadPool;

/**
 * The read endpoints under {@code /api/v1}. The latency-bound ones ({@code stats} and the plain
 * {@code users/{id}}) answer with bytes serialised once per change (the statistics once per commit,
 * a user's state once per change of it) and written straight to the response.
 */
public final class ReadRoutes {
  private static final int MAX_DAYS = 3660;

  /** Users whose live state is kept in memory (least recently used leave first). */
  public static final int LIVE_USERS = 20_000;

  private final ReadPool pool;
  private final UserStates users;
  private final LiveUsers live;
  private final LiveStats stats;
  private final ObjectWriter json;
  private volatile UserExtras extras;
  private volatile StatsJson statsJson;

  /** The statistics of one commit and their serialised form. */
  private record StatsJson(StoreStats stats, byte[] json) {}

  /**
   * Fields added to a user's answer, e.g. scores and recommendations when models exist. Asked only
   * when the request has query parameters: without any, the answer is the plain state.
   */
  public interface UserExtras {
    /** The fields to add for {@code userId} (empty for none); may read {@code ctx}'s parameters. */
    Map<String, Object> extras(String userId, Context ctx);
  }

  /** Routes reading through {@code pool}; sessions end after {@code sessionGap} of inactivity. */
  public ReadRoutes(ReadPool pool, Clock clock, Duration sessionGap) {
    this(
        pool,
        clock,
        sessionGap,
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS));
  }

  /** Routes serialising their answers with {@code json} (the server's mapper). */
  public ReadRoutes(ReadPool pool, Clock clock, Duration sessionGap, ObjectMapper json) {
    this.pool = pool;
    this.json = json.writer();
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
    StoreStats now = stats.get();
    StatsJson cached = statsJson;
    if (cached == null || cached.stats() != now) {
      // concurrent readers of a fresh commit may serialise it twice; both answers are equal
      cached = new StatsJson(now, bytes(now));
      statsJson = cached;
    }
    write(ctx, cached.json());
  }

  /** The statistics serialised as {@link #stats} answers them. */
  byte[] statsJson() {
    return bytes(stats.get());
  }

  private byte[] bytes(Object answer) {
    try {
      return json.writeValueAsBytes(answer);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + answer + ": " + e, e);
    }
  }

  /** Answers {@code body}, JSON already serialised, without copying it again. */
  private static void write(Context ctx, byte[] body) {
    ctx.contentType(ContentType.APPLICATION_JSON);
    try {
      ctx.outputStream().write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code GET /api/v1/users/{id}}: the user's live state; 404 when the store never saw them. */
  public void user(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > 512) {
      throw HttpProblem.of(400, "BadParameter", "user id must be 1 to 512 characters");
    }
    if (ctx.queryParamMap().isEmpty()) {
      byte[] cached = live.json(id, json);
      if (cached != null) {
        write(ctx, cached);
        return;
      }
    }
    UserState state = user(id);
    if (state == null) {
      throw HttpProblem.of(404, "UnknownUser", "no events or traits for user '" + id + "'");
    }
    UserExtras more = extras;
    Map<String, Object> added =
        more == null || ctx.queryParamMap().isEmpty() ? Map.of() : more.extras(id, ctx);
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

  /** The user's state serialised as the plain answer from memory, null when not cached. */
  byte[] liveJson(String id) {
    return live.json(id, json);
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
