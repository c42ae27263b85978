package org.shopcast.data.quality;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.shopcast.core.event.EventType;

/**
 * Per-field completeness (share of applicable rows with a non-blank value) and validity (share of
 * present values that obey the field's rule), computed in one DuckDB scan of the events.
 */
final class FieldChecks {
  /** Weight of a required field's completeness check. */
  static final double REQUIRED_WEIGHT = 3;

  /** Weight of an optional field's completeness check. */
  static final double OPTIONAL_WEIGHT = 0.5;

  /** Weight of a validity check. */
  static final double VALIDITY_WEIGHT = 2;

  /** Required fields pass from this completeness. */
  static final double REQUIRED_PASS = 0.99;

  /** Required fields warn from this completeness (fail below). */
  static final double REQUIRED_WARN = 0.95;

  /** Optional fields filled on at least this share (or on none) pass; in between they warn. */
  static final double OPTIONAL_PASS = 0.95;

  /** Validity passes from this share of valid values. */
  static final double VALID_PASS = 0.999;

  /** Validity warns from this share (fail below). */
  static final double VALID_WARN = 0.99;

  /**
   * Where item_id is required: events of every type but SEARCH, from imports that record item ids
   * at all (order-level sources such as CDNOW have none, which is no defect of a row).
   */
  static final String ITEM_EVENTS_OF_ITEM_SOURCES =
      "type <> 'SEARCH' AND import_id IN (SELECT DISTINCT import_id FROM events WHERE item_id IS"
          + " NOT NULL)";

  /** Earliest plausible event time: before it a timestamp is invalid. */
  static final Instant EARLIEST = Instant.parse("1995-01-01T00:00:00Z");

  /**
   * One field of the event contract.
   *
   * @param name column name
   * @param applies SQL condition selecting the rows where the field is expected
   * @param required whether a missing value is an error
   * @param completeness whether completeness is measured (quantity has a column default)
   * @param rule SQL condition a present value must meet, or null for none
   * @param ruleText the rule in words
   */
  record Field(
      String name,
      String applies,
      boolean required,
      boolean completeness,
      String rule,
      String ruleText) {
    String present() {
      return switch (name) {
        case "ts", "quantity", "price" -> name + " IS NOT NULL";
        // trim only where the value starts with a space: trimming every value is slow
        default ->
            "CASE WHEN starts_with("
                + name
                + ", ' ') THEN trim("
                + name
                + ") <> '' ELSE "
                + name
                + " <> '' END";
      };
    }
  }

  /** The checked fields, in report order. */
  static List<Field> fields(Instant now) {
    String types =
        Arrays.stream(EventType.values())
            .map(t -> "'" + t.name() + "'")
            .collect(Collectors.joining(", "));
    String latest = now.plusSeconds(86_400).toString();
    return List.of(
        new Field(
            "user_id", "true", true, true, noSpaces("user_id"), "no leading or trailing space"),
        new Field(
            "ts",
            "true",
            true,
            true,
            "ts >= TIMESTAMP '"
                + EARLIEST.toString().replace("Z", "")
                + "' AND ts <= TIMESTAMP '"
                + latest.replace("Z", "")
                + "'",
            "between " + EARLIEST + " and one day after the report time"),
        new Field("type", "true", true, true, "type IN (" + types + ")", "a canonical event type"),
        new Field(
            "item_id",
            ITEM_EVENTS_OF_ITEM_SOURCES,
            true,
            true,
            noSpaces("item_id"),
            "no leading or trailing space"),
        new Field("category_id", "true", false, true, null, null),
        new Field("session_id", "true", false, true, null, null),
        new Field("order_id", "type IN ('PURCHASE', 'RETURN')", false, true, null, null),
        new Field("quantity", "true", true, false, "quantity > 0", "positive"),
        new Field("price", "type IN ('PURCHASE', 'RETURN')", false, true, "price > 0", "positive"),
        new Field("query", "type = 'SEARCH'", false, true, null, null),
        new Field("channel", "true", false, true, null, null),
        new Field("properties", "true", false, true, "json_valid(properties)", "valid JSON"));
  }

