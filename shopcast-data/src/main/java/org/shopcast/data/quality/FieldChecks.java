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
      return "CAST("
          + name
          + " AS VARCHAR) IS NOT NULL AND trim(CAST("
          + name
          + " AS VARCHAR)) <> ''";
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
            "user_id", "true", true, true, "user_id = trim(user_id)", "no surrounding blanks"),
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
            "type <> 'SEARCH'",
            true,
            true,
            "item_id = trim(item_id)",
            "no surrounding blanks"),
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

  /** Completeness and validity checks of every field. */
  static List<QualityCheck> run(Connection connection, Instant now) throws SQLException {
    List<Field> fields = fields(now);
    StringBuilder sql = new StringBuilder("SELECT ");
    for (Field f : fields) {
      String applies = "(" + f.applies() + ")";
      String present = applies + " AND " + f.present();
      sql.append("count(*) FILTER (WHERE ").append(applies).append("), ");
      sql.append("count(*) FILTER (WHERE ").append(present).append("), ");
      String invalid = f.rule() == null ? "false" : "NOT coalesce(" + f.rule() + ", false)";
      sql.append("count(*) FILTER (WHERE ").append(present).append(" AND ").append(invalid);
      sql.append("), ");
    }
    sql.setLength(sql.length() - 2);
    sql.append(" FROM events");
    double[] r = Queries.row(connection, sql.toString());
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
    String scope = "true".equals(f.applies()) ? "events" : "events where " + f.applies();
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
