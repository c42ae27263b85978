package org.shopcast.data.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.ErrorCode;

/**
 * YOOCHOOSE clicks (RecSys Challenge 2015), in two layouts: the session-rec preparation (header
 * {@code SessionId ItemId Time}, tab-separated, Unix seconds with a fraction) and the challenge's
 * own {@code yoochoose-clicks.dat} ({@code SessionID,Timestamp,ItemID,Category}, no header,
 * ISO-8601 UTC times); {@code yoochoose-buys.dat} ({@code SessionID,Timestamp,ItemID,Price,
 * Quantity}, 0 meaning unknown) gives PURCHASE events. Clicks are VIEW events. Sessions come from
 * the source and are anonymous: the user is the session, {@code anon:session:<SessionId>}.
 */
final class YoochooseSource {
  /** Start of the challenge data (April 2014). */
  static final Instant WINDOW_FROM = Instant.parse("2014-04-01T00:00:00Z");

  /** End (exclusive) of the challenge data (through September 2014). */
  static final Instant WINDOW_TO = Instant.parse("2014-10-01T00:00:00Z");

  private YoochooseSource() {}

  static SqlSource of(Path file, ImportOptions options) {
    FileHead head = FileHead.of(file);
    boolean hasHeader = head.firstLine().matches("(?i).*session.*");
    String session;
    String item;
    String time;
    String category = "NULL";
    String price = null;
    String quantity = null;
    int width;
    char delimiter;
    if (hasHeader) {
      delimiter = head.delimiter();
      List<String> header = head.header(delimiter);
      width = header.size();
      session = "c" + FileHead.column(file, header, "session_id", "SessionId", "session_id");
      item = "c" + FileHead.column(file, header, "item_id", "ItemId", "item_id");
      time = "c" + FileHead.column(file, header, "ts", "Time", "Timestamp");
      int categoryAt = FileHead.optionalColumn(header, "Category");
      category = categoryAt < 0 ? "NULL" : "c" + categoryAt;
    } else {
      delimiter = ',';
      width = head.header(',').size();
      if (width != 4 && width != 5) {
        throw new IllegalArgumentException(
            "yoochoose: "
                + file
                + " has "
                + width
                + " columns on line 1; expected the session-rec header (SessionId, ItemId,"
                + " Time), clicks (4 columns) or buys (5 columns)");
      }
      session = "c0";
      time = "c1";
      item = "c2";
      if (width == 4) {
        category = "c3";
      } else {
        price = "c3";
        quantity = "c4";
      }
    }
    String reader =
        SqlSource.readCsv(
            file.toString(),
            FileHead.varcharColumns(width),
            hasHeader,
            String.valueOf(delimiter),
            "quote='\"'");
    String ts =
        "coalesce("
            + Times.epochSecondsFraction(time)
            + ", timezone('UTC', TRY_CAST(trim("
            + time
            + ") AS TIMESTAMPTZ)))";
    Map<String, String> columns =
        new java.util.HashMap<>(
            Map.of(
                "user_id",
                "'anon:session:' || " + Sql.text(session),
                "session_id",
                Sql.text(session),
                "item_id",
                Sql.text(item),
                "category_id",
                "CASE WHEN trim("
                    + category
                    + ") = '0' THEN NULL ELSE "
                    + Sql.text(category)
                    + " END",
                "type",
                price == null ? "'VIEW'" : "'PURCHASE'",
                "ts",
                ts));
    List<Check> checks =
        new java.util.ArrayList<>(
            List.of(
                Check.required("session_id", session),
                Check.required("item_id", item),
                Times.parsed("Unix seconds or an ISO-8601 time", time),
                Times.range(options, WINDOW_FROM, WINDOW_TO, time)));
    if (price != null) {
      // buys.dat writes 0 for an unknown price and quantity
      columns.put("price", "nullif(TRY_CAST(trim(" + price + ") AS DECIMAL(18, 4)), 0)");
      columns.put(
          "quantity",
          "CASE WHEN trim("
              + quantity
              + ") = '0' THEN 1 ELSE TRY_CAST(trim("
              + quantity
              + ") AS INTEGER) END");
      checks.add(
          new Check("quantity IS NULL", ErrorCode.BadNumber, "quantity", "an integer", quantity));
      checks.add(
          new Check(
              "TRY_CAST(trim(" + price + ") AS DOUBLE) IS NULL",
              ErrorCode.BadNumber,
              "price",
              "a decimal",
              price));
      checks.add(
          new Check(
              "quantity <= 0",
              ErrorCode.NonPositiveQuantity,
              "quantity",
              "a positive Quantity",
              quantity));
    }
    return new SqlSource(reader, hasHeader ? 1 : 0, columns, checks, false, null, head.charset());
  }
}
