package org.shopcast.server.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shopcast.core.event.Event;
import org.shopcast.core.event.EventType;

/**
 * The in-memory peaks and bot-like users against the importer's SQL (group by user and minute,
 * median and MAD in DuckDB) over the same events, after each of many random commits with late and
 * far-apart events.
 */
class BotRatesTest {
  private static final String SQL =
      "WITH m AS (SELECT user_id, count(*) AS c FROM ev GROUP BY user_id, date_trunc('minute',"
          + " ts)), u AS (SELECT user_id, max(c) AS peak FROM m GROUP BY user_id), s AS (SELECT"
          + " median(peak) AS med FROM u), d AS (SELECT median(abs(peak - s.med)) * 1.4826 AS mad"
          + " FROM u, s) SELECT user_id, peak, peak >= ? AND peak > s.med + ? * greatest(d.mad, 1)"
          + " FROM u, s, d";

  @Test
  void peaksAndBotLikeUsers_equalTheImportersSql_afterEveryCommit() throws Exception {
    Random random = new Random(3);
    BotRates rates = new BotRates();
    long t0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli();
    int flaggedSomewhere = 0;
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE ev (user_id VARCHAR, ts TIMESTAMP)");
      for (int commit = 0; commit < 60; commit++) {
        List<Event> events = new ArrayList<>();
        int n = 1 + random.nextInt(200);
        for (int i = 0; i < n; i++) {
          int user = random.nextInt(30);
          // a few users burst inside one minute; some events late, a few centuries away
          long ts =
              user < 3
                  ? t0 + commit * 60_000L + random.nextInt(60_000)
                  : t0 + (long) (random.nextGaussian() * 600_000) + commit * 30_000L;
          if (random.nextInt(500) == 0) {
            ts += (random.nextBoolean() ? 1 : -1) * 300L * 365 * 86_400_000L;
          }
          events.add(view("u" + user, ts));
        }
        rates.add(events);
        try (PreparedStatement ps =
            c.prepareStatement("INSERT INTO ev VALUES (?, make_timestamp(?))")) {
          for (Event e : events) {
            ps.setString(1, e.userId());
            ps.setLong(2, e.ts().toEpochMilli() * 1000);
            ps.executeUpdate();
          }
        }
        double fence = commit % 2 == 0 ? 10 : 2;
        int minPeak = commit % 3 == 0 ? 30 : 5;
        Map<String, Integer> peaks = new HashMap<>();
        Map<String, Integer> bots = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
          ps.setInt(1, minPeak);
          ps.setDouble(2, fence);
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              peaks.put(rs.getString(1), rs.getInt(2));
              if (rs.getBoolean(3)) {
                bots.put(rs.getString(1), rs.getInt(2));
              }
            }
          }
        }
        assertThat(rates.peaks()).as("commit %d", commit).isEqualTo(peaks);
        assertThat(rates.botLike(minPeak, fence)).as("commit %d", commit).isEqualTo(bots);
        flaggedSomewhere += bots.size();
      }
      try (ResultSet rs =
          st.executeQuery(
              "SELECT count(*) FROM (SELECT DISTINCT user_id, date_trunc('minute', ts) FROM ev)")) {
        rs.next();
        assertThat(rates.pairs()).isEqualTo(rs.getInt(1));
      }
    }
    assertThat(flaggedSomewhere).as("the data must flag some users").isPositive();
  }

  private static Event view(String user, long ts) {
    return new Event(
        "e",
        user,
        Instant.ofEpochMilli(ts),
        EventType.VIEW,
        "i",
        null,
        user + ":1",
        null,
        1,
        null,
        null,
        null,
        null);
  }
}
