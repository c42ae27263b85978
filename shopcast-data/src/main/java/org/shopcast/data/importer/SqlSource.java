package org.shopcast.data.importer;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A source read by DuckDB's own readers: a table expression yielding raw columns, the SQL that
 * turns them into canonical columns, and the checks in the order they are reported.
 *
 * @param reader table expression, e.g. {@code read_csv('f.csv', columns={...}, ...)}, that supports
 *     {@code WITH ORDINALITY}; it may use {@link #REJECTS_TABLE} and {@link #REJECTS_SCAN} as its
 *     {@code rejects_table} and {@code rejects_scan}
 * @param headerLines lines before the first data row
 * @param columns canonical column name to SQL over the raw columns; missing columns are NULL
 * @param checks validation rules, first failing one is reported
 * @param blankLinesAreRows whether the reader yields a row for a blank line (single-column readers
 *     do; multi-column ones skip blank lines)
 * @param skipNullRowsOf a raw column; rows where it is NULL are blank lines and dropped (null when
 *     no rows are dropped)
 * @param charset the file's character set, for showing raw text of rejected rows
 */
record SqlSource(
    String reader,
    int headerLines,
    Map<String, String> columns,
    List<Check> checks,
    boolean blankLinesAreRows,
    String skipNullRowsOf,
    Charset charset) {
  static final String REJECTS_TABLE = "shopcast_rejects";
  static final String REJECTS_SCAN = "shopcast_reject_scans";

  SqlSource {
    columns = Map.copyOf(columns);
    checks = List.copyOf(checks);
  }

  /** A multi-column UTF-8 source. */
  static SqlSource of(
      String reader, int headerLines, Map<String, String> columns, List<Check> checks) {
    return new SqlSource(reader, headerLines, columns, checks, false, null, StandardCharsets.UTF_8);
  }

  /** A {@code read_csv} call over all-VARCHAR columns that keeps malformed lines as rejects. */
  static String readCsv(
      String path, String columnsSpec, boolean header, String delim, String more) {
    return "read_csv("
        + Sql.literal(path)
        + ", columns="
        + columnsSpec
        + ", header="
        + header
        + ", delim="
        + Sql.literal(delim)
        + ", auto_detect=false, strict_mode=true, store_rejects=true, rejects_table='"
        + REJECTS_TABLE
        + "', rejects_scan='"
        + REJECTS_SCAN
        + "'"
        + (more.isEmpty() ? "" : ", " + more)
        + ")";
  }
}
