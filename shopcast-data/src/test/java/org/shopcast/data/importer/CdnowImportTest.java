package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.shopcast.data.importer.ImportTesting.importFile;
import static org.shopcast.data.importer.ImportTesting.independentLong;
import static org.shopcast.data.importer.ImportTesting.independentText;
import static org.shopcast.data.importer.ImportTesting.storeLong;
import static org.shopcast.data.importer.ImportTesting.storeText;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

class CdnowImportTest {
  private static final Path MASTER = Fixtures.path("cdnow/CDNOW_master_first1000customers.txt");
  private static final Path SAMPLE = Fixtures.path("cdnow/CDNOW_sample.txt");

  /** The sample read independently: whitespace-separated, no header. */
  private static final String SAMPLE_RAW =
      "(SELECT p[1] AS master, p[2] AS sample_id, p[4]::INT AS cds, p[5]::DECIMAL(18, 2) AS amount FROM (SELECT"
          + " regexp_split_to_array(trim(line, ' \r'), '\\s+') AS p FROM read_csv('"
          + SAMPLE
          + "', columns={'line': 'VARCHAR'}, header=false, delim='|')))";

  @TempDir Path workspace;

  @Test
  void importMaster_keepsRepeatedLinesAsSeparatePurchases() {
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result = importFile(store, MASTER, ImportOptions.of(Format.CDNOW));

      assertThat(result.read()).isEqualTo(3316);
      assertThat(result.accepted()).isEqualTo(3316);
      assertThat(result.users()).isEqualTo(1000);
      assertThat(storeLong(store, "SELECT count(DISTINCT event_id) FROM events")).isEqualTo(3316);
      assertThat(
              storeText(store, "SELECT sum((properties->>'amount')::DECIMAL(18, 2)) FROM events"))
          .isEqualTo(
              independentText(
                  "SELECT sum(regexp_split_to_array(trim(line, ' \r'), '\\s+')[4]::DECIMAL(18,"
                      + " 2))::DECIMAL(38, 2) FROM read_csv('"
                      + MASTER
                      + "', columns={'line': 'VARCHAR'}, header=true, delim='|')"));
      // 00002 19970112 5 77.00: five CDs at 15.40
      assertThat(
              storeText(
                  store,
                  "SELECT strftime(ts, '%Y-%m-%d') || ' ' || quantity || ' ' || price FROM events"
                      + " WHERE user_id = '00002' AND quantity = 5"))
          .isEqualTo("1997-01-12 5 15.4000");
    }
  }

  @Test
  void importSampleAfterMaster_overlappingCustomersAreDuplicates() {
    try (EventStore store = EventStore.open(workspace)) {
      importFile(store, MASTER, ImportOptions.of(Format.CDNOW));
      ImportResult sample = importFile(store, SAMPLE, ImportOptions.of(Format.CDNOW));

      assertThat(sample.read()).isEqualTo(independentLong("SELECT count(*) FROM " + SAMPLE_RAW));
      assertThat(sample.duplicates())
          .isEqualTo(
              independentLong("SELECT count(*) FROM " + SAMPLE_RAW + " WHERE master::INT <= 1000"));
      assertThat(sample.rejected()).isZero();
      String firstNew =
          independentText("SELECT min(master) FROM " + SAMPLE_RAW + " WHERE master::INT > 1000");
      assertThat(
              storeText(
                  store,
                  "SELECT attributes->>'sample_id' FROM users WHERE user_id = '" + firstNew + "'"))
          .isEqualTo(
              independentText(
                  "SELECT min(sample_id) FROM "
                      + SAMPLE_RAW
                      + " WHERE master = '"
                      + firstNew
                      + "'"));
      assertThat(storeLong(store, "SELECT sum(quantity) FROM events WHERE import_id = 2"))
          .isEqualTo(
              independentLong("SELECT sum(cds) FROM " + SAMPLE_RAW + " WHERE master::INT > 1000"));
    }
  }
}
