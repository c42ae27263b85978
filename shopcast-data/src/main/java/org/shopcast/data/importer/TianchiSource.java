package org.shopcast.data.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.ErrorCode;

/**
 * Alibaba Tianchi mobile recommendation (2014): header {@code user_id,item_id,behavior_type,
 * user_geohash,item_category,time}, behaviour {@code 1..4} = view, favourite, cart, purchase, time
 * {@code 2014-12-18 10} at hour grain in China time (or {@code --tz}). The user's geohash, when
 * present, is kept in the event's properties.
 */
final class TianchiSource {
  /** The source time zone unless {@code --tz} is given. */
  static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  /** Start of the published window: 2014-11-18 00:00 China time. */
  static final Instant WINDOW_FROM = Instant.parse("2014-11-17T16:00:00Z");

  /** End (exclusive) of the published window: 2014-12-19 00:00 China time. */
  static final Instant WINDOW_TO = Instant.parse("2014-12-18T16:00:00Z");

  private TianchiSource() {}

  static SqlSource of(Path file, ImportOptions options) {
    FileHead head = FileHead.of(file);
    List<String> header = head.header(',');
    String user = "c" + FileHead.column(file, header, "user_id", "user_id");
    String item = "c" + FileHead.column(file, header, "item_id", "item_id");
    String behavior = "c" + FileHead.column(file, header, "type", "behavior_type");
    String category = "c" + FileHead.column(file, header, "category_id", "item_category");
    String time = "c" + FileHead.column(file, header, "ts", "time");
    int geohashAt = FileHead.optionalColumn(header, "user_geohash");
    String reader =
        SqlSource.readCsv(
            file.toString(),
            FileHead.varcharColumns(header.size()),
            true,
            ",",
            "quote='\"', encoding=" + Sql.literal(head.duckdbEncoding()));
    String local = "try_strptime(trim(" + time + "), '%Y-%m-%d %H')";
    String geohash = geohashAt < 0 ? "NULL" : Sql.text("c" + geohashAt);
    // the geohash tells otherwise equal rows apart, so it is part of the event id
    String eventId =
        "md5(concat_ws(chr(31), 'tianchi', "
            + String.join(", ", Sql.text(user), Sql.text(item), "trim(" + behavior + ")", geohash)
            + ", "
            + Sql.text(category)
            + ", trim("
            + time
            + ")))";
    Map<String, String> columns =
        Map.of(
            "event_id", eventId,
            "user_id", Sql.text(user),
            "item_id", Sql.text(item),
            "category_id", Sql.text(category),
            "type",
                "CASE trim("
                    + behavior
                    + ") WHEN '1' THEN 'VIEW' WHEN '2' THEN 'FAVORITE' WHEN '3'"
                    + " THEN 'CART_ADD' WHEN '4' THEN 'PURCHASE' END",
            "ts", Times.localToUtc(local, Times.zone(options, CHINA)),
            "properties",
                "CASE WHEN "
                    + geohash
                    + " IS NOT NULL THEN json_object('user_geohash', "
                    + geohash
                    + ")::VARCHAR END");
    List<Check> checks =
        List.of(
            Check.required("user_id", user),
            Check.required("item_id", item),
            Times.parsed("a local time 'YYYY-MM-DD HH'", time),
            Times.range(options, WINDOW_FROM, WINDOW_TO, time),
            new Check(
                "type IS NULL",
                ErrorCode.UnknownEventType,
                "behavior_type",
                "one of 1 (view), 2 (favourite), 3 (cart), 4 (purchase)",
                behavior));
    return new SqlSource(reader, 1, columns, checks, false, null, head.charset());
  }
}
