package org.shopcast.server.api;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.kpi.Kpis;
import org.shopcast.analytics.retention.Retention;
import org.shopcast.analytics.retention.RetentionOptions;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.data.quality.QualityAnalyzer;
import org.shopcast.data.quality.QualityJson;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.ReadPool;

/**
 * The analytics read endpoints under {@code /api/v1}: each answers the object the matching {@code
 * shopcast ... --json} command prints, computed by the same shopcast-analytics (or quality) call;
 * the query parameters are the command's options without the leading dashes.
 */
public final class AnalyticsRoutes {
  private static final int MAX_TOP = 1000;
  private static final int MAX_HOURS = 24 * 366;

  private final ReadPool pool;
  private final Clock clock;
  private final ResponseCache cache;

  /**
   * Routes reading through {@code pool}; the quality report judges timestamps by {@code clock}; RFM
   * answers are kept in {@code cache} (whose commit hook must be registered with the writer).
   */
  public AnalyticsRoutes(ReadPool pool, Clock clock, ResponseCache cache) {
    this.pool = pool;
    this.clock = clock;
    this.cache = cache;
  }

  /** {@code GET /api/v1/quality}: the object {@code shopcast quality --json} prints. */
  public void quality(Context ctx) {
    QueryParams.of(ctx, Set.of());
    String json =
        pool.read(connection -> QualityJson.render(new QualityAnalyzer(clock).analyze(connection)));
    ctx.contentType("application/json").result(json);
  }

  /** {@code GET /api/v1/kpis}: the object {@code shopcast analyze kpis --json} prints. */
  public void kpis(Context ctx) {
    QueryParams q = QueryParams.of(ctx, Set.of("grain", "tz", "by", "top"));
    KpiOptions options =
        new KpiOptions(
            KpiOptions.Grain.valueOf(upper(q.choice("grain", "day", "hour", "day", "week"))),
            q.zone("tz"),
            KpiOptions.Split.valueOf(upper(q.choice("by", "none", "none", "category", "channel"))),
            q.integer("top", 10, 1, MAX_TOP));
    ctx.json(pool.read(connection -> Kpis.compute(nonEmpty(connection), options)));
  }

  /** {@code GET /api/v1/funnel}: the object {@code shopcast analyze funnel --json} prints. */
  public void funnel(Context ctx) {
    QueryParams q = QueryParams.of(ctx, Set.of("steps", "per", "within-hours", "by", "top"));
    String stepsText = q.text("steps", "VIEW,CART_ADD,PURCHASE");
    List<String> steps = new ArrayList<>();
    for (String step : stepsText.split(",", -1)) {
      steps.add(upper(step.trim()));
    }
    boolean perSession = q.choice("per", "user", "user", "session").equals("session");
    int withinHours = q.integer("within-hours", 0, 0, MAX_HOURS);
    FunnelOptions.Split split =
        FunnelOptions.Split.valueOf(upper(q.choice("by", "none", "none", "category", "segment")));
    int top = q.integer("top", 10, 1, MAX_TOP);
    FunnelOptions options;
    try {
      options = new FunnelOptions(steps, perSession, withinHours, split, top);
    } catch (IllegalArgumentException e) {
      throw QueryParams.bad("steps", "steps '" + stepsText + "': " + e.getMessage(), stepsText);
    }
    ctx.json(
        pool.read(
            connection -> {
              nonEmpty(connection);
              if (split == FunnelOptions.Split.SEGMENT && !hasSegments(connection)) {
                throw HttpProblem.of(
                    409,
                    "NoSegments",
                    "by=segment needs the user segments: run `shopcast analyze segments` first");
              }
              return Funnels.compute(connection, options);
            }));
  }

  /** {@code GET /api/v1/retention}: the object {@code shopcast analyze retention --json} prints. */
  public void retention(Context ctx) {
    QueryParams q = QueryParams.of(ctx, Set.of("cohort", "period", "measure", "tz"));
    RetentionOptions options =
        new RetentionOptions(
            q.choice("cohort", "activity", "activity", "purchase").equals("purchase"),
            q.choice("period", "day", "day", "week").equals("week"),
            q.choice("measure", "active", "active", "purchase").equals("purchase"),
            q.zone("tz"));
    ctx.json(pool.read(connection -> Retention.compute(nonEmpty(connection), options)));
  }

  /** {@code GET /api/v1/rfm}: the object {@code shopcast analyze rfm --json} prints. */
  public void rfm(Context ctx) {
    QueryParams q = QueryParams.of(ctx, Set.of("users"));
    boolean users = q.flag("users");
    ctx.json(
        cache.get(
            ResponseCache.key("rfm", ctx),
            () -> pool.read(connection -> Rfm.compute(nonEmpty(connection), users))));
  }

  /** The connection; 409 {@code EmptyStore} when the store holds no events (as the CLI refuses). */
  private static Connection nonEmpty(Connection connection) throws SQLException {
    boolean empty;
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery("SELECT 1 FROM events LIMIT 1")) {
      empty = !rs.next();
    }
    if (empty) {
      throw HttpProblem.of(
          409, "EmptyStore", "the store holds no events; send or import some first");
    }
    return connection;
  }

  private static boolean hasSegments(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_name = 'user_segments'")) {
      rs.next();
      return rs.getLong(1) > 0;
    }
  }

  private static String upper(String value) {
    return value.toUpperCase(Locale.ROOT);
  }
}
