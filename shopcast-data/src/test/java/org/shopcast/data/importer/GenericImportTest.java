package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.shopcast.data.importer.ImportTesting.importFile;
import static org.shopcast.data.importer.ImportTesting.storeLong;
import static org.shopcast.data.importer.ImportTesting.storeText;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

class GenericImportTest {
  private static final Path TIANCHI_CSV = Fixtures.path("tianchi/sample_user_behavior.csv");
  private static final Path TIANCHI_JSONL =
      Fixtures.path("generic/tianchi_sample_user_behavior.jsonl");
  private static final Map<String, String> TIANCHI_TYPES =
      Map.of("1", "VIEW", "2", "FAVORITE", "3", "CART_ADD", "4", "PURCHASE");

  /** Count and a hash over the distinct canonical events, comparable across stores. */
  private static final String FINGERPRINT =
      "SELECT count(*) || ' ' || sum(hash(user_id, item_id, category_id, type, ts)) FROM (SELECT"
          + " DISTINCT user_id, item_id, category_id, type, ts FROM events)";

  @TempDir Path workspace;

  private static Map<String, String> map(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  private String tianchiFingerprint() {
    try (EventStore store = EventStore.open(workspace.resolve("tianchi"))) {
      importFile(store, TIANCHI_CSV, ImportOptions.of(Format.TIANCHI));
      return storeText(store, FINGERPRINT);
    }
  }

  @Test
  void csvWithMapping_landsTheSameEventsAsTheTianchiImporter() {
    ImportOptions options =
        ImportOptions.of(Format.CSV)
            .withMapping(
                map(
                    "user_id", "user_id",
                    "item_id", "item_id",
                    "type", "behavior_type",
                    "category_id", "item_category",
                    "ts", "time:%Y-%m-%d %H"),
                TIANCHI_TYPES)
            .withZone(ZoneId.of("Asia/Shanghai"));
    try (EventStore store = EventStore.open(workspace.resolve("csv"))) {
      ImportResult result = importFile(store, TIANCHI_CSV, options);

      assertThat(result.rejected()).isZero();
      assertThat(storeText(store, FINGERPRINT)).isEqualTo(tianchiFingerprint());
      assertThat(
              storeLong(
                  store,
                  "SELECT count(*) FROM events WHERE properties->>'user_geohash' IS NOT NULL"))
          .isPositive();
    }
  }

  @Test
  void jsonlWithNestedPaths_landsTheSameEventsAsTheTianchiImporter() {
    ImportOptions options =
        ImportOptions.of(Format.JSONL)
            .withMapping(
                map(
                    "user_id", "user_id",
                    "item_id", "item",
                    "type", "behavior",
                    "category_id", "context.category",
                    "ts", "local_time:%Y-%m-%d %H"),
                TIANCHI_TYPES)
            .withZone(ZoneId.of("Asia/Shanghai"));
    try (EventStore store = EventStore.open(workspace.resolve("jsonl"))) {
      ImportResult result = importFile(store, TIANCHI_JSONL, options);

      assertThat(result.read()).isEqualTo(1999);
      assertThat(result.rejected()).isZero();
      assertThat(storeText(store, FINGERPRINT)).isEqualTo(tianchiFingerprint());
      assertThat(storeText(store, "SELECT min(properties) FROM events"))
          .startsWith("{\"context\":")
          .doesNotContain("user_id");
    }
  }

  @Test
  void jsonl_rejectsBadLinesWithTheirLineNumbers() throws Exception {
    Path file = workspace.resolve("events.jsonl");
    Files.writeString(
        file,
        "{\"u\":\"a\",\"t\":1433221332117,\"e\":\"view\",\"i\":\"x\"}\n"
            + "{\"u\":\"a\",\"t\":1433221332117,\n"
            + "[1,2]\n"
            + "\n"
            + "{\"u\":\"b\",\"t\":1433221332117,\"e\":\"hover\",\"i\":\"x\"}\n"
            + "{\"u\":\"b\",\"t\":\"soon\",\"e\":\"view\",\"i\":\"x\"}\n");
    ImportOptions options =
        ImportOptions.of(Format.JSONL)
            .withMapping(
                map("user_id", "u", "ts", "t:epoch_ms", "type", "e", "item_id", "i"),
                Map.of("view", "VIEW"))
            .withPolicy(0.9, ImportOptions.DEFAULT_SESSION_GAP, false);
    try (EventStore store = EventStore.open(workspace.resolve("store"))) {
      ImportResult result = importFile(store, file, options);

      assertThat(result.read()).isEqualTo(5);
      assertThat(result.accepted()).isEqualTo(1);
      assertThat(result.rejectedByCode())
          .containsEntry("BadJson", 2L)
          .containsEntry("UnknownEventType", 1L)
          .containsEntry("BadTimestamp", 1L);
      assertThat(result.firstErrors())
          .extracting(e -> e.line() + " " + e.code())
          .containsExactly("2 BadJson", "3 BadJson", "5 UnknownEventType", "6 BadTimestamp");
      assertThat(storeText(store, "SELECT strftime(ts, '%Y-%m-%dT%H:%M:%S.%g') FROM events"))
          .isEqualTo("2015-06-02T05:02:12.117");
    }
  }

  @Test
  void csv_defaultTypeAndIsoTimesWithAndWithoutOffset() throws Exception {
    Path file = workspace.resolve("orders.csv");
    Files.writeString(
        file,
        "customer;when;sku;qty;unit_price\n"
            + "c1;2024-03-31T01:30:00;A;2;9.50\n"
            + "c1;2024-03-31T12:00:00+02:00;B;1;4\n"
            + "c2;2024-04-01 10:00;C;0;4\n"
            + "c2;2024-04-01 10:00;D;1;-1\n");
    ImportOptions options =
        ImportOptions.of(Format.CSV)
            .withMapping(
                map(
                    "user_id", "customer",
                    "ts", "when:iso",
                    "item_id", "sku",
                    "quantity", "qty",
                    "price", "unit_price"),
                Map.of("*", "purchase"))
            .withZone(ZoneId.of("Europe/Berlin"))
            .withPolicy(0.9, ImportOptions.DEFAULT_SESSION_GAP, false);
    try (EventStore store = EventStore.open(workspace.resolve("store"))) {
      ImportResult result = importFile(store, file, options);

      assertThat(result.accepted()).isEqualTo(2);
      assertThat(result.rejectedByCode())
          .containsEntry("NonPositiveQuantity", 1L)
          .containsEntry("NonPositivePrice", 1L);
      assertThat(
              storeText(
                  store,
                  "SELECT string_agg(item_id || ' ' || strftime(ts, '%H:%M') || ' ' || type || ' '"
                      + " || (quantity * price), ', ' ORDER BY item_id) FROM events"))
          // 01:30 Berlin before the switch to summer time is 00:30 UTC; +02:00 is explicit
          .isEqualTo("A 00:30 PURCHASE 19.0000, B 10:00 PURCHASE 4.0000");
    }
  }

  @Test
  void mapping_reportsEveryProblemAtOnce() {
    assertThatThrownBy(
            () ->
                ImportOptions.of(Format.CSV)
                    .withMapping(
                        map("user", "visitorid", "ts", "timestamp:epoch_us"),
                        Map.of("view", "LOOK")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--map user: field must be one of")
        .hasMessageContaining("time parser must be epoch_s, epoch_ms, iso or a strptime pattern")
        .hasMessageContaining("got 'epoch_us'")
        .hasMessageContaining("--types view=LOOK: type must be one of")
        .hasMessageContaining("--map must name the user_id column")
        .hasMessageContaining("--map must name the type column");
    assertThatThrownBy(
            () ->
                ImportOptions.of(Format.TAOBAO)
                    .withMapping(map("user_id", "u", "ts", "t", "type", "e"), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("apply to the csv and jsonl formats only");
  }

  @Test
  void csv_columnMissingFromHeaderIsAUsageErrorNamingTheHeader() {
    ImportOptions options =
        ImportOptions.of(Format.CSV)
            .withMapping(
                map("user_id", "visitorid", "ts", "time", "type", "behavior_type"), TIANCHI_TYPES);
    try (EventStore store = EventStore.open(workspace)) {
      assertThatThrownBy(
              () -> new Importer(store, ImportTesting.CLOCK).importFile(TIANCHI_CSV, options))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("has no column 'visitorid'")
          .hasMessageContaining("header: user_id, item_id, behavior_type");
      assertThat(store.stats().events()).isZero();
    }
  }
}
