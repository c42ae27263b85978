package org.shopcast.data.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.shopcast.core.error.ErrorCode;

/**
 * The generic {@code csv} and {@code jsonl} formats: any file whose columns (or JSON fields) a
 * {@link GenericMapping} maps onto the event contract. CSV: the first line is the header, the
 * delimiter is the one of {@code , ; TAB |} most frequent in it, quotes are {@code "}; columns not
 * mapped are kept in the event properties. JSON lines: one object per line; fields not mapped are
 * kept in the properties; a line that is not a JSON object is rejected as BadJson. Local times are
 * in {@code --tz} (UTC by default).
 */
final class GenericSource {
  private GenericSource() {}

  static SqlSource csv(Path file, ImportOptions options) {
    GenericMapping mapping = GenericMapping.parse(options.mapping(), options.types());
    FileHead head = FileHead.of(file);
    char delimiter = head.delimiter();
    List<String> header = head.header(delimiter);
    Map<String, String> raw = new HashMap<>();
    mapping
        .columns()
        .forEach((field, column) -> raw.put(field, "c" + headerIndex(file, header, field, column)));
    StringBuilder rest = new StringBuilder();
    for (int i = 0; i < header.size(); i++) {
      if (!raw.containsValue("c" + i)) {
        rest.append(rest.length() == 0 ? "" : ", ")
            .append(Sql.literal(header.get(i)))
            .append(", ")
            .append(Sql.text("c" + i));
      }
    }
    String properties = rest.length() == 0 ? "NULL" : "json_object(" + rest + ")::VARCHAR";
    String reader =
        SqlSource.readCsv(
            file.toString(),
            FileHead.varcharColumns(header.size()),
            true,
            String.valueOf(delimiter),
            "quote='\"', escape='\"', encoding=" + Sql.literal(head.duckdbEncoding()));
    return build(mapping, raw::get, properties, List.of(), options, reader, 1, false, null, head);
  }

  static SqlSource jsonl(Path file, ImportOptions options) {
    GenericMapping mapping = GenericMapping.parse(options.mapping(), options.types());
    FileHead head = FileHead.of(file);
    String valid = "CASE WHEN json_valid(r_json) THEN json_type(r_json) END = 'OBJECT'";
    UnaryOperator<String> rawOf =
        field -> {
          String column = mapping.columns().get(field);
          return column == null
              ? null
              : "CASE WHEN json_valid(r_json) THEN json_extract_string(r_json, "
                  + Sql.literal(jsonPath(column))
                  + ") END";
        };
    StringBuilder removed = new StringBuilder();
    for (String column : mapping.columns().values()) {
      if (!column.contains(".")) {
        removed
            .append(removed.length() == 0 ? "" : ", ")
            .append(Sql.literal(column))
            .append(", NULL");
      }
    }
    String rest =
        removed.length() == 0
            ? "r_json"
            : "json_merge_patch(r_json, json_object(" + removed + "))::VARCHAR";
    String properties = "CASE WHEN " + valid + " THEN nullif(" + rest + ", '{}') END";
    Check badJson =
        new Check(
            "NOT coalesce(" + valid + ", false)",
            ErrorCode.BadJson,
            "json",
            "a JSON object",
            "r_json");
    String reader =
        SqlSource.readCsv(
            file.toString(), "{'r_json': 'VARCHAR'}", false, "\u0001", "quote='', escape=''");
    return build(
        mapping,
        rawOf::apply,
        properties,
        List.of(badJson),
        options,
        reader,
        0,
        true,
        "r_json",
        head);
  }

  private static SqlSource build(
      GenericMapping mapping,
      java.util.function.Function<String, String> rawOf,
      String properties,
      List<Check> first,
      ImportOptions options,
      String reader,
      int headerLines,
      boolean blankLinesAreRows,
      String skipNullRowsOf,
      FileHead head) {
    Map<String, String> columns = new HashMap<>();
    List<Check> checks = new ArrayList<>(first);
    for (String field : mapping.columns().keySet()) {
      String raw = rawOf.apply(field);
      switch (field) {
        case "ts", "type", "quantity", "price" -> {}
        default -> columns.put(field, Sql.text(raw));
      }
    }
    String user = rawOf.apply("user_id");
    checks.add(Check.required("user_id", user));
    String ts = rawOf.apply("ts");
    columns.put("ts", mapping.tsSql(ts, Times.zone(options, GenericMapping.defaultZone())));
    checks.add(Times.parsed(mapping.tsExpected(), ts));
    checks.add(Times.range(options, Times.GENERIC_FROM, Times.GENERIC_TO, ts));
    String type = rawOf.apply("type");
    columns.put("type", mapping.typeSql(type));
    checks.add(
        new Check(
            "type IS NULL",
            ErrorCode.UnknownEventType,
            "type",
            mapping.typeExpected(),
            type == null ? "NULL" : type));
    String item = rawOf.apply("item_id");
    if (item != null) {
      checks.add(
          new Check(
              "item_id IS NULL AND type <> 'SEARCH'",
              ErrorCode.MissingField,
              "item_id",
              "a non-empty item_id (required for item events)",
              item));
    }
    String quantity = rawOf.apply("quantity");
    if (quantity != null) {
      columns.put(
          "quantity",
          "CASE WHEN "
              + Sql.text(quantity)
              + " IS NULL THEN 1 ELSE TRY_CAST(trim("
              + quantity
              + ") AS INTEGER) END");
      checks.add(
          new Check("quantity IS NULL", ErrorCode.BadNumber, "quantity", "an integer", quantity));
      checks.add(
          new Check(
              "quantity <= 0",
              ErrorCode.NonPositiveQuantity,
              "quantity",
              "a positive quantity",
              quantity));
    }
    String price = rawOf.apply("price");
    if (price != null) {
      columns.put("price", "TRY_CAST(trim(" + price + ") AS DECIMAL(18, 4))");
      checks.add(
          new Check(
              Sql.text(price) + " IS NOT NULL AND price IS NULL",
              ErrorCode.BadNumber,
              "price",
              "a decimal number",
              price));
      checks.add(
          new Check("price <= 0", ErrorCode.NonPositivePrice, "price", "a positive price", price));
    }
    columns.put("properties", properties);
    return new SqlSource(
        reader, headerLines, columns, checks, blankLinesAreRows, skipNullRowsOf, head.charset());
  }

  private static int headerIndex(Path file, List<String> header, String field, String column) {
    int exact = header.indexOf(column);
    if (exact >= 0) {
      return exact;
    }
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equalsIgnoreCase(column)) {
        return i;
      }
    }
    throw new IllegalArgumentException(
        "--map "
            + field
            + "="
            + column
            + ": "
            + file
            + " has no column '"
            + column
            + "' (header: "
            + String.join(", ", header)
            + ")");
  }

  /** A DuckDB JSON path for a dotted field name, each part quoted. */
  static String jsonPath(String dotted) {
    StringBuilder path = new StringBuilder("$");
    for (String part : dotted.split("\\.")) {
      path.append(".\"").append(part.replace("\"", "\\\"")).append('"');
    }
    return path.toString();
  }
}
