package org.shopcast.server.triggers;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.shopcast.core.event.Event;

/**
 * The outbox table {@value #TABLE} in the store: one row per match, written in the same transaction
 * as the events (event rules) or by the timer (absence rules), then updated by the dispatcher.
 * Statuses: {@code pending} (waiting for its next attempt at {@code next_attempt_at}), {@code
 * delivered} (a 2xx answer), {@code dead} (max attempts used). The delivery id is the MD5 of the
 * rule name and the matched event id, so a match is written once.
 */
public final class Outbox {
  /** The table. */
  public static final String TABLE = "trigger_outbox";

  private static final String COLUMNS =
      "delivery_id, rule, kind, user_id, event_id, event_type, event_ts, item_id, price, quantity,"
          + " created_at, status, attempts, next_attempt_at";

  private Outbox() {}

  /** Creates the table when absent. */
  public static void create(Connection connection) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (delivery_id VARCHAR, rule VARCHAR, kind VARCHAR, user_id VARCHAR, event_id"
              + " VARCHAR, event_type VARCHAR, event_ts TIMESTAMP, item_id VARCHAR, price"
              + " DECIMAL(18, 4), quantity INTEGER, created_at TIMESTAMP, status VARCHAR, attempts"
              + " INTEGER, next_attempt_at TIMESTAMP, last_attempt_at TIMESTAMP, last_error"
              + " VARCHAR, delivered_at TIMESTAMP)");
      // score rules' matches carry the score (added after the first release of the table)
      st.execute("ALTER TABLE " + TABLE + " ADD COLUMN IF NOT EXISTS score DOUBLE");
    }
  }

  /**
   * Writes a score rule's match of {@code user} (whose latest committed event is {@code latest}) at
   * {@code now}, unless the rule matched the user within its cooldown.
   *
   * @return rows written (0 or 1)
   */
  static int matchScore(
      Connection connection, TriggerRule rule, Event latest, double score, Instant now)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " ("
                + COLUMNS
                + ", score) SELECT md5(concat_ws(chr(31), ?, ?)), ?, 'score', ?, ?, ?,"
                + " make_timestamp(?), ?, ?, ?, make_timestamp(?), 'pending', 0,"
                + " make_timestamp(?), ? WHERE NOT EXISTS (SELECT 1 FROM "
                + TABLE
                + " WHERE rule = ? AND user_id = ? AND created_at > make_timestamp(?))")) {
      int i = bindMatch(ps, rule, latest, now);
      ps.setDouble(++i, score);
      ps.setString(++i, rule.name());
      ps.setString(++i, latest.userId());
      ps.setLong(++i, micros(now.minus(rule.cooldown())));
      return ps.executeUpdate();
    }
  }

  private static String deliveryId(String ruleParam) {
    return "md5(concat_ws(chr(31), " + ruleParam + ", e.event_id))";
  }

  /** Whether {@code event} matches event rule {@code rule}. */
  static boolean matches(TriggerRule rule, Event event) {
    return event.type().name().equals(rule.when())
        && (rule.minPrice() == null
            || (event.price() != null && event.price().compareTo(rule.minPrice()) >= 0));
  }

  /**
   * Binds the first twelve parameters every outbox insert shares: the delivery id's parts, the
   * rule, the event's fields and the creation and first-attempt times.
   *
   * @return the index of the last parameter bound
   */
  private static int bindMatch(PreparedStatement ps, TriggerRule rule, Event e, Instant now)
      throws SQLException {
    int i = 0;
    ps.setString(++i, rule.name());
    ps.setString(++i, e.eventId());
    ps.setString(++i, rule.name());
    ps.setString(++i, e.userId());
    ps.setString(++i, e.eventId());
    ps.setString(++i, e.type().name());
    ps.setLong(++i, micros(e.ts()));
    ps.setString(++i, e.itemId());
    if (e.price() == null) {
      ps.setNull(++i, Types.DECIMAL);
    } else {
      ps.setBigDecimal(++i, e.price());
    }
    ps.setInt(++i, e.quantity());
    ps.setLong(++i, micros(now));
    ps.setLong(++i, micros(now));
    return i;
  }

  /**
   * Writes the matches of the event rules among {@code added} (the events this transaction adds);
   * the caller owns the transaction.
   *
   * @return rows written
   */
  static int matchEvents(
      Connection connection, List<Event> added, List<TriggerRule> rules, Instant now)
      throws SQLException {
    int written = 0;
    try (PreparedStatement ps =
        connection.prepareStatement(
            "INSERT INTO "
                + TABLE
                + " ("
                + COLUMNS
                + ") VALUES (md5(concat_ws(chr(31), ?, ?)), ?, 'event', ?, ?, ?,"
                + " make_timestamp(?), ?, ?, ?, make_timestamp(?), 'pending', 0,"
                + " make_timestamp(?))")) {
      for (Event e : added) {
        for (TriggerRule rule : rules) {
          if (!matches(rule, e)) {
            continue;
          }
          bindMatch(ps, rule, e, now);
          written += ps.executeUpdate();
        }
      }
    }
    return written;
  }

  /**
   * Writes the matches of an absence rule whose waiting time has passed at {@code now}: events of
   * type {@code when} received over HTTP, not older than the lookback, with no {@code unless} event
   * of the same user from the event to {@code within} after it, not yet in the outbox.
   *
   * @return rows written
   */
  static int matchAbsences(Connection connection, TriggerRule rule, Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO "
            + TABLE
            + " ("
            + COLUMNS
            + ") SELECT "
            + deliveryId("?")
            + " AS delivery_id, ?, 'absence', e.user_id, e.event_id, e.type, e.ts, e.item_id,"
            + " e.price, e.quantity, make_timestamp(?), 'pending', 0, make_timestamp(?) FROM events"
            + " e WHERE e.type = ? AND e.ts >= make_timestamp(?) AND e.ts <= make_timestamp(?)"
            + (rule.minPrice() == null ? "" : " AND e.price >= ?")
            + " AND e.import_id IN (SELECT import_id FROM imports WHERE source = 'http')"
            + " AND NOT EXISTS (SELECT 1 FROM events b WHERE b.user_id = e.user_id AND b.type = ?"
            + " AND b.ts >= e.ts AND b.ts <= e.ts + to_microseconds(?))"
            + " AND "
            + deliveryId("?")
            + " NOT IN (SELECT delivery_id FROM "
            + TABLE
            + " WHERE rule = ?)";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      long withinMicros = rule.within().toNanos() / 1000;
      int i = 0;
      ps.setString(++i, rule.name());
      ps.setString(++i, rule.name());
      ps.setLong(++i, micros(now));
      ps.setLong(++i, micros(now));
      ps.setString(++i, rule.when());
      ps.setLong(++i, micros(now.minus(rule.lookback())));
      ps.setLong(++i, micros(now) - withinMicros);
      if (rule.minPrice() != null) {
        ps.setBigDecimal(++i, rule.minPrice());
      }
      ps.setString(++i, rule.unless());
      ps.setLong(++i, withinMicros);
      ps.setString(++i, rule.name());
      ps.setString(++i, rule.name());
      return ps.executeUpdate();
    }
  }

  /** One delivery to attempt. */
  record Due(
      String deliveryId,
      String rule,
      String kind,
      String userId,
      String eventId,
      String eventType,
      Instant eventTs,
      String itemId,
      BigDecimal price,
      int quantity,
      Instant createdAt,
      int attempts,
      Double score) {}

  /** Up to {@code limit} pending deliveries due at {@code now}, oldest first. */
  static List<Due> due(Connection connection, Instant now, int limit) throws SQLException {
    List<Due> out = new ArrayList<>();
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT delivery_id, rule, kind, user_id, event_id, event_type, epoch_ms(event_ts),"
                + " item_id, price, quantity, epoch_ms(created_at), attempts, score FROM "
                + TABLE
                + " WHERE status = 'pending' AND next_attempt_at <= make_timestamp(?) ORDER BY"
                + " next_attempt_at, delivery_id LIMIT ?")) {
      ps.setLong(1, micros(now));
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Due(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  rs.getString(6),
                  Instant.ofEpochMilli(rs.getLong(7)),
                  rs.getString(8),
                  rs.getBigDecimal(9),
                  rs.getInt(10),
                  Instant.ofEpochMilli(rs.getLong(11)),
                  rs.getInt(12),
                  rs.getObject(13) == null ? null : rs.getDouble(13)));
        }
      }
    }
    return out;
  }

  /**
   * Records one attempt: {@code status} delivered, pending (with the next attempt time) or dead;
   * {@code error} null keeps the last failure's message.
   */
  static void attempted(
      Connection connection,
      String deliveryId,
      String status,
      int attempts,
      Instant now,
      Instant next,
      String error)
      throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "UPDATE "
                + TABLE
                + " SET status = ?, attempts = ?, last_attempt_at = make_timestamp(?),"
                + " next_attempt_at = make_timestamp(?), last_error = coalesce(?, last_error), delivered_at = CASE WHEN"
                + " ? = 'delivered' THEN make_timestamp(?) ELSE NULL END WHERE delivery_id = ?")) {
      ps.setString(1, status);
      ps.setInt(2, attempts);
      ps.setLong(3, micros(now));
      ps.setLong(4, micros(next));
      ps.setString(5, error);
      ps.setString(6, status);
      ps.setLong(7, micros(now));
      ps.setString(8, deliveryId);
      ps.executeUpdate();
    }
  }

  static long micros(Instant instant) {
    return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1000;
  }
}
