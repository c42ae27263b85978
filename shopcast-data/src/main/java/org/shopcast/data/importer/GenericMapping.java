package org.shopcast.data.importer;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.shopcast.core.event.EventType;
import org.shopcast.data.store.EventKeys;

/**
 * The column mapping of the generic {@code csv} and {@code jsonl} formats, checked all at once:
 * {@code --map user_id=visitorid,ts=timestamp:epoch_ms,type=event,item_id=itemid} names the source
 * column (a JSON path such as {@code product.id} for JSON lines) of each canonical field, with a
 * time parser after {@code ts} ({@code epoch_s}, {@code epoch_ms}, {@code iso} (the default) or a
 * strptime pattern such as {@code %d/%m/%Y %H:%M}); {@code --types view=VIEW,addtocart=CART_ADD}
 * maps source behaviour values to event types, {@code *=TYPE} giving the type of any other value
 * (or of every row when no type column is mapped). Without {@code --types} the type column must
 * hold event type names.
 *
 * @param columns canonical field to source column, in the order given
 * @param tsParser how {@code ts} is parsed
 * @param types source value to event type name (without the default)
 * @param defaultType event type name of other values, null when they are rejected
 */
record GenericMapping(
    Map<String, String> columns, String tsParser, Map<String, String> types, String defaultType) {

  /** Canonical fields a mapping may name: the event id and the fields a content id hashes. */
  static final List<String> FIELDS =
      Stream.concat(Stream.of("event_id"), EventKeys.FIELDS.stream()).toList();

  /** Named time parsers; anything containing {@code %} is a strptime pattern. */
  static final List<String> PARSERS = List.of("epoch_s", "epoch_ms", "iso");

  /**
   * Parses and checks a mapping, reporting every problem at once.
   *
   * @throws IllegalArgumentException naming each bad entry, what was expected and what was found
   */
  static GenericMapping parse(Map<String, String> mapping, Map<String, String> types) {
    StringBuilder problems = new StringBuilder();
    Map<String, String> columns = new LinkedHashMap<>();
    String parser = "iso";
    for (Map.Entry<String, String> entry : mapping.entrySet()) {
      String field = entry.getKey().trim().toLowerCase(Locale.ROOT);
      String column = entry.getValue() == null ? "" : entry.getValue().trim();
      if (!FIELDS.contains(field)) {
        problem(problems, "--map " + entry.getKey() + ": field must be one of " + FIELDS);
        continue;
      }
      if ("ts".equals(field) && column.contains(":")) {
        parser = column.substring(column.indexOf(':') + 1).trim();
        column = column.substring(0, column.indexOf(':')).trim();
        if (!PARSERS.contains(parser) && !parser.contains("%")) {
          problem(
              problems,
              "--map ts="
                  + entry.getValue()
                  + ": time parser must be epoch_s, epoch_ms, iso or a strptime pattern with %,"
                  + " got '"
                  + parser
                  + "'");
        } else if (parser.contains("%z") || parser.contains("%Z")) {
          problem(
              problems,
              "--map ts=" + entry.getValue() + ": use 'iso' for times with an offset, not %z");
        }
      }
      if (column.isEmpty()) {
        problem(problems, "--map " + entry.getKey() + ": column name must not be empty");
      }
      columns.put(field, column);
    }
    Map<String, String> typeMap = new LinkedHashMap<>();
    String defaultType = null;
    for (Map.Entry<String, String> entry : types.entrySet()) {
      String target = EventType.parse(entry.getValue()).map(Enum::name).orElse(null);
      if (target == null) {
        problem(
            problems,
            "--types "
                + entry.getKey()
                + "="
                + entry.getValue()
                + ": type must be one of "
                + Arrays.toString(EventType.values()));
      } else if ("*".equals(entry.getKey().trim())) {
        defaultType = target;
      } else {
        typeMap.put(entry.getKey().trim(), target);
      }
    }
    for (String required : List.of("user_id", "ts")) {
      if (!columns.containsKey(required)) {
        problem(problems, "--map must name the " + required + " column, e.g. " + example());
      }
    }
    if (!columns.containsKey("type") && defaultType == null) {
      problem(
          problems,
          "--map must name the type column (or --types must give every row's type with *=TYPE)");
    }
    if (problems.length() > 0) {
      throw new IllegalArgumentException(problems.toString());
    }
    return new GenericMapping(columns, parser, typeMap, defaultType);
  }

  private static void problem(StringBuilder problems, String message) {
    problems.append(problems.length() == 0 ? "" : "; ").append(message);
  }

  static String example() {
    return "--map user_id=visitorid,ts=timestamp:epoch_ms,type=event,item_id=itemid";
  }

  /** SQL for canonical {@code ts} from the raw text expression. */
  String tsSql(String raw, ZoneId zone) {
    String text = "trim(" + raw + ")";
    return switch (tsParser) {
      case "epoch_s" -> Times.epochSecondsFraction(raw);
      case "epoch_ms" -> Times.epochMillis(raw);
      case "iso" ->
          "CASE WHEN regexp_matches("
              + text
              + ", '(Z|[+-][0-9][0-9](:?[0-9][0-9])?)$') THEN timezone('UTC', TRY_CAST("
              + text
              + " AS TIMESTAMPTZ)) ELSE "
              + Times.localToUtc("TRY_CAST(" + text + " AS TIMESTAMP)", zone)
              + " END";
      default ->
          Times.localToUtc("try_strptime(" + text + ", " + Sql.literal(tsParser) + ")", zone);
    };
  }

  /** What a time should look like, in words. */
  String tsExpected() {
    return switch (tsParser) {
      case "epoch_s" -> "Unix epoch seconds";
      case "epoch_ms" -> "Unix epoch milliseconds";
      case "iso" -> "an ISO-8601 time";
      default -> "a time like '" + tsParser + "'";
    };
  }

  /** SQL for canonical {@code type} from the raw text expression (null when no type column). */
  String typeSql(String raw) {
    String other = defaultType == null ? "NULL" : Sql.literal(defaultType);
    if (raw == null) {
      return other;
    }
    if (types.isEmpty()) {
      String normal = "replace(upper(trim(" + raw + ")), '-', '_')";
      String names =
          Arrays.stream(EventType.values())
              .map(t -> Sql.literal(t.name()))
              .collect(Collectors.joining(", "));
      return "CASE WHEN "
          + normal
          + " IN ("
          + names
          + ") THEN "
          + normal
          + " ELSE "
          + other
          + " END";
    }
    StringBuilder sql = new StringBuilder("CASE trim(" + raw + ")");
    types.forEach(
        (value, type) ->
            sql.append(" WHEN ")
                .append(Sql.literal(value))
                .append(" THEN ")
                .append(Sql.literal(type)));
    return sql.append(" ELSE ").append(other).append(" END").toString();
  }

  /** What a type value should be, in words. */
  String typeExpected() {
    return types.isEmpty()
        ? "an event type name (" + Arrays.toString(EventType.values()) + ") or a --types mapping"
        : "one of " + types.keySet() + " (from --types)";
  }

  /** The default zone of local times in generic sources: UTC. */
  static ZoneId defaultZone() {
    return ZoneOffset.UTC;
  }
}
