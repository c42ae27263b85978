package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.SharedData;

/**
 * Imports every full real sample in {@code ../shared/data} that holds events, each into a fresh
 * store, and checks that every data line is read once and the counts add up. Slow (run with {@code
 * -Pslow}); skips when the shared data folder is absent.
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class SharedSamplesImportTest {
  @TempDir Path workspace;

  @ParameterizedTest(name = "{1} {0}")
  @CsvSource({
    "taobao-userbehavior/UserBehavior_head_43users.csv, taobao, 0",
    "taobao-userbehavior/UserBehavior_tutorial_20171126_0100-0310UTC.csv, taobao, 0",
    "tianchi-mobile-recommend-sample/sample_user_behavior.csv, tianchi, 1",
    "uci-online-retail/online_retail_random20k.csv, online-retail, 1",
    "uci-online-retail/online_retail_invoice_level.csv, online-retail-invoices, 1",
    "cdnow/CDNOW_master.txt, cdnow, 1",
    "cdnow/CDNOW_sample.txt, cdnow, 0",
    "yoochoose-rsc15-100k/yoochoose-clicks-100k_train_full.txt, yoochoose, 1",
    "yoochoose-rsc15-100k/yoochoose-clicks-100k_train_tr.txt, yoochoose, 1",
    "yoochoose-rsc15-100k/yoochoose-clicks-100k_train_valid.txt, yoochoose, 1",
    "yoochoose-rsc15-100k/yoochoose-clicks-100k_test.txt, yoochoose, 1",
    "diginetica-sample/sample_train-item-views.csv, diginetica, 1",
  })
  void importFullSample_countsAddUp(String relative, String format, int headerLines)
      throws IOException {
    Path file = shared(relative);
    try (EventStore store = EventStore.open(workspace)) {
      ImportResult result =
          ImportTesting.importFile(store, file, ImportOptions.of(Format.fromName(format)));

      assertThat(result.refused()).as("refused: %s", result.message()).isFalse();
      assertThat(result.read()).isEqualTo(dataLines(file) - headerLines);
      assertThat(result.accepted()).isPositive();
      assertThat(store.stats().events()).isEqualTo(result.accepted());
    }
  }

  @Test
  void importLineItemsWithoutDates_isRefusedNamingTheMissingColumn() {
    Path file = shared("uci-online-retail/online_retail_first50k_lines_nodate.csv");
    try (EventStore store = EventStore.open(workspace)) {
      assertThatThrownBy(
              () ->
                  new Importer(store, ImportTesting.CLOCK)
                      .importFile(file, ImportOptions.of(Format.ONLINE_RETAIL)))
          .isInstanceOf(DataException.class)
          .hasMessageContaining("[" + ErrorCode.MissingField + "]")
          .hasMessageContaining("InvoiceDate");
      assertThat(store.stats().events()).isZero();
    }
  }

  private static Path shared(String relative) {
    var file = SharedData.file(relative);
    Assumptions.assumeTrue(
        file.isPresent(), "shared data file " + relative + " is absent on this machine; skipped");
    return file.orElseThrow();
  }

  private static long dataLines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.ISO_8859_1)) {
      return lines.filter(line -> !line.isBlank()).count();
    }
  }
}
