package org.shopcast.data.importer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.shopcast.core.error.ErrorCode;

/** SQL for source times: local times to UTC, and the accepted time range check. */
final class Times {
  /** Earliest time accepted by the generic formats unless {@code --valid-from} says otherwise. */
  static final Instant GENERIC_FROM = Instant.parse("1990-01-01T00:00:00Z");

  /** Generic formats accept times before this unless {@code --valid-to} says otherwise. */
  static final Instant GENERIC_TO = Instant.parse("2100-01-01T00:00:00Z");

  private Times() {}

  /** The time zone of local source times: the option, else the format's default. */
  static ZoneId zone(ImportOptions options, ZoneId formatDefault) {
    return options.zone() == null ? formatDefault : options.zone();
  }

  /**
   * SQL turning a local TIMESTAMP expression in {@code zone} into the UTC TIMESTAMP (DuckDB's ICU
   * time zone rules for region zones, plain arithmetic for fixed offsets).
   */
  static String localToUtc(String localTimestamp, ZoneId zone) {
    ZoneId normal = zone.normalized();
    if (normal instanceof ZoneOffset offset) {
      if (offset.getTotalSeconds() == 0) {
        return localTimestamp;
      }
      return "(" + localTimestamp + " - INTERVAL (" + offset.getTotalSeconds() + ") SECOND)";
    }
    return "timezone('UTC', timezone(" + Sql.literal(zone.getId()) + ", " + localTimestamp + "))";
  }

  /** Slack around a format's published window, so that any source time zone fits. */
  static final Duration ZONE_SLACK = Duration.ofDays(1);

  /**
   * The range check on canonical {@code ts}: times before {@code from} or at or after {@code to}
   * are rejected as out of range. The options' range applies when given; else the format's
   * published window widened by {@link #ZONE_SLACK} on both sides.
   */
  static Check range(ImportOptions options, Instant defaultFrom, Instant defaultTo, String raw) {
    Instant from =
        options.validFrom() == null ? defaultFrom.minus(ZONE_SLACK) : options.validFrom();
    Instant to = options.validTo() == null ? defaultTo.plus(ZONE_SLACK) : options.validTo();
    return new Check(
        "ts < " + Sql.timestamp(from) + " OR ts >= " + Sql.timestamp(to),
        ErrorCode.TimestampOutOfRange,
        "ts",
        "a time from " + from + " to before " + to,
        raw + " || ' (' || strftime(ts, '%Y-%m-%dT%H:%M:%SZ') || ')'");
  }

  /** The check for an unparseable time: canonical {@code ts} is NULL. */
  static Check parsed(String expected, String raw) {
    return new Check("ts IS NULL", ErrorCode.BadTimestamp, "ts", expected, raw);
  }

  /** Unix seconds with an optional fraction as a TIMESTAMP (ms precision), NULL when not one. */
  static String epochSecondsFraction(String column) {
    String number = "TRY_CAST(trim(" + column + ") AS DOUBLE)";
    return "CASE WHEN abs("
        + number
        + ") < 1e11 THEN epoch_ms(CAST(round("
        + number
        + " * 1000) AS BIGINT)) END";
  }

  /** Unix milliseconds (integer text) as a TIMESTAMP, NULL when not a plausible integer. */
  static String epochMillis(String column) {
    String number = "TRY_CAST(trim(" + column + ") AS BIGINT)";
    return "CASE WHEN abs(" + number + ") < 100000000000000 THEN epoch_ms(" + number + ") END";
  }
}
