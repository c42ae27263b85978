package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shopcast.data.importer.ImportTesting.importFile;
import static org.shopcast.data.importer.ImportTesting.independentLong;
import static org.shopcast.data.importer.ImportTesting.storeLong;
import static org.shopcast.data.importer.ImportTesting.storeText;

import java.nio.file.Path;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

class TianchiImportTest {
  private static final Path FILE = Fixtures.path("tianchi/sample_user_behavior.csv");
  private static final String RAW = "read_csv('" + FILE + "', header=true, all_varchar=true)";

  @TempDir Path workspace;

  @Test
  void importSample_countsAddUpAndDuplicatesAreExactRepeats() {
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result = importFile(store, FILE, ImportOptions.of(Format.TIANCHI));

      assertThat(result.read()).isEqualTo(independentLong("SELECT count(*) FROM " + RAW));
      assertThat(result.rejected()).isZero();
      assertThat(result.accepted())
          .isEqualTo(independentLong("SELECT count(*) FROM (SELECT DISTINCT * FROM " + RAW + ")"));
      assertThat(result.users())
          .isEqualTo(independentLong("SELECT count(DISTINCT user_id) FROM " + RAW));
      assertThat(storeLong(store, "SELECT count(*) FROM events WHERE type = 'PURCHASE'"))
          .isEqualTo(
              independentLong(
                  "SELECT count(*) FROM (SELECT DISTINCT * FROM "
                      + RAW
                      + " WHERE behavior_type = '4')"));
      assertThat(storeLong(store, "SELECT count(*) FROM events WHERE properties IS NOT NULL"))
          .isEqualTo(
              independentLong(
                  "SELECT count(*) FROM (SELECT DISTINCT * FROM "
                      + RAW
                      + " WHERE user_geohash IS NOT NULL)"));
    }
  }

  @Test
  void import_readsHourGrainAsChinaTimeUnlessTzGiven() {
    String firstRow =
        "SELECT strftime(ts, '%Y-%m-%dT%H:%M') FROM events WHERE user_id = '98047837'"
            + " AND item_id = '232431562'";
    try (EventStore store = EventStore.open(workspace)) {
      importFile(store, FILE, ImportOptions.of(Format.TIANCHI));
      // first data row: 98047837,232431562,1,,4245,2014-12-06 02 (UTC+8)
      assertThat(storeText(store, firstRow)).isEqualTo("2014-12-05T18:00");
    }
    try (EventStore store = EventStore.open(workspace.resolve("utc"))) {
      importFile(store, FILE, ImportOptions.of(Format.TIANCHI).withZone(ZoneOffset.UTC));
      assertThat(storeText(store, firstRow)).isEqualTo("2014-12-06T02:00");
    }
  }
}
