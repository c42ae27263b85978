package org.shopcast.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: cost of deriving event ids in DuckDB for 500k staged Taobao-like rows, written to a
 * persistent table as the importer does: the full MD5 hex (32 characters, stored out of line), the
 * 72-bit MD5 prefix in base64 (12 characters, stored inline; tried, not kept), and DuckDB's 64-bit
 * {@code hash} (fast but not stable across DuckDB versions, so not usable as a stored id).
 *
 * <p>Run from the project root:
 *
 * <pre>
 * ./mvnw -q -o package -pl shopcast-bench -am -DskipTests
 * java -cp "shopcast-bench/target/classes:$(cat shopcast-bench/target/classpath.txt)" \
 *     org.openjdk.jmh.Main EventIdBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(1)
public class EventIdBenchmark {
  private static final int ROWS = 500_000;

  /** The id expression measured. */
  @Param({"md5_number", "md5_hex", "md5_base64_72", "duckdb_hash"})
  public String id;

  private Connection connection;
  private Path dir;
  private String sql;

  /** Opens a fresh database file and stages the rows. */
  @Setup(Level.Trial)
  public void setUp() throws SQLException, IOException {
    dir = Files.createTempDirectory("shopcast-jmh");
    connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("bench.duckdb"));
    try (Statement st = connection.createStatement()) {
      st.execute(
          "CREATE TEMP TABLE stage AS SELECT (i % 10007)::VARCHAR AS user_id, (i * 7919 %"
              + " 1000003)::VARCHAR AS item_id, (i % 97)::VARCHAR AS category_id, CASE WHEN i % 20"
              + " = 0 THEN 'CART_ADD' ELSE 'VIEW' END AS type, epoch_ms(1511539200000 + i * 1000)"
              + " AS ts FROM range("
              + ROWS
              + ") t(i)");
    }
    String content =
        "concat_ws(chr(31), user_id, epoch_ms(ts), type, item_id, category_id, NULL, NULL, 1,"
            + " NULL, NULL, NULL)";
    String expr =
        switch (id) {
          case "md5_number" -> "md5_number(" + content + ")";
          case "md5_hex" -> "md5(" + content + ")";
          case "md5_base64_72" -> "to_base64(unhex(substr(md5(" + content + "), 1, 18)))";
          case "duckdb_hash" -> "hash(" + content + ")::VARCHAR";
          default -> throw new IllegalArgumentException("unknown id expression " + id);
        };
    sql = "CREATE OR REPLACE TABLE ids AS SELECT " + expr + " AS event_id, * FROM stage";
  }

  /** Derives and stores the ids of all rows. */
  @Benchmark
  public void deriveAndStore() throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.execute(sql);
    }
  }

  /** Closes and deletes the database. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException, IOException {
    connection.close();
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
