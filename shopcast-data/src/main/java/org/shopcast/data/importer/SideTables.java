package org.shopcast.data.importer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Fills the attributes of the users and items side tables from the events one import landed: a
 * source puts user attributes under {@code properties.user} and item attributes under {@code
 * properties.item} (for example a customer's country, a product's description); the latest value
 * per user or item is merged into the attributes already stored. Runs inside the import's
 * transaction, after {@link Landing} has added the users and items rows.
 */
final class SideTables {
  private SideTables() {}

  /** Merges the attributes carried by import {@code importId}'s events. */
  static void fill(Connection connection, long importId) throws SQLException {
    try (Statement st = connection.createStatement()) {
      String ofImport =
          " FROM events WHERE import_id = " + importId + " AND properties IS NOT NULL";
      if (Landing.count(st, "SELECT count(*) FROM (SELECT 1" + ofImport + " LIMIT 1)") == 0) {
        return;
      }
      merge(st, "users", "user_id", "$.user", ofImport);
      merge(st, "items", "item_id", "$.item", ofImport);
    }
  }

  private static void merge(Statement st, String table, String key, String path, String ofImport)
      throws SQLException {
    String attrs = "json_extract(properties, '" + path + "')";
    st.execute(
        "UPDATE "
            + table
            + " SET attributes = json_merge_patch(coalesce("
            + table
            + ".attributes, '{}'), a.attrs)::VARCHAR FROM (SELECT "
            + key
            + " AS k, arg_max("
            + attrs
            + ", ts) AS attrs"
            + ofImport
            + " AND "
            + key
            + " IS NOT NULL AND json_type("
            + attrs
            + ") = 'OBJECT' GROUP BY "
            + key
            + ") a WHERE "
            + table
            + "."
            + key
            + " = a.k");
  }
}
