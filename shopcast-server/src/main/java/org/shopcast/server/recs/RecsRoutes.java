package org.shopcast.server.recs;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.workspace.Explained;
import org.shopcast.recommend.workspace.RecsIndex;
import org.shopcast.recommend.workspace.RecsInfo;
import org.shopcast.recommend.workspace.RecsModel;
import org.shopcast.recommend.workspace.TrainRecsOptions;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.Params;
import org.shopcast.server.internal.ReadPool;

/**
 * {@code GET /api/v1/users/{id}/recommendations}, {@code GET /api/v1/items/{id}/similar} and {@code
 * POST /api/v1/admin/recs/reload}. A user's list is the precomputed one (the cold-start list for a
 * user unknown when the lists were trained) without the items the user has bought since, plus the
 * continuation of the user's latest session from its items in the store now (session kNN, then item
 * kNN, category and overall popularity), so every committed event changes it.
 */
public final class RecsRoutes {
  private static final int MAX_N = 100;
  private static final String TRAIN =
      "no precomputed lists in the workspace: run `shopcast train recs` (then POST"
          + " /api/v1/admin/recs/reload, or wait for the server to notice them)";

  private final ReadPool pool;
  private final LiveRecs live;
  private final Clock clock;
  private final Duration sessionGap;

  /** Routes over {@code live}, reading users' events through {@code pool}. */
  public RecsRoutes(ReadPool pool, LiveRecs live, Clock clock, Duration sessionGap) {
    this.pool = pool;
    this.live = live;
    this.clock = clock;
    this.sessionGap = sessionGap;
  }

  /**
   * A user's recommendations.
   *
   * @param userId the user
   * @param lists the served lists' provenance
   * @param source {@code user} (the user's precomputed list) or {@code cold-start}
   * @param items the list, best first, without items the user bought
   * @param excluded items of the stored list left out because the user bought them
   * @param session the continuation of the user's latest session, null when it has no items
   */
  public record UserRecs(
      String userId,
      RecsInfo lists,
      String source,
      List<Explained> items,
      List<String> excluded,
      SessionRecs session) {}

  /**
   * The continuation of a live session.
   *
   * @param sessionId the session
   * @param active whether its latest event lies within the inactivity gap of now
   * @param items its item events' items, oldest first
   * @param next the recommended continuation, best first (empty while the session models train)
   * @param note why the continuation is empty, null otherwise
   */
  public record SessionRecs(
      String sessionId, boolean active, List<String> items, List<Explained> next, String note) {}

  /** {@code GET /api/v1/users/{id}/recommendations?n=10&session=true}. */
  public void recommendations(Context ctx) {
    Params.only(ctx, Set.of("n", "session"));
    String id = Params.id(ctx);
    int n = Params.integer(ctx, "n", 10, 1, MAX_N);
    boolean withSession = Params.flag(ctx, "session", true);
    ctx.json(forUser(id, n, withSession).orElseThrow(() -> HttpProblem.of(409, "NoLists", TRAIN)));
  }

  /** The user's recommendations, empty when no lists were trained. */
  public Optional<UserRecs> forUser(String id, int n, boolean withSession) {
    LiveRecs.Loaded loaded = live.current();
    RecsIndex index = loaded.index();
    if (index == null) {
      return Optional.empty();
    }
    UserEvents events = pool.read(connection -> UserEvents.read(connection, id));
    Set<String> bought = events.purchased();
    Optional<List<Explained>> own = index.forUser(id, n + bought.size());
    List<Explained> stored = own.orElseGet(() -> index.coldStart(n + bought.size()));
    List<Explained> items = new ArrayList<>();
    List<String> excluded = new ArrayList<>();
    for (Explained e : stored) {
      if (bought.contains(e.itemId())) {
        excluded.add(e.itemId());
      } else if (items.size() < n) {
        items.add(e);
      }
    }
    SessionRecs session = null;
    if (withSession && !events.session().isEmpty()) {
      session = session(loaded, events, n, bought);
    }
    return Optional.of(
        new UserRecs(
            id, index.info(), own.isPresent() ? "user" : "cold-start", items, excluded, session));
  }

