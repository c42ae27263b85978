package org.shopcast.data.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * DIGINETICA item views (CIKM Cup 2016, {@code train-item-views.csv}): semicolon-separated, header
 * {@code session_id;user_id;item_id;timeframe;eventdate}. Each row is a VIEW at {@code eventdate}
 * (midnight in {@code --tz}, UTC by default) plus {@code timeframe} milliseconds; sessions come
 * from the source. Most sessions are anonymous ({@code user_id} {@code NA}): their user is the
 * session, {@code anon:session:<session_id>}.
 */
final class DigineticaSource {
  /** Start of the published data (2016-01-01). */
  static final Instant WINDOW_FROM = Instant.parse("2016-01-01T00:00:00Z");

  /** End (exclusive) of the published data (through June 2016). */
  static final Instant WINDOW_TO = Instant.parse("2016-07-01T00:00:00Z");

  private DigineticaSource() {}

  static SqlSource of(Path file, ImportOptions options) {
    FileHead head = FileHead.of(file);
    List<String> header = head.header(';');
    String session = "c" + FileHead.column(file, header, "session_id", "session_id", "sessionId");
    String user = "c" + FileHead.column(file, header, "user_id", "user_id", "userId");
    String item = "c" + FileHead.column(file, header, "item_id", "item_id", "itemId");
    String frame = "c" + FileHead.column(file, header, "ts", "timeframe");
    String date = "c" + FileHead.column(file, header, "ts", "eventdate");
    String reader =
        SqlSource.readCsv(
            file.toString(),
            FileHead.varcharColumns(header.size()),
            true,
            ";",
            "quote='\"', encoding=" + Sql.literal(head.duckdbEncoding()));
    String day =
        Times.localToUtc(
            "try_strptime(trim(" + date + "), '%Y-%m-%d')", Times.zone(options, ZoneOffset.UTC));
    String offset = "TRY_CAST(trim(" + frame + ") AS BIGINT)";
    String knownUser =
        "CASE WHEN upper(" + Sql.text(user) + ") = 'NA' THEN NULL ELSE " + Sql.text(user) + " END";
    Map<String, String> columns =
        Map.of(
            "user_id",
            "coalesce(" + knownUser + ", 'anon:session:' || " + Sql.text(session) + ")",
            "session_id",
            Sql.text(session),
            "item_id",
            Sql.text(item),
            "type",
            "'VIEW'",
            "ts",
            "CASE WHEN " + offset + " >= 0 THEN " + day + " + to_milliseconds(" + offset + ") END");
    String found = "coalesce(" + date + ", '') || ' + ' || coalesce(" + frame + ", '') || ' ms'";
    List<Check> checks =
        List.of(
            Check.required("session_id", session),
            Check.required("item_id", item),
            Times.parsed("eventdate YYYY-MM-DD and timeframe milliseconds >= 0", found),
            Times.range(options, WINDOW_FROM, WINDOW_TO, found));
    return new SqlSource(reader, 1, columns, checks, false, null, head.charset());
  }
}
