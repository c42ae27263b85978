package org.shopcast.data.quality;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Behavioural consistency: funnel steps with no earlier view, long-tail items and users, returns
 * with no purchase and bot-like users (the last two from the flags the importer writes).
 */
final class ConsistencyChecks {
  /** Share of purchases or carts with no earlier view above which the check warns. */
  static final double FUNNEL_WARN = 0.2;

  /** Share of purchases or carts with no earlier view above which the check fails. */
  static final double FUNNEL_FAIL = 0.5;

  /** Share of items seen once, or users with one event, above which the check warns. */
  static final double TAIL_WARN = 0.5;

  /** Share of items seen once, or users with one event, above which the check fails. */
  static final double TAIL_FAIL = 0.9;

  /** Share of returns without purchase above which the check warns. */
  static final double RETURNS_WARN = 0.01;

  /** Share of returns without purchase above which the check fails. */
  static final double RETURNS_FAIL = 0.1;

  /** Share of bot-like users above which the check fails (any one warns). */
  static final double BOTS_FAIL = 0.01;

  private ConsistencyChecks() {}

  static List<QualityCheck> run(Connection connection) throws SQLException {
    return List.of(
        withoutView(connection, "PURCHASE", "consistency.purchaseWithoutView"),
        withoutView(connection, "CART_ADD", "consistency.cartWithoutView"),
        itemsSeenOnce(connection),
        usersWithOneEvent(connection),
        returnsWithoutPurchase(connection),
        botLikeUsers(connection));
  }

  /**
   * Share of {@code type} events (by users who have any view, on an item) with no view of the same
   * item by the same user at or before their time.
   */
  private static QualityCheck withoutView(Connection connection, String type, String name)
      throws SQLException {
    double[] r =
        Queries.row(
            connection,
            "WITH fv AS (SELECT user_id, item_id, min(ts) AS first_view FROM events WHERE type ="
                + " 'VIEW' AND item_id IS NOT NULL GROUP BY ALL),"
                + " viewers AS (SELECT DISTINCT user_id FROM fv),"
                + " e AS (SELECT user_id, item_id, ts FROM events WHERE type = '"
                + type
                + "' AND item_id IS NOT NULL AND user_id IN (SELECT user_id FROM viewers))"
                + " SELECT count(*), count(*) FILTER (WHERE fv.first_view IS NULL OR"
                + " fv.first_view > e.ts) FROM e LEFT JOIN fv USING (user_id, item_id)");
    double share = Queries.share(r[1], r[0]);
    if (Double.isNaN(share)) {
      return QualityCheck.of(
          name, CheckStatus.PASS, share, "no " + type + " events by users who view", 1);
    }
    return QualityCheck.of(
        name,
        CheckStatus.atMost(share, FUNNEL_WARN, FUNNEL_FAIL),
        share,
        String.format(
            Locale.ROOT,
            "%,.0f of %,.0f %s events (of users with views) have no view of the item by the user"
                + " at or before them (warn > 20%%, fail > 50%%)",
            r[1],
            r[0],
            type),
        1);
  }

  private static QualityCheck itemsSeenOnce(Connection connection) throws SQLException {
    double[] r =
        Queries.row(
            connection,
            "SELECT count(*), count(*) FILTER (WHERE n = 1) FROM (SELECT item_id, count(*) AS n"
                + " FROM events WHERE item_id IS NOT NULL GROUP BY item_id)");
    return tail("consistency.itemsSeenOnce", r, "items", "have exactly one event");
  }

  private static QualityCheck usersWithOneEvent(Connection connection) throws SQLException {
    double[] r =
        Queries.row(
            connection,
            "SELECT count(*), count(*) FILTER (WHERE n = 1) FROM (SELECT user_id, count(*) AS n"
                + " FROM events GROUP BY user_id)");
    return tail("consistency.usersWithOneEvent", r, "users", "have exactly one event");
  }

  private static QualityCheck tail(String name, double[] r, String what, String how) {
    double share = Queries.share(r[1], r[0]);
    if (Double.isNaN(share)) {
      return QualityCheck.of(name, CheckStatus.PASS, share, "no " + what, 1);
    }
    return QualityCheck.of(
        name,
        CheckStatus.atMost(share, TAIL_WARN, TAIL_FAIL),
        share,
        String.format(
            Locale.ROOT, "%,.0f of %,.0f %s %s (warn > 50%%, fail > 90%%)", r[1], r[0], what, how),
        1);
  }

  private static QualityCheck returnsWithoutPurchase(Connection connection) throws SQLException {
    double[] r =
        Queries.row(
            connection,
            "SELECT count(*), count(*) FILTER (WHERE event_id IN (SELECT event_id FROM event_flags"
                + " WHERE code = 'ReturnWithoutPurchase')) FROM events WHERE type = 'RETURN'");
    String name = "consistency.returnsWithoutPurchase";
    double share = Queries.share(r[1], r[0]);
    if (Double.isNaN(share)) {
      return QualityCheck.of(name, CheckStatus.PASS, share, "no RETURN events", 1);
    }
    return QualityCheck.of(
        name,
        CheckStatus.atMost(share, RETURNS_WARN, RETURNS_FAIL),
        share,
        String.format(
            Locale.ROOT,
            "%,.0f of %,.0f RETURN events are flagged ReturnWithoutPurchase (warn > 1%%, fail >"
                + " 10%%)",
            r[1],
            r[0]),
        1);
  }

  private static QualityCheck botLikeUsers(Connection connection) throws SQLException {
    double[] r =
        Queries.row(
            connection,
            "SELECT count(DISTINCT user_id), count(DISTINCT user_id) FILTER (WHERE user_id IN"
                + " (SELECT user_id FROM user_flags WHERE code = 'BotLikeRate')) FROM events");
    double share = Queries.share(r[1], r[0]);
    return QualityCheck.of(
        "consistency.botLikeUsers",
        Double.isNaN(share) ? CheckStatus.PASS : CheckStatus.atMost(share, 0, BOTS_FAIL),
        share,
        String.format(
            Locale.ROOT,
            "%,.0f of %,.0f users are flagged BotLikeRate at import (warn > 0, fail > 1%%)",
            r[1],
            r[0]),
        1);
  }
}