  private FieldChecks() {}

  private static String noSpaces(String column) {
    return "NOT starts_with(" + column + ", ' ') AND NOT ends_with(" + column + ", ' ')";
  }

  /** Completeness and validity checks of every field. */
  static List<QualityCheck> run(Connection connection, Instant now) throws SQLException {
    List<Field> fields = fields(now);
    // each row's flags are computed once in the inner query, then counted
    StringBuilder flags = new StringBuilder();
    StringBuilder counts = new StringBuilder();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      String valid = f.rule() == null ? "true" : "coalesce(" + f.rule() + ", false)";
      flags.append(
          String.format(
              java.util.Locale.ROOT,
              "(%s) AS a%d, coalesce(%s, false) AS p%d, %s AS v%d, ",
              f.applies(),
              i,
              f.present(),
              i,
              valid,
              i));
      counts.append(
          String.format(
              java.util.Locale.ROOT,
              "count(*) FILTER (WHERE a%d), count(*) FILTER (WHERE a%d AND p%d),"
                  + " count(*) FILTER (WHERE a%d AND p%d AND NOT v%d), ",
              i,
              i,
              i,
              i,
              i,
              i));
    }
    flags.setLength(flags.length() - 2);
    counts.setLength(counts.length() - 2);
    String sql = "SELECT " + counts + " FROM (SELECT " + flags + " FROM events)";
    double[] r = Queries.row(connection, sql);
    List<QualityCheck> completeness = new ArrayList<>();
    List<QualityCheck> validity = new ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      Field f = fields.get(i);
      double applicable = r[3 * i];
      double present = r[3 * i + 1];
      double invalid = r[3 * i + 2];
      if (f.completeness()) {
        completeness.add(completeness(f, applicable, present));
      }
      if (f.rule() != null) {
        validity.add(validity(f, present, invalid));
      }
    }
    completeness.addAll(validity);
    return completeness;
  }

  private static QualityCheck completeness(Field f, double applicable, double present) {
    String name = "completeness." + f.name();
    double share = Queries.share(present, applicable);
    String scope =
        f.applies().equals(ITEM_EVENTS_OF_ITEM_SOURCES)
            ? "non-SEARCH events of imports that record item ids"
            : "true".equals(f.applies()) ? "events" : "events where " + f.applies();
    if (Double.isNaN(share)) {
      return QualityCheck.of(name, CheckStatus.PASS, share, "no " + scope, weight(f));
    }
    String measured =
        String.format(
            java.util.Locale.ROOT, "%,.0f of %,.0f %s have a value", present, applicable, scope);
    if (f.required()) {
      return QualityCheck.of(
          name,
          CheckStatus.atLeast(share, REQUIRED_PASS, REQUIRED_WARN),
          share,
          measured + " (required: pass >= 99%, warn >= 95%)",
          weight(f));
    }
    CheckStatus status = share == 0 || share >= OPTIONAL_PASS ? CheckStatus.PASS : CheckStatus.WARN;
    String why = share == 0 ? "; not provided by the source" : "";
    return QualityCheck.of(
        name,
        status,
        share,
        measured + why + " (optional: warn when filled on some but under 95%)",
        weight(f));
  }

  private static QualityCheck validity(Field f, double present, double invalid) {
    String name = "validity." + f.name();
    double share = Queries.share(present - invalid, present);
    if (Double.isNaN(share)) {
      return QualityCheck.of(
          name, CheckStatus.PASS, share, "no values to validate", VALIDITY_WEIGHT);
    }
    return QualityCheck.of(
        name,
        CheckStatus.atLeast(share, VALID_PASS, VALID_WARN),
        share,
        String.format(
            java.util.Locale.ROOT,
            "%,.0f of %,.0f values pass the rule: %s (pass >= 99.9%%, warn >= 99%%)",
            present - invalid,
            present,
            f.ruleText()),
        VALIDITY_WEIGHT);
  }

  private static double weight(Field f) {
    return f.required() ? REQUIRED_WEIGHT : OPTIONAL_WEIGHT;
  }
}
