package org.shopcast.data.importer;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.ErrorCode;

/**
 * UCI Online Retail line items (Chen, Sain and Guo 2012; also the Online Retail II header): {@code
 * InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country}, columns found
 * by header name. Each line is a PURCHASE of {@code Quantity} units at {@code UnitPrice} with the
 * invoice as order id; a {@code C} invoice (cancellation) becomes a RETURN of the positive
 * quantity. InvoiceDate is {@code YYYY-MM-DD HH:MM[:SS]} or {@code M/D/YYYY H:MM}, UK local time
 * unless {@code --tz}. The item's description and the customer's country go to the items and users
 * side tables (through the event properties). A missing CustomerID (empty, {@code NA} or {@code
 * (blank)}) is rejected as MissingCustomer unless anonymous users are allowed, then the invoice is
 * the anonymous user {@code anon:invoice:<InvoiceNo>}.
 */
final class OnlineRetailSource {
  /** The retailer's local time. */
  static final ZoneId UK = ZoneId.of("Europe/London");

  /** Start of the data (Online Retail II starts 2009-12-01). */
  static final Instant WINDOW_FROM = Instant.parse("2009-12-01T00:00:00Z");

  /** End (exclusive) of the data: the day after 2011-12-09. */
  static final Instant WINDOW_TO = Instant.parse("2011-12-10T00:00:00Z");

  private OnlineRetailSource() {}

  static SqlSource of(Path file, ImportOptions options) {
    FileHead head = FileHead.of(file);
    List<String> header = head.header(head.delimiter());
    String invoice = "c" + FileHead.column(file, header, "order_id", "InvoiceNo", "Invoice");
    String stock = "c" + FileHead.column(file, header, "item_id", "StockCode");
    String quantity = "c" + FileHead.column(file, header, "quantity", "Quantity");
    String date = "c" + FileHead.column(file, header, "ts", "InvoiceDate");
    String price = "c" + FileHead.column(file, header, "price", "UnitPrice", "Price");
    String customer = "c" + FileHead.column(file, header, "user_id", "CustomerID", "Customer ID");
    int descriptionAt = FileHead.optionalColumn(header, "Description");
    int countryAt = FileHead.optionalColumn(header, "Country");
    String reader =
        SqlSource.readCsv(
            file.toString(),
            FileHead.varcharColumns(header.size()),
            true,
            String.valueOf(head.delimiter()),
            "quote='\"', escape='\"', encoding=" + Sql.literal(head.duckdbEncoding()));
    String cancelled = "upper(trim(" + invoice + ")) LIKE 'C%'";
    String rawQuantity = "TRY_CAST(trim(" + quantity + ") AS INTEGER)";
    String customerId = customerId(customer);
    String user =
        options.anonymousUsers()
            ? "coalesce(" + customerId + ", 'anon:invoice:' || " + Sql.text(invoice) + ")"
            : customerId;
    String description = descriptionAt < 0 ? "NULL" : Sql.text("c" + descriptionAt);
    String country = countryAt < 0 ? "NULL" : Sql.text("c" + countryAt);
    Map<String, String> columns =
        Map.of(
            "user_id",
            user,
            "item_id",
            Sql.text(stock),
            "order_id",
            Sql.text(invoice),
            "type",
            OnlineRetailSource.returnOrPurchase(cancelled),
            "quantity",
            OnlineRetailSource.unsignedQuantity(cancelled, rawQuantity),
            "price",
            "TRY_CAST(trim(" + price + ") AS DECIMAL(18, 4))",
            "ts",
            Times.localToUtc(localTime(date), Times.zone(options, UK)),
            "properties",
            properties(description, country));
    List<Check> checks =
        List.of(
            Check.required("order_id", invoice),
            Check.required("item_id", stock),
            Times.parsed("'YYYY-MM-DD HH:MM[:SS]' or 'M/D/YYYY H:MM'", date),
            Times.range(options, WINDOW_FROM, WINDOW_TO, date),
            new Check(
                "quantity IS NULL",
                ErrorCode.BadNumber,
                "quantity",
                "an integer Quantity",
                quantity),
            new Check("price IS NULL", ErrorCode.BadNumber, "price", "a decimal UnitPrice", price),
            new Check(
                "quantity <= 0",
                ErrorCode.NonPositiveQuantity,
                "quantity",
                "a positive Quantity (negative only on C invoices)",
                quantity),
            new Check(
                "price <= 0", ErrorCode.NonPositivePrice, "price", "a positive UnitPrice", price),
            new Check(
                "user_id IS NULL",
                ErrorCode.MissingCustomer,
                "user_id",
                "a CustomerID (or --anonymous-users)",
                customer));
    return new SqlSource(reader, 1, columns, checks, false, null, head.charset());
  }

  /** CustomerID as text without a spreadsheet's {@code .0}; NULL when empty or NA. */
  static String customerId(String column) {
    String text = Sql.text(column);
    return "CASE WHEN upper("
        + text
        + ") IN ('NA', 'NAN', 'NULL', '(BLANK)') THEN NULL ELSE regexp_replace("
        + text
        + ", '\\.0+$', '') END";
  }

  /** InvoiceDate in either layout the published files use, as a local TIMESTAMP. */
  static String localTime(String column) {
    String text = "trim(" + column + ")";
    return "coalesce(try_strptime("
        + text
        + ", '%Y-%m-%d %H:%M:%S'), try_strptime("
        + text
        + ", '%Y-%m-%d %H:%M'), try_strptime("
        + text
        + ", '%m/%d/%Y %H:%M'), try_strptime("
        + text
        + ", '%m/%d/%Y %H:%M:%S'))";
  }

  /** Properties holding the item and user attributes for the side tables. */
  static String properties(String description, String country) {
    return "json_object('item', json_object('description', "
        + description
        + "), 'user', json_object('country', "
        + country
        + "))::VARCHAR";
  }

  /** The event type of a UCI row: {@code C} (cancelled) invoices are returns. */
  static String returnOrPurchase(String cancelled) {
    return "CASE WHEN " + cancelled + " THEN 'RETURN' ELSE 'PURCHASE' END";
  }

  /** The quantity of a UCI row: negative on cancelled invoices, stored as a positive return. */
  static String unsignedQuantity(String cancelled, String rawQuantity) {
    return "CASE WHEN " + cancelled + " THEN abs(" + rawQuantity + ") ELSE " + rawQuantity + " END";
  }
}
