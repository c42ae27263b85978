package org.shopcast.data.importer;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;

/**
 * How to import one file.
 *
 * @param format the source format
 * @param zone the time zone of local times in the source; null means the format's default
 * @param validFrom earliest accepted event time; null means the format's default
 * @param validTo latest accepted event time (exclusive); null means the format's default
 * @param anonymousUsers import rows with no customer id under an anonymous user instead of
 *     rejecting them
 * @param strict refuse the whole import when any row is rejected
 * @param maxRejectRate refuse the whole import when more than this share of rows is rejected
 * @param sessionGap inactivity gap that starts a new session when the source has none
 * @param dropBots drop the events of users flagged as bots instead of only flagging them
 * @param mapping canonical field to source column, for {@code csv} and {@code jsonl}
 * @param types source behaviour value to canonical type name, for {@code csv} and {@code jsonl}
 */
public record ImportOptions(
    Format format,
    ZoneId zone,
    Instant validFrom,
    Instant validTo,
    boolean anonymousUsers,
    boolean strict,
    double maxRejectRate,
    Duration sessionGap,
    boolean dropBots,
    Map<String, String> mapping,
    Map<String, String> types) {

  /** The default session gap: 30 minutes of inactivity. */
  public static final Duration DEFAULT_SESSION_GAP = Duration.ofMinutes(30);

  /** Validates the settings. */
  public ImportOptions {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(sessionGap, "sessionGap");
    if (!(maxRejectRate >= 0 && maxRejectRate <= 1)) {
      throw new IllegalArgumentException("maxRejectRate must be in [0, 1], got " + maxRejectRate);
    }
    if (sessionGap.isNegative() || sessionGap.isZero()) {
      throw new IllegalArgumentException("sessionGap must be positive, got " + sessionGap);
    }
    if (validFrom != null && validTo != null && !validFrom.isBefore(validTo)) {
      throw new IllegalArgumentException(
          "validFrom must be before validTo, got " + validFrom + " and " + validTo);
    }
    mapping = Map.copyOf(mapping == null ? Map.of() : mapping);
    types = Map.copyOf(types == null ? Map.of() : types);
    if (!mapping.isEmpty() || !types.isEmpty()) {
      if (format != Format.CSV && format != Format.JSONL) {
        throw new IllegalArgumentException(
            "--map and --types apply to the csv and jsonl formats only, got format " + format);
      }
      GenericMapping.parse(mapping, types);
    }
  }

  /** Defaults for {@code format}: format time zone and range, half the rows may be rejected. */
  public static ImportOptions of(Format format) {
    return new ImportOptions(
        format,
        null,
        null,
        null,
        false,
        false,
        0.5,
        DEFAULT_SESSION_GAP,
        false,
        Map.of(),
        Map.of());
  }

  /** A copy with a different time zone. */
  public ImportOptions withZone(ZoneId newZone) {
    return new ImportOptions(
        format,
        newZone,
        validFrom,
        validTo,
        anonymousUsers,
        strict,
        maxRejectRate,
        sessionGap,
        dropBots,
        mapping,
        types);
  }

  /** A copy with {@code strict} set. */
  public ImportOptions withStrict(boolean newStrict) {
    return new ImportOptions(
        format,
        zone,
        validFrom,
        validTo,
        anonymousUsers,
        newStrict,
        maxRejectRate,
        sessionGap,
        dropBots,
        mapping,
        types);
  }

  /** A copy with anonymous users allowed or not. */
  public ImportOptions withAnonymousUsers(boolean allowed) {
    return new ImportOptions(
        format,
        zone,
        validFrom,
        validTo,
        allowed,
        strict,
        maxRejectRate,
        sessionGap,
        dropBots,
        mapping,
        types);
  }

  /** A copy with the accepted time range. */
  public ImportOptions withValidRange(Instant from, Instant to) {
    return new ImportOptions(
        format,
        zone,
        from,
        to,
        anonymousUsers,
        strict,
        maxRejectRate,
        sessionGap,
        dropBots,
        mapping,
        types);
  }

  /** A copy with a column mapping and type mapping (generic formats). */
  public ImportOptions withMapping(Map<String, String> newMapping, Map<String, String> newTypes) {
    return new ImportOptions(
        format,
        zone,
        validFrom,
        validTo,
        anonymousUsers,
        strict,
        maxRejectRate,
        sessionGap,
        dropBots,
        newMapping,
        newTypes);
  }

  /** A copy with a different reject threshold, session gap and bot policy. */
  public ImportOptions withPolicy(double newMaxRejectRate, Duration newGap, boolean newDropBots) {
    return new ImportOptions(
        format,
        zone,
        validFrom,
        validTo,
        anonymousUsers,
        strict,
        newMaxRejectRate,
        newGap,
        newDropBots,
        mapping,
        types);
  }
}
