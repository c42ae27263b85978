package org.shopcast.data.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.ErrorCode;

/**
 * CDNOW purchases (Fader, Hardie and Lee 2005), whitespace-separated: the master layout {@code
 * customer_id date number_of_cds dollar_value} (with a header line) or the sample layout {@code
 * master_id sample_id date number_of_cds dollar_value} (no header). Each line is a PURCHASE on
 * {@code yyyymmdd} (midnight in {@code --tz}, UTC by default) of {@code number_of_cds} units at the
 * unit price {@code dollar_value / number_of_cds}; the exact amount is kept in the properties, the
 * sample id in the user's attributes. The user is the master id in both layouts, so the sample and
 * the master file land on the same users and events.
 *
 * <p>Identical lines are separate purchases here (the master file has 215 such repeats, counted as
 * transactions in the literature), so the event id counts the repeats instead of merging them. Zero
 * amounts are kept (free CDs); negative amounts are rejected.
 */
final class CdnowSource {
  /** Start of the data: the cohort's first purchases in January 1997. */
  static final Instant WINDOW_FROM = Instant.parse("1997-01-01T00:00:00Z");

  /** End (exclusive) of the data: the day after 1998-06-30. */
  static final Instant WINDOW_TO = Instant.parse("1998-07-01T00:00:00Z");

  private CdnowSource() {}

  static SqlSource of(Path file, ImportOptions options) {
    FileHead head = FileHead.of(file);
    int headerLines = head.firstLine().matches("(?i).*[a-z].*") ? 1 : 0;
    String reader =
        SqlSource.readCsv(
            file.toString(),
            "{'r_line': 'VARCHAR'}",
            headerLines == 1,
            "\u0001",
            "quote='', escape=''");
    String parts = "regexp_split_to_array(trim(r_line, ' \t\r'), '\\s+')";
    String n = "len(" + parts + ")";
    String user = "CASE WHEN " + n + " IN (4, 5) THEN " + parts + "[1] END";
    String date = "CASE " + n + " WHEN 4 THEN " + parts + "[2] WHEN 5 THEN " + parts + "[3] END";
    String cds = parts + "[" + n + " - 1]";
    String amount = "TRY_CAST(" + parts + "[" + n + "] AS DECIMAL(18, 4))";
    String quantity = "TRY_CAST(" + cds + " AS INTEGER)";
    String key = "concat_ws(' ', " + user + ", " + date + ", " + cds + ", " + amount + ")";
    Map<String, String> columns =
        Map.of(
            "event_id",
            "md5('cdnow' || chr(31) || "
                + key
                + " || chr(31) || row_number() OVER (PARTITION BY "
                + key
                + " ORDER BY ordinality))",
            "user_id",
            user,
            "type",
            "'PURCHASE'",
            "quantity",
            quantity,
            "price",
            "CASE WHEN " + quantity + " > 0 THEN round(" + amount + " / " + quantity + ", 4) END",
            "ts",
            Times.localToUtc(
                "try_strptime(" + date + ", '%Y%m%d')", Times.zone(options, ZoneOffset.UTC)),
            "properties",
            "json_object('amount', "
                + amount
                + ", 'user', CASE WHEN "
                + n
                + " = 5 THEN json_object('sample_id', "
                + parts
                + "[2]) END)::VARCHAR");
    List<Check> checks =
        List.of(
            new Check(
                n + " NOT IN (4, 5)",
                ErrorCode.MalformedRow,
                "line",
                "4 fields (customer_id date number_of_cds dollar_value) or 5 (with sample id)",
                "r_line"),
            Check.required("user_id", "r_line"),
            Times.parsed("a date YYYYMMDD", date),
            Times.range(options, WINDOW_FROM, WINDOW_TO, date),
            new Check(
                "quantity IS NULL",
                ErrorCode.BadNumber,
                "quantity",
                "an integer number_of_cds",
                cds),
            new Check(
                amount + " IS NULL",
                ErrorCode.BadNumber,
                "price",
                "a decimal dollar_value",
                parts + "[" + n + "]"),
            new Check(
                "quantity <= 0",
                ErrorCode.NonPositiveQuantity,
                "quantity",
                "a positive number_of_cds",
                cds),
            new Check(
                "price < 0",
                ErrorCode.NonPositivePrice,
                "price",
                "a dollar_value of zero or more",
                parts + "[" + n + "]"));
    return new SqlSource(reader, headerLines, columns, checks, true, "r_line", head.charset());
  }
}
