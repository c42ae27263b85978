package org.shopcast.predict.eval;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import org.shopcast.data.store.EventStore;

/**
 * Test loaders that put real purchase logs into a store with one SQL statement each, until the data
 * module's importers for these formats land: CDNOW (master or sample layout) and the UCI Online
 * Retail invoice-level file ({@code C} invoices become returns; revenue is the invoice's quantity
 * times its mean unit price, an approximation the file's SOURCE.md notes).
 */
final class RealStores {
  private RealStores() {}

  static void cdnow(EventStore store, Path file) throws SQLException {
    try (Statement statement = store.connection().createStatement()) {
      statement.execute(
          "INSERT INTO events (event_id, user_id, ts, type, quantity, price, import_id)"
              + " SELECT md5_number('cdnow-' || row_number() OVER ()),"
              + " CAST(CAST(f[1] AS INT) AS VARCHAR),"
              + " CAST(strptime(f[-3], '%Y%m%d') AS TIMESTAMP), 'PURCHASE', 1,"
              + " CAST(f[-1] AS DECIMAL(18, 4)), 0 FROM (SELECT string_split_regex(trim(line),"
              + " '\\s+') AS f FROM read_csv('"
              + file
              + "', columns = {'line': 'VARCHAR'}, header = false, delim = '|'))"
              + " WHERE f[1] <> 'customer_id'");
    }
  }

  static void onlineRetailInvoices(EventStore store, Path file) throws SQLException {
    try (Statement statement = store.connection().createStatement()) {
      statement.execute(
          "INSERT INTO events (event_id, user_id, ts, type, order_id, quantity, price,"
              + " import_id) SELECT md5_number('retail-' || InvoiceNo),"
              + " CAST(CustomerID AS VARCHAR),"
              + " CAST(strptime(InvoiceDate, '%m/%d/%Y %H:%M') AS TIMESTAMP),"
              + " CASE WHEN InvoiceNo LIKE 'C%' THEN 'RETURN' ELSE 'PURCHASE' END,"
              + " CAST(InvoiceNo AS VARCHAR), greatest(abs(Quantity), 1),"
              + " CAST(UnitPrice AS DECIMAL(18, 4)), 0 FROM read_csv('"
              + file
              + "', header = true, all_varchar = false, types = {'InvoiceNo': 'VARCHAR',"
              + " 'CustomerID': 'VARCHAR', 'InvoiceDate': 'VARCHAR'})"
              + " WHERE CustomerID IS NOT NULL");
    }
  }
}
