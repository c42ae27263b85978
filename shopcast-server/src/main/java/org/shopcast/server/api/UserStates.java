package org.shopcast.server.api;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@link UserState} from the store with a few indexed-by-filter queries. */
final class UserStates {
  private static final int RECENT = 20;

  private final Clock clock;
  private final Duration sessionGap;

  UserStates(Clock clock, Duration sessionGap) {
    this.clock = clock;
    this.sessionGap = sessionGap;
  }

  UserState load(Connection connection, String userId) throws SQLException {
    String traits = null;
    boolean known = false;
    try (PreparedStatement ps =
        connection.prepareStatement("SELECT attributes FROM users WHERE user_id = ?")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          known = true;
          traits = rs.getString(1);
        }
      }
    }
    List<UserState.RecentEvent> recent = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT event_id, epoch_ms(ts), type, item_id, quantity, price, query, session_id"
                + " FROM events WHERE user_id = ? ORDER BY ts DESC, event_id DESC LIMIT "
                + RECENT)) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          recent.add(
              new UserState.RecentEvent(
                  rs.getString(1),
                  Instant.ofEpochMilli(rs.getLong(2)),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getInt(5),
                  rs.getBigDecimal(6),
                  rs.getString(7),
                  rs.getString(8)));
        }
      }
    }
    if (!known && recent.isEmpty()) {
      return null;
    }
    Map<String, Long> counters = new LinkedHashMap<>();
    BigDecimal revenue = BigDecimal.ZERO;
    Instant first = null;
    Instant last = null;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT type, count(*), sum(CASE WHEN type = 'PURCHASE' THEN quantity * price WHEN"
                + " type = 'RETURN' THEN -quantity * price ELSE 0 END), epoch_ms(min(ts)),"
                + " epoch_ms(max(ts)) FROM events WHERE user_id = ? GROUP BY type ORDER BY type")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          counters.put(rs.getString(1), rs.getLong(2));
          BigDecimal part = rs.getBigDecimal(3);
          revenue = part == null ? revenue : revenue.add(part);
          Instant min = Instant.ofEpochMilli(rs.getLong(4));
          Instant max = Instant.ofEpochMilli(rs.getLong(5));
          first = first == null || min.isBefore(first) ? min : first;
          last = last == null || max.isAfter(last) ? max : last;
        }
      }
    }
    return new UserState(
        userId,
        traits,
        counters,
        revenue,
        first,
        last,
        session(connection, userId, recent),
        cart(connection, userId),
        recent);
  }

  private UserState.Session session(
      Connection connection, String userId, List<UserState.RecentEvent> recent)
      throws SQLException {
    if (recent.isEmpty()) {
      return null;
    }
    String sessionId = recent.get(0).sessionId();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT epoch_ms(min(ts)), epoch_ms(max(ts)), count(*) FROM events WHERE user_id = ?"
                + " AND session_id = ?")) {
      ps.setString(1, userId);
      ps.setString(2, sessionId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        Instant lastEvent = Instant.ofEpochMilli(rs.getLong(2));
        boolean active = !lastEvent.plus(sessionGap).isBefore(clock.instant());
        return new UserState.Session(
            sessionId, Instant.ofEpochMilli(rs.getLong(1)), lastEvent, rs.getLong(3), active);
      }
    }
  }

  /** Net cart quantity per item over the events after the item's last purchase. */
  private static List<UserState.CartLine> cart(Connection connection, String userId)
      throws SQLException {
    List<UserState.CartLine> lines = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "WITH u AS (SELECT * FROM events WHERE user_id = ? AND item_id IS NOT NULL AND type IN"
                + " ('CART_ADD', 'CART_REMOVE', 'PURCHASE')), b AS (SELECT item_id, max(ts) AS"
                + " bought FROM u WHERE type = 'PURCHASE' GROUP BY item_id) SELECT u.item_id,"
                + " sum(CASE WHEN type = 'CART_ADD' THEN quantity ELSE -quantity END),"
                + " arg_max(u.price, u.ts) FROM u LEFT JOIN b USING (item_id) WHERE u.type <>"
                + " 'PURCHASE' AND (b.bought IS NULL OR u.ts > b.bought) GROUP BY u.item_id"
                + " HAVING sum(CASE WHEN type = 'CART_ADD' THEN quantity ELSE -quantity END) > 0"
                + " ORDER BY u.item_id")) {
      ps.setString(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lines.add(new UserState.CartLine(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
        }
      }
    }
    return lines;
  }
}
