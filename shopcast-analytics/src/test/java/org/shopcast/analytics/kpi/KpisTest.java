package org.shopcast.analytics.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.analytics.TaobaoStore;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;

class KpisTest {
  @TempDir Path dir;

  @Test
  void daily_fillsTheGapDayWithZeros() throws Exception {
    // 2017-11-26 and 2017-11-28 (UTC) have events; 2017-11-27 has none
    Path csv = dir.resolve("gap.csv");
    Files.writeString(
        csv,
        String.join(
            "\n",
            "1,10,100,pv,1511665200",
            "1,10,100,cart,1511665260",
            "2,11,100,pv,1511665300",
            "1,10,100,buy,1511665400",
            "2,12,101,pv,1511838000",
            "2,12,101,fav,1511838060",
            ""),
        StandardCharsets.UTF_8);
    try (EventStore store = EventStore.open(dir.resolve("ws"))) {
      new Importer(store, Clock.systemUTC()).importFile(csv, ImportOptions.of(Format.TAOBAO));
      KpiSeries series = Kpis.compute(store.connection(), new KpiOptions());
      List<Map<String, Object>> rows = series.rows();
      assertThat(rows)
          .extracting(r -> r.get("t"))
          .containsExactly("2017-11-26T00:00Z", "2017-11-27T00:00Z", "2017-11-28T00:00Z");
      Map<String, Object> first = rows.get(0);
      assertThat(first.get("views")).isEqualTo(2L);
      assertThat(first.get("users")).isEqualTo(2L);
      assertThat(first.get("carts")).isEqualTo(1L);
      assertThat(first.get("orders")).isEqualTo(1L);
      assertThat(first.get("buyers")).isEqualTo(1L);
      assertThat(first.get("view_to_cart")).isEqualTo(0.5);
      assertThat(first.get("cart_to_purchase")).isEqualTo(1.0);
      assertThat(first.get("buyer_share")).isEqualTo(0.5);
      Map<String, Object> gap = rows.get(1);
      for (String column : List.of("views", "users", "carts", "favourites", "orders", "buyers")) {
        assertThat(gap.get(column)).as(column).isEqualTo(0L);
      }
      assertThat(gap.get("revenue")).isEqualTo(0.0);
      assertThat(rows.get(2).get("favourites")).isEqualTo(1L);
    }
  }

  @Test
  void hourlyInShanghai_matchesPlainCountsPerLocalHour() throws Exception {
    try (EventStore store = TaobaoStore.open(dir)) {
      ZoneId shanghai = ZoneId.of("Asia/Shanghai");
      KpiSeries series =
          Kpis.compute(
              store.connection(),
              new KpiOptions(KpiOptions.Grain.HOUR, shanghai, KpiOptions.Split.NONE, 10));
      // the store spans from 2017-11-24 16:00 UTC (= 25th 00:00 local) to 2017-12-03 15:59 UTC
      assertThat(series.rows()).hasSize(9 * 24);
      assertThat(series.rows().get(0).get("t")).isEqualTo("2017-11-25T00:00+08:00");
      List<Object[]> expected =
          TaobaoStore.query(
              store.connection(),
              """
              SELECT count(*) FILTER (WHERE type = 'VIEW'), count(DISTINCT user_id)
              FROM events
              WHERE ts >= TIMESTAMP '2017-11-26 01:00:00' AND ts < TIMESTAMP '2017-11-26 02:00:00'
              """);
      Map<String, Object> nineLocal =
          series.rows().stream()
              .filter(r -> r.get("t").equals("2017-11-26T09:00+08:00"))
              .findFirst()
              .orElseThrow();
      assertThat(nineLocal.get("views")).isEqualTo(((Number) expected.get(0)[0]).longValue());
      assertThat(nineLocal.get("users")).isEqualTo(((Number) expected.get(0)[1]).longValue());
      long total = series.rows().stream().mapToLong(r -> (Long) r.get("views")).sum();
      long views =
          ((Number)
                  TaobaoStore.query(
                          store.connection(), "SELECT count(*) FROM events WHERE type = 'VIEW'")
                      .get(0)[0])
              .longValue();
      assertThat(total).isEqualTo(views);
    }
  }
}
