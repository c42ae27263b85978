package org.shopcast.data.importer;

/** The temporary table every source writes its candidate rows to before landing. */
final class StageTable {
  static final String NAME = "shopcast_stage";

  /** Canonical columns in table order, with their SQL types. */
  static final String[][] COLUMNS = {
    {"event_id", "VARCHAR"},
    {"user_id", "VARCHAR"},
    {"ts", "TIMESTAMP"},
    {"type", "VARCHAR"},
    {"item_id", "VARCHAR"},
    {"category_id", "VARCHAR"},
    {"session_id", "VARCHAR"},
    {"order_id", "VARCHAR"},
    {"quantity", "INTEGER"},
    {"price", "DECIMAL(18, 4)"},
    {"query", "VARCHAR"},
    {"channel", "VARCHAR"},
    {"properties", "VARCHAR"},
  };

  /** Error and provenance columns after the canonical ones. */
  static final String[][] TRAILER = {
    {"err_code", "VARCHAR"},
    {"err_field", "VARCHAR"},
    {"err_expected", "VARCHAR"},
    {"err_found", "VARCHAR"},
    {"line", "BIGINT"},
    {"raw", "VARCHAR"},
  };

  private StageTable() {}

  /** DDL of the empty stage table (leading {@code ord} column, then canonical, then trailer). */
  static String createEmpty() {
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE TEMP TABLE " + NAME + " (ord BIGINT");
    for (String[] column : COLUMNS) {
      sql.append(", ").append(column[0]).append(' ').append(column[1]);
    }
    for (String[] column : TRAILER) {
      sql.append(", ").append(column[0]).append(' ').append(column[1]);
    }
    return sql.append(')').toString();
  }

  /** DDL filling the stage from a SQL source in one DuckDB query. */
  static String createFrom(SqlSource source) {
    return "CREATE OR REPLACE TEMP TABLE " + NAME + " AS\n" + selectFrom(source);
  }

  /**
   * The query behind {@link #createFrom}: every row with its ordinal, canonical columns and, for a
   * bad row, the first failing check's code, field, expected and found text.
   */
  static String selectFrom(SqlSource source) {
    // The raw columns ("*") stay visible so checks may test them (e.g. a number that does not
    // parse); sources name raw columns apart from the canonical ones (r_..., c0...).
    StringBuilder projected = new StringBuilder("*, ordinality AS ord");
    for (String[] column : COLUMNS) {
      String expr = source.columns().get(column[0]);
      if (expr == null) {
        expr = "quantity".equals(column[0]) ? "1" : "NULL";
      }
      projected
          .append(",\n  CAST((")
          .append(expr)
          .append(") AS ")
          .append(column[1])
          .append(") AS ")
          .append(column[0]);
    }
    for (int i = 0; i < source.checks().size(); i++) {
      projected.append(",\n  CAST((").append(source.checks().get(i).foundSql());
      projected.append(") AS VARCHAR) AS found_").append(i);
    }
    StringBuilder code = new StringBuilder("CASE");
    StringBuilder field = new StringBuilder("CASE");
    StringBuilder expected = new StringBuilder("CASE");
    StringBuilder found = new StringBuilder("CASE");
    for (int i = 0; i < source.checks().size(); i++) {
      Check check = source.checks().get(i);
      String when = " WHEN (" + check.failsWhen() + ") THEN ";
      code.append(when).append(Sql.literal(check.code().name()));
      field.append(when).append(Sql.literal(check.field()));
      expected.append(when).append(Sql.literal(check.expected()));
      found.append(when).append("found_").append(i);
    }
    String end = " ELSE NULL END";
    StringBuilder sql = new StringBuilder();
    sql.append("WITH p AS (SELECT ").append(projected);
    sql.append("\n FROM ").append(source.reader()).append(" WITH ORDINALITY");
    if (source.skipNullRowsOf() != null) {
      sql.append(" WHERE ").append(source.skipNullRowsOf()).append(" IS NOT NULL");
    }
    sql.append(")\n");
    sql.append("SELECT ord");
    for (String[] column : COLUMNS) {
      sql.append(", ").append(column[0]);
    }
    sql.append(",\n  ").append(code).append(end).append(" AS err_code");
    sql.append(",\n  ").append(field).append(end).append(" AS err_field");
    sql.append(",\n  ").append(expected).append(end).append(" AS err_expected");
    sql.append(",\n  ").append(found).append(end).append(" AS err_found");
    sql.append(",\n  CAST(NULL AS BIGINT) AS line, CAST(NULL AS VARCHAR) AS raw FROM p");
    return sql.toString();
  }
}
