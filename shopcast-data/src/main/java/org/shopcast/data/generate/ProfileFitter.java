package org.shopcast.data.generate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Fits a {@link Profile} with SQL over the store's {@code events} table. Popularity exponents are
 * least-squares slopes of ln(count) on ln(rank) (a rank-frequency fit: simple and stable on small
 * samples, though biased for heavy tails, see Clauset, Shalizi and Newman 2009, "Power-law
 * distributions in empirical data", SIAM Review 51(4)); catalogue growth is Heaps' law estimated
 * from a random half of the events.
 */
final class ProfileFitter {
  private static final String FIT = "shopcast_fit";

  private ProfileFitter() {}

  static Profile fit(Connection connection, String source) {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE OR REPLACE TEMP TABLE "
              + FIT
              + " AS SELECT user_id, item_id, coalesce(category_id, '') AS category_id, ts,"
              + " type, coalesce(session_id, user_id) AS session_id, epoch_ms(ts) // 1000 AS s"
              + " FROM events WHERE item_id IS NOT NULL AND type IN ('VIEW', 'CART_ADD',"
              + " 'FAVORITE', 'PURCHASE')");
      try {
        return fit(st, source);
      } finally {
        st.execute("DROP TABLE IF EXISTS " + FIT);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fit a profile to the store: " + e.getMessage(), e);
    }
  }

  private static Profile fit(Statement st, String source) throws SQLException {
    double[] totals =
        row(st, "SELECT count(*), count(DISTINCT user_id), min(s), max(s) FROM " + FIT);
    long events = (long) totals[0];
    if (events == 0) {
      throw new IllegalArgumentException(
          "the store must hold VIEW, CART_ADD, FAVORITE or PURCHASE events with an item to fit a"
              + " profile, got none");
    }
    return new Profile(
        Profile.VERSION,
        new Profile.Provenance(source, events, (long) totals[1]),
        activity(st),
        mix(st, events),
        funnel(st),
        popularity(st, "item_id"),
        popularity(st, "category_id"),
        sessions(st),
        time(st, (long) totals[2], (long) totals[3]));
  }

  private static Profile.Activity activity(Statement st) throws SQLException {
    double[] r =
        row(
            st,
            "SELECT avg(ln(n)), coalesce(stddev_pop(ln(n)), 0), max(n) FROM (SELECT count(*) AS n"
                + " FROM "
                + FIT
                + " GROUP BY user_id)");
    return new Profile.Activity(r[0], r[1], Math.max(1000, 10 * (long) r[2]));
  }

  private static Profile.Mix mix(Statement st, long events) throws SQLException {
    double[] r =
        row(
            st,
            "SELECT count(*) FILTER (WHERE type = 'VIEW'), count(*) FILTER (WHERE type ="
                + " 'CART_ADD'), count(*) FILTER (WHERE type = 'FAVORITE') FROM "
                + FIT);
    double view = r[0] / events;
    double cart = r[1] / events;
    double favorite = r[2] / events;
    return new Profile.Mix(view, cart, favorite, Math.max(0, 1 - view - cart - favorite));
  }

  private static Profile.Funnel funnel(Statement st) throws SQLException {
    String pairs =
        "SELECT user_id, item_id, min(ts) FILTER (WHERE type = 'VIEW') AS fv, max(ts) FILTER"
            + " (WHERE type = 'CART_ADD') AS lc, min(ts) FILTER (WHERE type = 'CART_ADD') AS fc,"
            + " max(ts) FILTER (WHERE type = 'PURCHASE') AS lb FROM "
            + FIT
            + " GROUP BY user_id, item_id";
    double[] pair =
        row(
            st,
            "SELECT count(*) FILTER (WHERE fv IS NOT NULL AND lc >= fv), count(*) FILTER (WHERE"
                + " fv IS NOT NULL), count(*) FILTER (WHERE fc IS NOT NULL AND lb >= fc),"
                + " count(*) FILTER (WHERE fc IS NOT NULL) FROM ("
                + pairs
                + ")");
    String before = "CASE WHEN %s <= f.ts THEN 1.0 ELSE 0.0 END";
    double[] reuse =
        row(
            st,
            "SELECT avg("
                + before.formatted("p.fv")
                + ") FILTER (WHERE type = 'CART_ADD'), avg("
                + before.formatted("p.fv")
                + ") FILTER (WHERE type = 'FAVORITE'), avg("
                + before.formatted("p.fc")
                + ") FILTER (WHERE type = 'PURCHASE'), avg("
                + before.formatted("p.fv")
                + ") FILTER (WHERE type = 'PURCHASE' AND NOT coalesce(p.fc <= f.ts, false))"
                + " FROM "
                + FIT
                + " f JOIN ("
                + pairs
                + ") p USING (user_id, item_id)");
    return new Profile.Funnel(
        ratio(pair[0], pair[1]),
        ratio(pair[2], pair[3]),
        orZero(reuse[0]),
        orZero(reuse[1]),
        orZero(reuse[2]),
        orZero(reuse[3]));
  }

  private static Profile.Popularity popularity(Statement st, String key) throws SQLException {
    double[] zipf =
        row(
            st,
            "WITH c AS (SELECT count(*) AS n FROM "
                + FIT
                + " GROUP BY "
                + key
                + "), r AS (SELECT n, row_number() OVER (ORDER BY n DESC) AS rk FROM c)"
                + " SELECT count(*), -regr_slope(ln(n), ln(rk)) FROM r");
    double[] heaps =
        row(
            st,
            "SELECT count(*), count(DISTINCT "
                + key
                + "), count(*) FILTER (WHERE hash(user_id, item_id, s, type) % 2 = 0),"
                + " count(DISTINCT "
                + key
                + ") FILTER (WHERE hash(user_id, item_id, s, type) % 2 = 0) FROM "
                + FIT);
    double growth = 1;
    if (heaps[2] >= 1 && heaps[2] < heaps[0] && heaps[3] >= 1) {
      growth = Math.log(heaps[1] / heaps[3]) / Math.log(heaps[0] / heaps[2]);
    }
    double exponent = Double.isNaN(zipf[1]) ? 1 : zipf[1];
    return new Profile.Popularity(
        (long) zipf[0], Math.min(5, Math.max(0, exponent)), Math.min(1, Math.max(0, growth)));
  }

  private static Profile.Sessions sessions(Statement st) throws SQLException {
    double[] size =
        row(st, "SELECT avg(n) FROM (SELECT count(*) AS n FROM " + FIT + " GROUP BY session_id)");
    double[] gaps =
        row(
            st,
            "WITH g AS (SELECT s - lag(s) OVER (PARTITION BY session_id ORDER BY s) AS d FROM "
                + FIT
                + ") SELECT count(*) FILTER (WHERE d = 0) / greatest(count(d), 1), avg(ln(d))"
                + " FILTER (WHERE d > 0), coalesce(stddev_pop(ln(d)) FILTER (WHERE d > 0), 0)"
                + " FROM g");
    double[] between =
        row(
            st,
            "WITH x AS (SELECT user_id, min(s) AS a, max(s) AS b FROM "
                + FIT
                + " GROUP BY user_id, session_id), g AS (SELECT a - lag(b) OVER (PARTITION BY"
                + " user_id ORDER BY a) AS d FROM x) SELECT median(d) FROM g");
    return new Profile.Sessions(
        Math.max(1, size[0]),
        orZero(gaps[0]),
        Double.isNaN(gaps[1]) ? 0 : gaps[1],
        gaps[2],
        orZero(between[0]));
  }

  private static Profile.TimeProfile time(Statement st, long minSecond, long maxSecond)
      throws SQLException {
    long start = Math.floorDiv(minSecond, 3600) * 3600;
    long end = (Math.floorDiv(maxSecond, 3600) + 1) * 3600;
    int days = (int) ((end - start + 86_399) / 86_400);
    double[] daily = new double[days];
    double[] hourly = new double[24];
    try (ResultSet rs =
        st.executeQuery(
            "SELECT (s - " + start + ") // 86400, count(*) FROM " + FIT + " GROUP BY 1")) {
      while (rs.next()) {
        daily[rs.getInt(1)] += rs.getLong(2);
      }
    }
    try (ResultSet rs =
        st.executeQuery("SELECT (s // 3600) % 24, count(*) FROM " + FIT + " GROUP BY 1")) {
      while (rs.next()) {
        hourly[rs.getInt(1)] += rs.getLong(2);
      }
    }
    return new Profile.TimeProfile(
        Instant.ofEpochSecond(start), Instant.ofEpochSecond(end), shares(daily), shares(hourly));
  }

  private static List<Double> shares(double[] counts) {
    double sum = Arrays.stream(counts).sum();
    List<Double> out = new ArrayList<>(counts.length);
    for (double count : counts) {
      out.add(round(count / sum));
    }
    return out;
  }

  private static double round(double value) {
    return Math.round(value * 1e9) / 1e9;
  }

  private static double ratio(double numerator, double denominator) {
    return denominator == 0 ? 0 : numerator / denominator;
  }

  private static double orZero(double value) {
    return Double.isNaN(value) ? 0 : value;
  }

  /** The first row of a query as doubles, NaN for NULL. */
  private static double[] row(Statement st, String sql) throws SQLException {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      int n = rs.getMetaData().getColumnCount();
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        double value = rs.getDouble(i + 1);
        values[i] = rs.wasNull() ? Double.NaN : value;
      }
      return values;
    }
  }
}
