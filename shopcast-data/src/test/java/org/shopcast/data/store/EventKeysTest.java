package org.shopcast.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.ImportResult;
import org.shopcast.data.importer.Importer;

/** The shared event id derivation and the migration of version 1 stores (text ids). */
class EventKeysTest {
  @TempDir Path dir;

  /** The MD5 digest of {@code text} read as a little-endian unsigned number, computed in Java. */
  private static BigInteger littleEndianMd5(String text) throws Exception {
    byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    byte[] reversed = new byte[digest.length];
    for (int i = 0; i < digest.length; i++) {
      reversed[i] = digest[digest.length - 1 - i];
    }
    return new BigInteger(1, reversed);
  }

  private static String one(Statement st, String sql) throws Exception {
    try (ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void sql_hashesTheSourceIdElseTheContent_asJavaMd5ReadLittleEndian() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement st = c.createStatement()) {
      String fromSource =
          one(st, "SELECT " + EventKeys.sql("'m-001'", f -> "NULL") + " WHERE 1 = 1");
      assertThat(fromSource).isEqualTo(littleEndianMd5("m-001").toString());
      String content =
          EventKeys.sql(
              "CAST(NULL AS VARCHAR)",
              f ->
                  switch (f) {
                    case "user_id" -> "'u1'";
                    case "ts" -> "TIMESTAMP '2017-11-25 00:00:01'";
                    case "type" -> "'VIEW'";
                    case "quantity" -> "1";
                    default -> "NULL";
                  });
      // concat_ws skips NULLs: user, epoch ms, type, quantity
      assertThat(one(st, "SELECT " + content))
          .isEqualTo(littleEndianMd5("u1\u001f1511568001000\u001fVIEW\u001f1").toString());
    }
  }

  @Test
  void lowerAndUpper_splitTheDecimalIdForTheAppender() {
    BigInteger id = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.valueOf(3));
    long lower = EventKeys.lower(id.toString());
    long upper = EventKeys.upper(id.toString());
    BigInteger back =
        new BigInteger(Long.toUnsignedString(upper))
            .shiftLeft(64)
            .or(new BigInteger(Long.toUnsignedString(lower)));
    assertThat(back).isEqualTo(id);
  }

  @Test
  void decimalAndParse_matchBigInteger_onRandomAndEdgeIds() {
    java.util.Random random = new java.util.Random(7);
    List<BigInteger> ids = new java.util.ArrayList<>();
    BigInteger two64 = BigInteger.ONE.shiftLeft(64);
    ids.add(BigInteger.ZERO);
    ids.add(BigInteger.ONE);
    ids.add(BigInteger.valueOf(Long.MAX_VALUE));
    ids.add(two64.subtract(BigInteger.ONE));
    ids.add(two64);
    ids.add(BigInteger.TEN.pow(9));
    ids.add(BigInteger.TEN.pow(18));
    ids.add(BigInteger.TEN.pow(27).subtract(BigInteger.ONE));
    ids.add(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    for (int i = 0; i < 5000; i++) {
      ids.add(new BigInteger(1 + random.nextInt(128), random));
    }
    for (BigInteger id : ids) {
      long lower = id.longValue();
      long upper = id.shiftRight(64).longValue();
      assertThat(EventKeys.decimal(lower, upper)).isEqualTo(id.toString());
      assertThat(EventKeys.parse(id.toString())).containsExactly(lower, upper);
    }
  }

  @Test
  void sourceIdBits_areTheLittleEndianMd5() throws Exception {
    for (String id : List.of("m1", "", "ü-€-𝄞", "550e8400-e29b-41d4-a716-446655440000")) {
      BigInteger expected = littleEndianMd5(id);
      long[] bits = EventKeys.sourceIdBits(id);
      assertThat(bits).containsExactly(expected.longValue(), expected.shiftRight(64).longValue());
      assertThat(EventKeys.ofSourceId(id)).isEqualTo(expected.toString());
    }
  }

  @Test
  void version1Store_isMigrated_andReimportingItsFileAddsNothing() throws Exception {
    Path workspace = dir.resolve("ws");
    Files.createDirectories(workspace);
    Path file = dir.resolve("one.csv");
    Files.writeString(file, "7,100,5,pv,1511568001\n", StandardCharsets.UTF_8);
    String content = "7\u001f1511568001000\u001fVIEW\u001f100\u001f5\u001f1";
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:duckdb:" + workspace.resolve(EventStore.DATABASE_FILE));
        Statement st = c.createStatement()) {
      // a version 1 store as the earlier build wrote it: MD5 hex ids and a source's id text
      st.execute("CREATE TABLE schema_info (version INTEGER NOT NULL)");
      st.execute("INSERT INTO schema_info VALUES (1)");
      st.execute(
          "CREATE TABLE events (event_id VARCHAR NOT NULL, user_id VARCHAR NOT NULL, ts TIMESTAMP"
              + " NOT NULL, type VARCHAR NOT NULL, item_id VARCHAR, category_id VARCHAR,"
              + " session_id VARCHAR, order_id VARCHAR, quantity INTEGER NOT NULL DEFAULT 1,"
              + " price DECIMAL(18, 4), query VARCHAR, channel VARCHAR, properties VARCHAR,"
              + " import_id BIGINT NOT NULL)");
      st.execute(
          "CREATE TABLE event_flags (event_id VARCHAR NOT NULL, code VARCHAR NOT NULL, import_id"
              + " BIGINT NOT NULL)");
      st.execute(
          "INSERT INTO events (event_id, user_id, ts, type, item_id, category_id, session_id,"
              + " import_id) VALUES (md5('"
              + content
              + "'), '7', TIMESTAMP '2017-11-25 00:00:01', 'VIEW', '100', '5',"
              + " '7:1511568001000', 1), ('msg-1', '8', TIMESTAMP '2017-11-26 00:00:00',"
              + " 'RETURN', '3', NULL, 's', 1)");
      st.execute("INSERT INTO event_flags VALUES ('msg-1', 'ReturnWithoutPurchase', 1)");
    }
    try (EventStore store = EventStore.open(workspace);
        Statement st = store.connection().createStatement()) {
      assertThat(one(st, "SELECT max(version) FROM schema_info")).isEqualTo("2");
      assertThat(one(st, "SELECT typeof(event_id) FROM events LIMIT 1")).isEqualTo("UHUGEINT");
      assertThat(one(st, "SELECT event_id FROM events WHERE user_id = '7'"))
          .isEqualTo(littleEndianMd5(content).toString());
      assertThat(one(st, "SELECT event_id FROM event_flags"))
          .isEqualTo(littleEndianMd5("msg-1").toString());
      ImportResult again =
          new Importer(store, Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
              .importFile(file, ImportOptions.of(Format.TAOBAO));
      assertThat(again.accepted()).isZero();
      assertThat(again.duplicates()).isEqualTo(1);
    }
  }
}
