package org.shopcast.data.store;

import java.math.BigInteger;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The one derivation of stored event ids, shared by the file importer and the server's ingestion so
 * that an event gets the same id whichever way it arrives.
 *
 * <p>An id is a 128-bit unsigned number ({@code UHUGEINT}, 16 bytes, no string heap): DuckDB's
 * {@code md5_number} of the source's own id text when it has one (Segment {@code messageId}, a
 * mapped {@code event_id} column), else of the event's canonical content, the {@link #FIELDS}
 * joined by U+001F with NULLs left out ({@code concat_ws}) and the time as epoch milliseconds. MD5
 * rather than DuckDB's {@code hash()} because stored ids must not change with the DuckDB version.
 * {@code md5_number} reads the 16 digest bytes as a little-endian number, so the id's bytes are the
 * byte-reversed MD5 digest. In Java an id travels as its decimal text (what JDBC's {@code
 * getString} returns); {@link #lower} and {@link #upper} split it for DuckDB's appender.
 */
public final class EventKeys {
  /** SQL type of {@code events.event_id} and {@code event_flags.event_id}. */
  public static final String SQL_TYPE = "UHUGEINT";

  /**
   * Canonical fields a content id hashes, in order; changing the list or the order changes every
   * derived id (re-importing a file would then add its rows again).
   */
  public static final List<String> FIELDS =
      List.of(
          "user_id",
          "ts",
          "type",
          "item_id",
          "category_id",
          "session_id",
          "order_id",
          "quantity",
          "price",
          "query",
          "channel");

  private static final BigInteger MASK_64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  private EventKeys() {}

  /**
   * The SQL expression of the content id.
   *
   * @param column the SQL expression of each canonical field (by name in {@link #FIELDS}); {@code
   *     ts} must be a {@code TIMESTAMP}
   */
  public static String contentSql(UnaryOperator<String> column) {
    StringBuilder content = new StringBuilder();
    for (String field : FIELDS) {
      content.append(content.length() == 0 ? "" : ", ");
      String expr = column.apply(field);
      content.append("ts".equals(field) ? "epoch_ms(" + expr + ")" : expr);
    }
    return "md5_number(concat_ws(chr(31), " + content + "))";
  }

  /**
   * The SQL expression of the id: from the source's id text when not NULL, else from the content.
   *
   * @param sourceId SQL expression of the source's id text ({@code VARCHAR}, may be NULL)
   * @param column as in {@link #contentSql}
   */
  public static String sql(String sourceId, UnaryOperator<String> column) {
    return "CASE WHEN ("
        + sourceId
        + ") IS NULL THEN "
        + contentSql(column)
        + " ELSE md5_number("
        + sourceId
        + ") END";
  }

  /** The low 64 bits of an id given as decimal text (for {@code DuckDBAppender.appendHugeInt}). */
  public static long lower(String id) {
    return new BigInteger(id).and(MASK_64).longValue();
  }

  /** The high 64 bits of an id given as decimal text. */
  public static long upper(String id) {
    return new BigInteger(id).shiftRight(64).longValue();
  }
}
