package org.shopcast.predict.registry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

/**
 * A fingerprint of the events a model was trained on: SHA-256 over the event count, the first and
 * last timestamp and the XOR of DuckDB's hash of every event's (event_id, user_id, ts, type,
 * quantity, price), so it does not depend on row order and changes when any event is added, removed
 * or edited. Printed as {@code <events>:<first 16 hex digits>}.
 */
public final class Fingerprint {
  private Fingerprint() {}

  /** The fingerprint of the store's {@code events} table. */
  public static String of(Connection connection) {
    String sql =
        "SELECT count(*), CAST(min(ts) AS VARCHAR), CAST(max(ts) AS VARCHAR),"
            + " CAST(bit_xor(hash(event_id, user_id, ts, type, quantity, price)) AS VARCHAR)"
            + " FROM events";
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      String text =
          rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4);
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return rs.getLong(1) + ":" + HexFormat.of().formatHex(digest).substring(0, 16);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot fingerprint the events: " + e.getMessage(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
