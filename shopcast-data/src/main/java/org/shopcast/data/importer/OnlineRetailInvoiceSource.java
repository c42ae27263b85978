package org.shopcast.data.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.ErrorCode;

/**
 * UCI Online Retail at invoice level (one row per invoice, as derived in {@code
 * dorastefanova13/Customer_Value_Analysis}): header {@code InvoiceNo,InvoiceDate,CustomerID,
 * Country,Quantity,UnitPrice}, where Quantity is the sum of the invoice's line quantities and
 * UnitPrice the unweighted mean of its line prices. Each row becomes one PURCHASE event (a RETURN
 * for a {@code C} invoice) with the invoice as order id and the total quantity; the event has no
 * item and no price, because revenue cannot be recovered from a mean price: the mean is kept in the
 * properties as {@code mean_unit_price}. Dates and customers as for {@link OnlineRetailSource}.
 */
final class OnlineRetailInvoiceSource {
  private OnlineRetailInvoiceSource() {}

  static SqlSource of(Path file, ImportOptions options) {
    FileHead head = FileHead.of(file);
    List<String> header = head.header(head.delimiter());
    String invoice = "c" + FileHead.column(file, header, "order_id", "InvoiceNo", "Invoice");
    String date = "c" + FileHead.column(file, header, "ts", "InvoiceDate");
    String customer = "c" + FileHead.column(file, header, "user_id", "CustomerID", "Customer ID");
    String quantity = "c" + FileHead.column(file, header, "quantity", "Quantity");
    String price = "c" + FileHead.column(file, header, "price", "UnitPrice", "Price");
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
    String meanPrice = "TRY_CAST(trim(" + price + ") AS DOUBLE)";
    String customerId = OnlineRetailSource.customerId(customer);
    String user =
        options.anonymousUsers()
            ? "coalesce(" + customerId + ", 'anon:invoice:' || " + Sql.text(invoice) + ")"
            : customerId;
    String country = countryAt < 0 ? "NULL" : Sql.text("c" + countryAt);
    Map<String, String> columns =
        Map.of(
            "user_id",
            user,
            "order_id",
            Sql.text(invoice),
            "type",
            OnlineRetailSource.returnOrPurchase(cancelled),
            "quantity",
            OnlineRetailSource.unsignedQuantity(cancelled, rawQuantity),
            "ts",
            Times.localToUtc(
                OnlineRetailSource.localTime(date), Times.zone(options, OnlineRetailSource.UK)),
            "properties",
            "json_object('mean_unit_price', "
                + meanPrice
                + ", 'user', json_object('country', "
                + country
                + "))::VARCHAR");
    List<Check> checks =
        List.of(
            Check.required("order_id", invoice),
            Times.parsed("'M/D/YYYY H:MM' or 'YYYY-MM-DD HH:MM[:SS]'", date),
            Times.range(
                options, OnlineRetailSource.WINDOW_FROM, OnlineRetailSource.WINDOW_TO, date),
            new Check(
                "quantity IS NULL",
                ErrorCode.BadNumber,
                "quantity",
                "an integer Quantity",
                quantity),
            new Check(
                meanPrice + " IS NULL", ErrorCode.BadNumber, "price", "a decimal UnitPrice", price),
            new Check(
                "quantity <= 0",
                ErrorCode.NonPositiveQuantity,
                "quantity",
                "a positive Quantity (negative only on C invoices)",
                quantity),
            new Check(
                meanPrice + " <= 0",
                ErrorCode.NonPositivePrice,
                "price",
                "a positive mean UnitPrice",
                price),
            new Check(
                "user_id IS NULL",
                ErrorCode.MissingCustomer,
                "user_id",
                "a CustomerID (or --anonymous-users)",
                customer));
    return new SqlSource(reader, 1, columns, checks, false, null, head.charset());
  }
}
