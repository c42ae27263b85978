package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

class SegmentImportTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path workspace;

  @Test
  void importSegment_countsAddUpAndEveryRejectIsExplained() throws SQLException {
    Path file = Fixtures.path("segment/events.jsonl");
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result =
          new Importer(store, CLOCK).importFile(file, ImportOptions.of(Format.SEGMENT));

      assertThat(result.read()).isEqualTo(21);
      assertThat(result.accepted()).isEqualTo(14);
      assertThat(result.rejected()).isEqualTo(6);
      assertThat(result.duplicates()).isEqualTo(1);
      assertThat(result.read())
          .isEqualTo(result.accepted() + result.rejected() + result.duplicates());
      assertThat(result.rejectedByCode())
          .containsEntry("UnknownEventType", 1L)
          .containsEntry("MissingField", 2L)
          .containsEntry("BadNumber", 1L)
          .containsEntry("BadTimestamp", 1L)
          .containsEntry("BadJson", 1L);
      assertThat(store.stats().byType())
          .containsEntry("VIEW", 5L)
          .containsEntry("CART_ADD", 2L)
          .containsEntry("CART_REMOVE", 1L)
          .containsEntry("FAVORITE", 1L)
          .containsEntry("SEARCH", 1L)
          .containsEntry("PURCHASE", 3L)
          .containsEntry("RETURN", 1L);
      List<String> quarantine =
          strings(
              store,
              "SELECT line || ' ' || code || ' ' || coalesce(field, '') FROM quarantine ORDER BY"
                  + " line");
      assertThat(quarantine)
          .containsExactly(
              "11 UnknownEventType batch[3].event",
              "14 MissingField properties.product_id",
              "15 MissingField userId",
              "16 BadNumber properties.price",
              "17 BadTimestamp timestamp",
              "18 BadJson ");
    }
  }

  @Test
  void importSegment_orderLinesCarryPriceQuantityOrderAndTraitsLand() throws SQLException {
    Path file = Fixtures.path("segment/events.jsonl");
    try (EventStore store = EventStore.open(workspace)) {
      new Importer(store, CLOCK).importFile(file, ImportOptions.of(Format.SEGMENT));

      assertThat(
              strings(
                  store,
                  "SELECT m.k || ' ' || user_id || ' ' || item_id || ' ' || order_id || ' '"
                      + " || quantity || ' ' || price || ' ' || strftime(ts, '%Y-%m-%dT%H:%M:%S')"
                      + " FROM events LEFT JOIN (VALUES ('m-008:0'), ('m-008:1'), ('m-015:0'))"
                      + " m(k) ON event_id = md5_number(m.k) WHERE type = 'PURCHASE' ORDER BY"
                      + " m.k"))
          .containsExactly(
              "m-008:0 u-1001 sku-42 o-5001 1 59.9000 2024-03-01T10:09:12",
              "m-008:1 u-1001 sku-77 o-5001 2 9.5000 2024-03-01T10:09:12",
              "m-015:0 u-1002 sku-13 o-5002 1 24.0000 2024-03-02T08:03:00");
      assertThat(
              strings(
                  store,
                  "SELECT user_id || ' ' || strftime(ts, '%H:%M') FROM events WHERE event_id ="
                      + " md5_number('m-010')"))
          .containsExactly("3f2c9a1e-7b4d-4e0a-9c1d-5a8b6e2f7c10 10:15");
      assertThat(strings(store, "SELECT query FROM events WHERE type = 'SEARCH'"))
          .containsExactly("waterproof jacket");
      assertThat(strings(store, "SELECT channel FROM events WHERE event_id = md5_number('m-002')"))
          .containsExactly("newsletter");
      assertThat(
              strings(
                  store,
                  "SELECT user_id || ' ' || json_extract_string(attributes, '$.plan') FROM users"
                      + " WHERE attributes IS NOT NULL ORDER BY user_id"))
          .containsExactly("u-1001 gold", "u-1002 free");
      assertThat(strings(store, "SELECT price FROM events WHERE event_id = md5_number('m-004')"))
          .containsExactly(new BigDecimal("59.9000").toPlainString());
    }
  }

  @Test
  void reimportSegment_addsNothing() throws Exception {
    Path file = workspace.resolve("one.jsonl");
    Files.writeString(
        file,
        "{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Product Viewed\","
            + "\"properties\":{\"product_id\":\"p\"},\"timestamp\":\"2024-01-01T00:00:00Z\"}\n");
    try (EventStore store = EventStore.open(workspace.resolve("ws"))) {
      Importer importer = new Importer(store, CLOCK);
      ImportResult first = importer.importFile(file, ImportOptions.of(Format.SEGMENT));
      ImportResult second = importer.importFile(file, ImportOptions.of(Format.SEGMENT));
      assertThat(first.accepted()).isEqualTo(1);
      assertThat(second.accepted()).isZero();
      assertThat(second.duplicates()).isEqualTo(1);
    }
  }

  private static List<String> strings(EventStore store, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement st = store.connection().createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
