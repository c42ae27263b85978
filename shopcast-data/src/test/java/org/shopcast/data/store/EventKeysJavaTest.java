package org.shopcast.data.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link EventKeys#ofSourceId} gives what DuckDB's id expression gives for a source id. */
class EventKeysJavaTest {
  @Test
  void javaIdsEqualDuckDbs() throws Exception {
    List<String> ids =
        new ArrayList<>(
            List.of("", "m1", "messageId:3", "é日本語", "😀 emoji", "a\\u0000b", "x".repeat(500)));
    Random random = new Random(3);
    for (int i = 0; i < 300; i++) {
      StringBuilder s = new StringBuilder();
      int n = random.nextInt(40);
      for (int k = 0; k < n; k++) {
        s.append(
            (char) (random.nextBoolean() ? 32 + random.nextInt(95) : 160 + random.nextInt(20000)));
      }
      ids.add(s.toString());
    }
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT CAST("
                    + EventKeys.sql("x", f -> "NULL")
                    + " AS VARCHAR) FROM (SELECT CAST(? AS VARCHAR) AS x)")) {
      for (String id : ids) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          assertThat(EventKeys.ofSourceId(id)).as(id).isEqualTo(rs.getString(1));
        }
      }
    }
  }
}
