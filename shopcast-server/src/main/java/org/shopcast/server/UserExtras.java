package org.shopcast.server;

import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.shopcast.server.api.ReadRoutes;
import org.shopcast.server.internal.Params;
import org.shopcast.server.recs.RecsRoutes;
import org.shopcast.server.scores.ScoreRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adds {@code scores} (when models are registered) and {@code recommendations} (when lists were
 * trained) to {@code GET /api/v1/users/{id}}; {@code ?include=none} (or {@code scores}, {@code
 * recommendations}) limits them. A failure of one part is logged and shown as a note, never failing
 * the user's state.
 */
final class UserExtras implements ReadRoutes.UserExtras {
  private static final Logger LOG = LoggerFactory.getLogger(UserExtras.class);
  private static final Set<String> PARTS = Set.of("scores", "recommendations", "none");

  private final ScoreRoutes scores;
  private final RecsRoutes recs;

  UserExtras(ScoreRoutes scores, RecsRoutes recs) {
    this.scores = scores;
    this.recs = recs;
  }

  @Override
  public Map<String, Object> extras(String userId, Context ctx) {
    Params.only(ctx, Set.of("include"));
    String include = ctx.queryParam("include");
    // the plain state is served from memory; scores and recommendations cost store reads, so they
    // are added only when asked for (the read latency target holds for the plain state)
    Set<String> parts = Set.of();
    if (include != null) {
      parts = Set.of(include.split(",", -1));
      for (String part : parts) {
        if (!PARTS.contains(part)) {
          throw Params.bad(
              "include",
              "include must be a comma list of scores, recommendations or none, got '"
                  + include
                  + "'",
              include);
        }
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (parts.contains("scores")) {
      try {
        scores.forUserPage(userId).ifPresent(s -> out.put("scores", s));
      } catch (RuntimeException e) {
        LOG.warn("scoring user {} failed", userId, e);
        out.put("scoresError", "scoring failed: " + e.getMessage());
      }
    }
    if (parts.contains("recommendations")) {
      try {
        recs.forUser(userId, 10, true).ifPresent(r -> out.put("recommendations", r));
      } catch (RuntimeException e) {
        LOG.warn("recommending for user {} failed", userId, e);
        out.put("recommendationsError", "recommending failed: " + e.getMessage());
      }
    }
    return out;
  }
}
