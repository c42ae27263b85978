package org.shopcast.data.importer;

import java.time.Instant;

/** Small helpers to write SQL text safely. */
final class Sql {
  private Sql() {}

  /** A single-quoted SQL string literal. */
  static String literal(String text) {
    return "'" + text.replace("'", "''") + "'";
  }

  /** A TIMESTAMP literal for an instant (UTC). */
  static String timestamp(Instant instant) {
    return "epoch_ms(" + instant.toEpochMilli() + "::BIGINT)";
  }

  /** Unix seconds (integer text) as a TIMESTAMP, NULL when not a plausible integer. */
  static String epochSeconds(String column) {
    String number = "TRY_CAST(trim(" + column + ") AS BIGINT)";
    return "CASE WHEN abs(" + number + ") < 100000000000 THEN epoch_ms(" + number + " * 1000) END";
  }

  /** Trimmed text, NULL when empty. */
  static String text(String column) {
    return "nullif(trim(" + column + "), '')";
  }
}
