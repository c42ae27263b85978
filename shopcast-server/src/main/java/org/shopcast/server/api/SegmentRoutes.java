package org.shopcast.server.api;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.shopcast.analytics.profile.UserProfiles;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.analytics.rfm.RfmResult;
import org.shopcast.analytics.segment.SegmentOptions;
import org.shopcast.analytics.segment.SegmentResult;
import org.shopcast.analytics.segment.Segmenter;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.ReadPool;

/**
 * {@code GET /api/v1/segments} (the k-means segments of {@code shopcast analyze segments --json}
 * next to the RFM segments of {@code shopcast analyze rfm --json}) and {@code GET
 * /api/v1/users/{id}/profile} (the user's row of the {@code user_profiles} table, as {@code
 * shopcast analyze profiles --json} prints it).
 */
public final class SegmentRoutes {
  private static final int MAX_K = 50;

  private final ReadPool pool;

  /** Segmenting replaces the table user_segments: one request at a time. */
  private final ReentrantLock segmenting = new ReentrantLock();

  private final ResponseCache cache;

  /**
   * Routes reading through {@code pool}, keeping segment answers in {@code cache} (whose commit
   * hook must be registered with the writer).
   */
  public SegmentRoutes(ReadPool pool, ResponseCache cache) {
    this.pool = pool;
    this.cache = cache;
  }

  /**
   * {@code GET /api/v1/segments}: {@code {"kmeans": <analyze segments --json>, "rfm": <analyze rfm
   * --json>}}. Like the command, it builds user_profiles (in UTC) when absent and stores the
   * assignment as user_segments.
   */
  public void segments(Context ctx) {
    QueryParams q = QueryParams.of(ctx, Set.of("min-k", "max-k", "seed", "sample"));
    int minK = q.integer("min-k", 2, 2, MAX_K);
    int maxK = q.integer("max-k", 8, 2, MAX_K);
    if (maxK < minK) {
      throw QueryParams.bad(
          "max-k", "max-k must be >= min-k (" + minK + "), got " + maxK, Integer.toString(maxK));
    }
    String seedText = q.text("seed", "42");
    long seed;
    try {
      seed = Long.parseLong(seedText);
    } catch (NumberFormatException e) {
      throw QueryParams.bad(
          "seed", "seed must be a whole number, got '" + seedText + "'", seedText);
    }
    int sample = q.integer("sample", 2000, 10, 1_000_000);
    SegmentOptions options = new SegmentOptions(minK, maxK, seed, sample);
    Map<String, Object> answer =
        cache.get(ResponseCache.key("segments", ctx), () -> segments(options, maxK));
    ctx.json(answer);
  }

  private Map<String, Object> segments(SegmentOptions options, int maxK) {
    return pool.read(
        connection -> {
          long users = userCount(connection);
          if (users < maxK) {
            throw HttpProblem.of(
                409,
                users == 0 ? "EmptyStore" : "TooFewUsers",
                "segments need at least max-k (" + maxK + ") users, the store has " + users);
          }
          SegmentResult kmeans;
          segmenting.lock();
          try {
            kmeans = Segmenter.segment(connection, options);
          } finally {
            segmenting.unlock();
          }
          RfmResult rfm = Rfm.compute(connection, false);
          Map<String, Object> out = new LinkedHashMap<>();
          out.put("kmeans", kmeans);
          out.put("rfm", rfm);
          return out;
        });
  }

  /** {@code GET /api/v1/users/{id}/profile}: the user's user_profiles row. */
  public void profile(Context ctx) {
    QueryParams.of(ctx, Set.of());
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > 512) {
      throw HttpProblem.of(400, "BadParameter", "user id must be 1 to 512 characters");
    }
    Map<String, Object> row =
        pool.read(
            connection -> {
              if (!hasTable(connection, UserProfiles.TABLE)) {
                throw HttpProblem.of(
                    409,
                    "NoProfiles",
                    "the store has no user_profiles table yet: run `shopcast analyze profiles`"
                        + " (or call /api/v1/segments, which builds it)");
              }
              return UserProfiles.readUser(connection, id);
            });
    if (row == null) {
      throw HttpProblem.of(
          404,
          "UnknownUser",
          "user '" + id + "' has no row in user_profiles (built before the user's first event?)");
    }
    ctx.json(row);
  }

  /** The users a segmentation would see: the profiles' rows, else the distinct event users. */
  private static long userCount(Connection connection) throws SQLException {
    String sql =
        hasTable(connection, UserProfiles.TABLE)
            ? "SELECT count(*) FROM " + UserProfiles.TABLE
            : "SELECT count(DISTINCT user_id) FROM events";
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static boolean hasTable(Connection connection, String table) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM information_schema.tables WHERE table_name = '"
                    + table
                    + "'")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }
}
