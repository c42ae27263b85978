package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shopcast.data.importer.ImportTesting.importFile;
import static org.shopcast.data.importer.ImportTesting.independentLong;
import static org.shopcast.data.importer.ImportTesting.independentText;
import static org.shopcast.data.importer.ImportTesting.storeLong;
import static org.shopcast.data.importer.ImportTesting.storeText;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

class OnlineRetailImportTest {
  private static final Path LINES =
      Fixtures.path("online-retail/online_retail_random20k_first5000.csv");
  private static final Path INVOICES =
      Fixtures.path("online-retail/online_retail_invoice_level_first4000_and_1000C.csv");

  /** The line items with the importer's rules restated independently in plain SQL. */
  private static final String RAW =
      "(SELECT *, InvoiceNo LIKE 'C%' AS c, Quantity > 0 OR (InvoiceNo LIKE 'C%' AND Quantity"
          + " < 0) AS q_ok, UnitPrice > 0 AS p_ok, CustomerID <> 'NA' AS cust FROM read_csv('"
          + LINES
          + "', header=true, types={'InvoiceNo': 'VARCHAR', 'StockCode': 'VARCHAR', 'Quantity': 'INTEGER', 'UnitPrice': 'DOUBLE', 'CustomerID':"
          + " 'VARCHAR'}))";

  @TempDir Path workspace;

  @Test
  void importLineItems_rejectsBadRowsByReasonAndTurnsCInvoicesIntoReturns() {
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result = importFile(store, LINES, ImportOptions.of(Format.ONLINE_RETAIL));

      assertThat(result.read()).isEqualTo(independentLong("SELECT count(*) FROM " + RAW));
      assertThat(result.rejectedByCode())
          .containsEntry(
              "NonPositiveQuantity",
              independentLong("SELECT count(*) FROM " + RAW + " WHERE NOT q_ok"))
          .containsEntry(
              "NonPositivePrice",
              independentLong("SELECT count(*) FROM " + RAW + " WHERE q_ok AND NOT p_ok"))
          .containsEntry(
              "MissingCustomer",
              independentLong("SELECT count(*) FROM " + RAW + " WHERE q_ok AND p_ok AND NOT cust"));
      String good = RAW + " WHERE q_ok AND p_ok AND cust";
      assertThat(storeLong(store, "SELECT count(*) FROM events WHERE type = 'RETURN'"))
          .isEqualTo(independentLong("SELECT count(*) FROM " + good + " AND c"));
      assertThat(storeLong(store, "SELECT min(quantity) FROM events")).isPositive();
      assertThat(
              storeText(
                  store,
                  "SELECT round(sum(quantity * price), 2) FROM events WHERE type = 'PURCHASE'"))
          .isEqualTo(
              independentText(
                  "SELECT round(sum(Quantity * UnitPrice), 2)::DECIMAL(18, 2) FROM "
                      + good
                      + " AND NOT c"));
      assertThat(result.firstErrors())
          .anySatisfy(e -> assertThat(e.code()).isEqualTo(ErrorCode.MissingCustomer));
    }
  }

  @Test
  void importLineItems_fillsCountryAndDescriptionSideTables() {
    try (EventStore store = EventStore.open(workspace)) {
      importFile(store, LINES, ImportOptions.of(Format.ONLINE_RETAIL));

      // 557055,23203,JUMBO BAG DOILEY PATTERNS,20,2011-06-16 14:45:00,2.08,12621,Germany
      assertThat(
              storeText(store, "SELECT attributes->>'country' FROM users WHERE user_id = '12621'"))
          .isEqualTo("Germany");
      assertThat(
              storeText(
                  store, "SELECT attributes->>'description' FROM items WHERE item_id = '23203'"))
          .isEqualTo(
              independentText(
                  "SELECT trim(arg_max(Description, InvoiceDate)) FROM "
                      + RAW
                      + " WHERE StockCode = '23203' AND q_ok AND p_ok AND cust"));
      // BST: 14:45 London is 13:45 UTC
      assertThat(
              storeText(
                  store,
                  "SELECT strftime(ts, '%H:%M') FROM events WHERE user_id = '12621' AND item_id ="
                      + " '23203' AND order_id = '557055'"))
          .isEqualTo("13:45");
    }
  }

  @Test
  void importLineItems_withAnonymousUsers_keepsRowsWithoutCustomer() {
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result =
          importFile(store, LINES, ImportOptions.of(Format.ONLINE_RETAIL).withAnonymousUsers(true));

      assertThat(result.rejectedByCode()).doesNotContainKey("MissingCustomer");
      assertThat(
              storeLong(store, "SELECT count(*) FROM events WHERE user_id LIKE 'anon:invoice:%'"))
          .isEqualTo(
              independentLong(
                  "SELECT count(*) FROM (SELECT DISTINCT * EXCLUDE (c, q_ok, p_ok, cust) FROM "
                      + RAW
                      + " WHERE q_ok AND p_ok AND NOT cust)"));
    }
  }

  @Test
  void importInvoices_oneEventPerInvoiceWithTotalQuantity() {
    String raw =
        "read_csv('"
            + INVOICES
            + "', header=true, types={'InvoiceNo': 'VARCHAR', 'Quantity': 'INTEGER', 'UnitPrice': 'DOUBLE', 'CustomerID':"
            + " 'VARCHAR'})";
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result =
          importFile(store, INVOICES, ImportOptions.of(Format.ONLINE_RETAIL_INVOICES));

      assertThat(result.read()).isEqualTo(independentLong("SELECT count(*) FROM " + raw));
      String good =
          raw
              + " WHERE (Quantity > 0 OR (InvoiceNo LIKE 'C%' AND Quantity < 0)) AND UnitPrice > 0"
              + " AND CustomerID <> '(blank)'";
      assertThat(result.accepted()).isEqualTo(independentLong("SELECT count(*) FROM " + good));
      assertThat(storeLong(store, "SELECT sum(quantity) FROM events WHERE type = 'RETURN'"))
          .isEqualTo(
              independentLong("SELECT -sum(Quantity) FROM " + good + " AND InvoiceNo LIKE 'C%'"));
      assertThat(storeLong(store, "SELECT count(DISTINCT order_id) FROM events"))
          .isEqualTo(independentLong("SELECT count(DISTINCT InvoiceNo) FROM " + good));
      // 536365,12/1/2010 8:26,17850,United Kingdom,40,3.91
      assertThat(
              storeText(
                  store,
                  "SELECT strftime(ts, '%Y-%m-%dT%H:%M') || ' ' || quantity || ' ' ||"
                      + " (properties->>'mean_unit_price') FROM events WHERE order_id = '536365'"))
          .isEqualTo("2010-12-01T08:26 40 3.91");
    }
  }
}
