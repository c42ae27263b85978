package org.shopcast.server.api;

import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import org.shopcast.data.store.EventStore;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.ReadPool;

/** The read endpoints under {@code /api/v1}. */
public final class ReadRoutes {
  private static final int MAX_DAYS = 3660;

  private final ReadPool pool;
  private final UserStates users;

  /** Routes reading through {@code pool}; sessions end after {@code sessionGap} of inactivity. */
  public ReadRoutes(ReadPool pool, Clock clock, Duration sessionGap) {
    this.pool = pool;
    this.users = new UserStates(clock, sessionGap);
  }

  /** {@code GET /api/v1/stats}: the object {@code shopcast stats --json} prints. */
  public void stats(Context ctx) {
    ctx.json(pool.read(EventStore::stats));
  }

  /** {@code GET /api/v1/users/{id}}: the user's live state; 404 when the store never saw them. */
  public void user(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > 512) {
      throw HttpProblem.of(400, "BadParameter", "user id must be 1 to 512 characters");
    }
    UserState state = pool.read(connection -> users.load(connection, id));
    if (state == null) {
      throw HttpProblem.of(404, "UnknownUser", "no events or traits for user '" + id + "'");
    }
    ctx.json(state);
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
