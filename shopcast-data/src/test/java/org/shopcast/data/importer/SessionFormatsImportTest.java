package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shopcast.data.importer.ImportTesting.importFile;
import static org.shopcast.data.importer.ImportTesting.independentLong;
import static org.shopcast.data.importer.ImportTesting.storeLong;
import static org.shopcast.data.importer.ImportTesting.storeText;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/** YOOCHOOSE and DIGINETICA: anonymous sessions taken from the source. */
class SessionFormatsImportTest {
  @TempDir Path workspace;

  @Test
  void importYoochoose_sessionsComeFromTheSource() {
    Path file = Fixtures.path("yoochoose/yoochoose-clicks-100k_test.txt");
    String raw = "read_csv('" + file + "', delim='\t', header=true, all_varchar=true)";
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result = importFile(store, file, ImportOptions.of(Format.YOOCHOOSE));

      assertThat(result.read()).isEqualTo(independentLong("SELECT count(*) FROM " + raw));
      assertThat(result.accepted() + result.duplicates()).isEqualTo(result.read());
      assertThat(storeLong(store, "SELECT count(DISTINCT session_id) FROM events"))
          .isEqualTo(independentLong("SELECT count(DISTINCT SessionId) FROM " + raw));
      assertThat(storeLong(store, "SELECT count(*) FROM events WHERE type <> 'VIEW'")).isZero();
      // 1	214536502	1396860669.277
      assertThat(
              storeText(
                  store,
                  "SELECT strftime(ts, '%Y-%m-%dT%H:%M:%S.%g') FROM events WHERE session_id = '1'"
                      + " AND item_id = '214536502'"))
          .isEqualTo("2014-04-07T08:51:09.277");
    }
  }

  @Test
  void importDiginetica_timeIsEventDatePlusTimeframe() {
    Path file = Fixtures.path("diginetica/sample_train-item-views.csv");
    String raw = "read_csv('" + file + "', delim=';', header=true, all_varchar=true)";
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result = importFile(store, file, ImportOptions.of(Format.DIGINETICA));

      assertThat(result.read()).isEqualTo(independentLong("SELECT count(*) FROM " + raw));
      assertThat(result.rejected()).isZero();
      assertThat(storeLong(store, "SELECT count(DISTINCT session_id) FROM events"))
          .isEqualTo(independentLong("SELECT count(DISTINCT session_id) FROM " + raw));
      assertThat(storeLong(store, "SELECT count(*) FROM events WHERE user_id NOT LIKE 'anon:%'"))
          .isEqualTo(independentLong("SELECT count(*) FROM " + raw + " WHERE user_id <> 'NA'"));
      // 1;NA;81766;526309;2016-05-09
      assertThat(
              storeText(
                  store,
                  "SELECT user_id || ' ' || strftime(ts, '%Y-%m-%dT%H:%M:%S.%g') FROM events"
                      + " WHERE session_id = '1' AND item_id = '81766'"))
          .isEqualTo("anon:session:1 2016-05-09T00:08:46.309");
    }
  }
}