  private SessionRecs session(
      LiveRecs.Loaded loaded, UserEvents events, int n, Set<String> bought) {
    List<Click> clicks = events.session();
    List<String> items = clicks.stream().map(Click::itemId).toList();
    Instant last = Instant.ofEpochMilli(clicks.get(clicks.size() - 1).timeMillis());
    boolean active = !last.plus(sessionGap).isBefore(clock.instant());
    String sessionId = clicks.get(0).sessionId();
    if (loaded.sessions() == null) {
      return new SessionRecs(
          sessionId, active, items, List.of(), "the session models are still training; ask again");
    }
    List<Explained> next = new ArrayList<>();
    for (Explained e : loaded.sessions().forSession(clicks, n + bought.size(), new Rules())) {
      if (!bought.contains(e.itemId()) && next.size() < n) {
        next.add(e);
      }
    }
    return new SessionRecs(sessionId, active, items, next, null);
  }

  /** {@code GET /api/v1/items/{id}/similar?n=10}. */
  public void similar(Context ctx) {
    Params.only(ctx, Set.of("n"));
    String id = Params.id(ctx);
    int n = Params.integer(ctx, "n", 10, 1, MAX_N);
    RecsIndex index = live.current().index();
    if (index == null) {
      throw HttpProblem.of(409, "NoLists", TRAIN);
    }
    List<Explained> items =
        index
            .similarTo(id, n)
            .orElseThrow(
                () ->
                    HttpProblem.of(
                        404,
                        "UnknownItem",
                        "item '"
                            + id
                            + "' had no events when the "
                            + index.info().model()
                            + " lists (version "
                            + index.info().version()
                            + ") were trained; retrain with `shopcast train recs`"));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("itemId", id);
    out.put("lists", index.info());
    out.put("items", items);
    ctx.json(out);
  }

  /** {@code POST /api/v1/admin/recs/reload}: loads the newest stored lists now. */
  public void reload(Context ctx) {
    Params.only(ctx, Set.of());
    RecsInfo info = live.reload(true).orElseThrow(() -> HttpProblem.of(409, "NoLists", TRAIN));
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("lists", info);
    out.put("sessionModels", "training in the background");
    ctx.json(out);
  }

  /**
   * {@code POST /api/v1/admin/recs/train?model=iknn&n=20}: trains lists in the server (as {@code
   * shopcast train recs}, which cannot open a served store) in the background; 202 at once, the new
   * lists serve when done ({@code GET} the same path for the state). 409 {@code Busy} while a
   * training runs.
   */
  public void train(Context ctx) {
    Params.only(ctx, Set.of("model", "n"));
    String name = ctx.queryParam("model") == null ? "iknn" : ctx.queryParam("model");
    RecsModel model;
    try {
      model = RecsModel.parse(name);
    } catch (IllegalArgumentException e) {
      throw Params.bad("model", e.getMessage(), name);
    }
    int n = Params.integer(ctx, "n", 20, 1, 1000);
    if (!live.train(TrainRecsOptions.of(model, n))) {
      throw HttpProblem.of(409, "Busy", live.training() + "; ask again when it is done");
    }
    ctx.status(202).json(Map.of("status", live.training()));
  }

  /** {@code GET /api/v1/admin/recs/train}: what the latest in-server training did or is doing. */
  public void trainStatus(Context ctx) {
    Params.only(ctx, Set.of());
    ctx.json(Map.of("status", live.training()));
  }

  /** A user's purchased items and latest session's item events, read from the store. */
  private record UserEvents(Set<String> purchased, List<Click> session) {
    static UserEvents read(Connection connection, String user) throws SQLException {
      Set<String> bought = new HashSet<>();
      try (PreparedStatement ps =
          connection.prepareStatement(
              "SELECT DISTINCT item_id FROM events WHERE user_id = ? AND type = 'PURCHASE'"
                  + " AND item_id IS NOT NULL")) {
        ps.setString(1, user);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            bought.add(rs.getString(1));
          }
        }
      }
      List<Click> session = new ArrayList<>();
      try (PreparedStatement ps =
          connection.prepareStatement(
              "WITH u AS (SELECT * FROM events WHERE user_id = ?),"
                  + " s AS (SELECT session_id FROM u ORDER BY ts DESC, event_id DESC LIMIT 1)"
                  + " SELECT u.session_id, u.item_id, epoch_ms(u.ts), u.type FROM u JOIN s"
                  + " USING (session_id) WHERE u.item_id IS NOT NULL ORDER BY u.ts, u.event_id")) {
        ps.setString(1, user);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            session.add(
                new Click(
                    rs.getString(1),
                    user,
                    rs.getString(2),
                    rs.getLong(3),
                    EventType.valueOf(rs.getString(4)),
                    0));
          }
        }
      }
      return new UserEvents(bought, session);
    }
  }
}
