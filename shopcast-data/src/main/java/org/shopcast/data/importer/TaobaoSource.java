package org.shopcast.data.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.ErrorCode;

/**
 * Alibaba Taobao UserBehavior (Tianchi dataset 649): {@code user_id,item_id,category_id,
 * behavior,timestamp}, no header, behaviour {@code pv|cart|fav|buy}, Unix seconds. By default only
 * times inside the published collection window (2017-11-25 to 2017-12-03, China time) are accepted;
 * the raw data hold a few rows outside it.
 */
final class TaobaoSource {
  /** Start of the published window: 2017-11-25 00:00 China time. */
  static final Instant WINDOW_FROM = Instant.parse("2017-11-24T16:00:00Z");

  /** End (exclusive) of the published window: 2017-12-04 00:00 China time. */
  static final Instant WINDOW_TO = Instant.parse("2017-12-03T16:00:00Z");

  private TaobaoSource() {}

  static SqlSource of(Path file, ImportOptions options) {
    Instant from = options.validFrom() == null ? WINDOW_FROM : options.validFrom();
    Instant to = options.validTo() == null ? WINDOW_TO : options.validTo();
    String reader =
        SqlSource.readCsv(
            file.toString(),
            "{'r_user': 'VARCHAR', 'r_item': 'VARCHAR', 'r_category': 'VARCHAR',"
                + " 'r_behavior': 'VARCHAR', 'r_ts': 'VARCHAR'}",
            false,
            ",",
            "quote='\"'");
    Map<String, String> columns =
        Map.of(
            "user_id", Sql.text("r_user"),
            "item_id", Sql.text("r_item"),
            "category_id", Sql.text("r_category"),
            "type",
                "CASE trim(r_behavior) WHEN 'pv' THEN 'VIEW' WHEN 'cart' THEN 'CART_ADD' WHEN"
                    + " 'fav' THEN 'FAVORITE' WHEN 'buy' THEN 'PURCHASE' END",
            "ts", Sql.epochSeconds("r_ts"));
    List<Check> checks =
        List.of(
            Check.required("user_id", "r_user"),
            Check.required("item_id", "r_item"),
            new Check("ts IS NULL", ErrorCode.BadTimestamp, "ts", "Unix epoch seconds", "r_ts"),
            new Check(
                "ts < " + Sql.timestamp(from) + " OR ts >= " + Sql.timestamp(to),
                ErrorCode.TimestampOutOfRange,
                "ts",
                "a time from " + from + " to before " + to,
                "r_ts || ' (' || strftime(ts, '%Y-%m-%dT%H:%M:%SZ') || ')'"),
            new Check(
                "type IS NULL",
                ErrorCode.UnknownEventType,
                "behavior",
                "one of pv, cart, fav, buy",
                "r_behavior"));
    return SqlSource.of(reader, 0, columns, checks);
  }
}
