package org.shopcast.data.importer;

/**
 * The lean first read of a {@link SqlSource}: canonical columns and the code of the first failing
 * check, nothing else (no ordinal, no error texts), so that a clean file is parsed once at close to
 * DuckDB's raw reading speed. When some rows fail, {@link Importer} reads the file a second time
 * with {@link StageTable#selectFrom} to give those rows their line, field, expected and found text.
 */
final class FastStage {
  private FastStage() {}

  /**
   * DDL filling {@link StageTable#NAME} with the canonical columns the source defines and err_code;
   * columns the source leaves out are constants that {@link Landing} fills in at the end, so that
   * they are not carried through its sorts.
   */
  static String createFrom(SqlSource source) {
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE TEMP TABLE " + StageTable.NAME);
    // Raw columns (r_..., c0...) stay visible to the checks; only canonical ones are kept.
    sql.append(" AS\nWITH p AS (SELECT *, CAST(NULL AS BIGINT) AS ord");
    for (String[] column : StageTable.COLUMNS) {
      String expr = source.columns().get(column[0]);
      if (expr == null) {
        expr = "quantity".equals(column[0]) ? "1" : "NULL";
      }
      sql.append(",\n  CAST((").append(expr).append(") AS ").append(column[1]);
      sql.append(") AS ").append(column[0]);
    }
    sql.append("\n FROM ").append(source.reader());
    if (source.columns().values().stream().anyMatch(expr -> expr.contains("ordinality"))) {
      // A source numbering repeated lines (CDNOW) needs the row ordinal even on the fast path.
      sql.append(" WITH ORDINALITY");
    }
    if (source.skipNullRowsOf() != null) {
      sql.append(" WHERE ").append(source.skipNullRowsOf()).append(" IS NOT NULL");
    }
    sql.append(")\nSELECT ");
    for (String[] column : StageTable.COLUMNS) {
      if (source.columns().containsKey(column[0])) {
        sql.append(column[0]).append(", ");
      }
    }
    sql.append("CASE");
    for (Check check : source.checks()) {
      sql.append(" WHEN (").append(check.failsWhen()).append(") THEN ");
      sql.append(Sql.literal(check.code().name()));
    }
    return sql.append(" ELSE NULL END AS err_code FROM p").toString();
  }
}
