package org.shopcast.server.scores;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.shopcast.predict.registry.RegistryEntry;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.Params;
import org.shopcast.server.internal.ReadPool;

/** {@code GET /api/v1/users/{id}/scores}: a user's scores recomputed from the store now. */
public final class ScoreRoutes {
  private static final int MAX_TOP = 20;

  private final ReadPool pool;
  private final UserScorer scorer;

  /** Routes scoring with {@code scorer} through {@code pool}. */
  public ScoreRoutes(ReadPool pool, UserScorer scorer) {
    this.pool = pool;
    this.scorer = scorer;
  }

  /**
   * {@code GET /api/v1/users/{id}/scores?top=5}: one score per task with a registered model and its
   * top SHAP reasons; 409 {@code NoModels} when none is registered, 404 when the store has no
   * events of the user.
   */
  public void scores(Context ctx) {
    Params.only(ctx, Set.of("top"));
    String id = Params.id(ctx);
    int top = Params.integer(ctx, "top", 5, 1, MAX_TOP);
    UserScores scores =
        pool.read(
            connection -> {
              List<RegistryEntry> models = scorer.latest(connection);
              if (models.isEmpty()) {
                throw HttpProblem.of(
                    409,
                    "NoModels",
                    "no model in the registry: train one with `shopcast train --task purchase`"
                        + " (or churn, clv, time-to-purchase), then ask again");
              }
              return scorer.score(connection, models, List.of(id), top).get(id);
            });
    if (scores == null) {
      throw HttpProblem.of(404, "UnknownUser", "no events for user '" + id + "'");
    }
    ctx.json(scores);
  }

  /**
   * The user's scores with 3 reasons each for the user page, or empty when no model is registered
   * or the user has no events (never fails the page: a scoring error is logged by the caller).
   */
  public Optional<UserScores> forUserPage(String id) {
    return Optional.ofNullable(
        pool.read(
            connection -> {
              List<RegistryEntry> models = scorer.latest(connection);
              if (models.isEmpty()) {
                return null;
              }
              Map<String, UserScores> all = scorer.score(connection, models, List.of(id), 3);
              return all.get(id);
            }));
  }
}
