package org.shopcast.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The raw DuckDB peer of the import benchmark, run as its own process: {@code CREATE TABLE t AS
 * SELECT * FROM read_csv(...)} of a Taobao-format CSV with its five columns declared (ids and
 * behaviour as text, the time as an integer) into a fresh database file, with the same memory limit
 * as the event store. This is DuckDB's own reading and storing speed: the I/O limit every import
 * ratio is measured against.
 *
 * <p>Usage: {@code java -cp ... org.shopcast.bench.RawCsvLoad FILE.csv DB_FILE}
 */
public final class RawCsvLoad {
  private RawCsvLoad() {}

  /** The SQL that loads {@code csv}, shared with the JMH set-up. */
  static String loadSql(Path csv) {
    return "CREATE TABLE t AS SELECT * FROM read_csv('"
        + csv.toString().replace("'", "''")
        + "', columns={'user_id': 'VARCHAR', 'item_id': 'VARCHAR', 'category_id': 'VARCHAR',"
        + " 'behavior': 'VARCHAR', 'ts': 'BIGINT'}, header=false, auto_detect=false, delim=',')";
  }

  /**
   * Loads the file and prints the row count.
   *
   * @param args the CSV file and the database file to create
   * @throws Exception when the load fails
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: RawCsvLoad FILE.csv DB_FILE, got " + args.length);
    }
    Path db = Path.of(args[1]);
    Files.deleteIfExists(db);
    Properties properties = new Properties();
    properties.setProperty("memory_limit", System.getProperty("shopcast.memory", "1GB"));
    try (Connection c =
            DriverManager.getConnection("jdbc:duckdb:" + db.toAbsolutePath(), properties);
        Statement st = c.createStatement()) {
      st.execute(loadSql(Path.of(args[0])));
      try (var rs = st.executeQuery("SELECT count(*) FROM t")) {
        rs.next();
        System.out.println(rs.getLong(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("raw load of " + args[0] + " failed: " + e.getMessage(), e);
    }
  }
}
