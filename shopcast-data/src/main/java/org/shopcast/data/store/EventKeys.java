package org.shopcast.data.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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

  /**
   * The id of an event sent with its own id text, computed in Java: {@code md5_number} of the text
   * (the MD5 of its UTF-8 bytes read as a little-endian 128-bit number) as decimal text, the value
   * {@link #sql} gives in DuckDB for a non-NULL source id (a test compares both). Lets the server
   * derive such ids without a round trip through a temp table.
   */
  public static String ofSourceId(String sourceId) {
    long[] bits = sourceIdBits(sourceId);
    return decimal(bits[0], bits[1]);
  }

  /**
   * The id {@link #ofSourceId} gives, as its low and high 64 bits ({@code [lower, upper]}, what
   * {@code DuckDBAppender.appendHugeInt} takes), without a decimal round trip: the MD5 digest's
   * bytes 0-7 and 8-15 read little-endian.
   */
  public static long[] sourceIdBits(String sourceId) {
    byte[] digest = MD5.get().digest(sourceId.getBytes(StandardCharsets.UTF_8));
    return new long[] {littleEndian(digest, 0), littleEndian(digest, 8)};
  }

  private static long littleEndian(byte[] bytes, int from) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (bytes[from + i] & 0xFFL);
    }
    return v;
  }

  /**
   * The decimal text of the unsigned 128-bit id {@code upper * 2^64 + lower} (as JDBC's {@code
   * getString} prints a {@code UHUGEINT}), by repeated division of its four 32-bit limbs by 10^9.
   */
  public static String decimal(long lower, long upper) {
    if (upper == 0 && lower >= 0) {
      return Long.toString(lower);
    }
    long[] limbs = {upper >>> 32, upper & 0xFFFFFFFFL, lower >>> 32, lower & 0xFFFFFFFFL};
    byte[] out = new byte[40];
    int at = out.length;
    while (true) {
      long rem = 0;
      boolean rest = false;
      for (int i = 0; i < 4; i++) {
        long cur = (rem << 32) | limbs[i];
        limbs[i] = cur / 1_000_000_000L;
        rem = cur % 1_000_000_000L;
        rest |= limbs[i] != 0;
      }
      if (!rest) {
        do {
          out[--at] = (byte) ('0' + rem % 10);
          rem /= 10;
        } while (rem != 0);
        return new String(out, at, out.length - at, StandardCharsets.ISO_8859_1);
      }
      for (int d = 0; d < 9; d++) {
        out[--at] = (byte) ('0' + rem % 10);
        rem /= 10;
      }
    }
  }

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("MD5 is required of every Java platform", e);
            }
          });

  /** The low 64 bits of an id given as decimal text (for {@code DuckDBAppender.appendHugeInt}). */
  public static long lower(String id) {
    return parse(id)[0];
  }

  /** The high 64 bits of an id given as decimal text. */
  public static long upper(String id) {
    return parse(id)[1];
  }

  /**
   * An unsigned 128-bit id given as decimal text, as {@code [lower, upper]} (modulo 2^128).
   *
   * @throws NumberFormatException when the text is not decimal digits
   */
  public static long[] parse(String id) {
    if (id.isEmpty()) {
      throw new NumberFormatException("an event id must be decimal digits, got ''");
    }
    long lower = 0;
    long upper = 0;
    for (int i = 0; i < id.length(); i++) {
      int digit = id.charAt(i) - '0';
      if (digit < 0 || digit > 9) {
        throw new NumberFormatException("an event id must be decimal digits, got '" + id + "'");
      }
      // (upper, lower) * 10 + digit, the high word of lower * 10 taken unsigned
      long carry = Math.multiplyHigh(lower, 10) + ((lower >> 63) & 10);
      long low = lower * 10;
      long sum = low + digit;
      if (Long.compareUnsigned(sum, low) < 0) {
        carry++;
      }
      upper = upper * 10 + carry;
      lower = sum;
    }
    return new long[] {lower, upper};
  }
}
