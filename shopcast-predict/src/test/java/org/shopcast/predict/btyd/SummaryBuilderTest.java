package org.shopcast.predict.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.shopcast.testkit.Fixtures;

class SummaryBuilderTest {

  @Test
  void build_reproducesCdnowSummaryFromTransactionLog() throws IOException {
    SummaryBuilder builder = new SummaryBuilder();
    DateTimeFormatter yyyymmdd = DateTimeFormatter.BASIC_ISO_DATE;
    for (String line :
        Files.readAllLines(Fixtures.path("cdnow/CDNOW_sample.txt"), StandardCharsets.US_ASCII)) {
      String[] f = line.trim().split("\\s+");
      builder.add(
          Integer.toString(Integer.parseInt(f[1])),
          LocalDate.parse(f[2], yyyymmdd),
          Double.parseDouble(f[4]));
    }
    CustomerSummary built =
        builder.build("CDNOW_sample.txt", LocalDate.of(1997, 9, 30), SummaryUnit.WEEKS);
    CustomerSummary published =
        SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary_with_transactions.csv"));

    assertThat(built.size()).isEqualTo(published.size());
    int totalFrequency = 0;
    for (int i = 0; i < built.size(); i++) {
      assertThat(built.id(i)).isEqualTo(published.id(i));
      assertThat(built.frequency(i)).as("x of %s", built.id(i)).isEqualTo(published.frequency(i));
      // the published file rounds to 2 decimals
      assertThat(built.recency(i))
          .as("t_x of %s", built.id(i))
          .isCloseTo(published.recency(i), within(0.0051));
      assertThat(built.age(i))
          .as("T of %s", built.id(i))
          .isCloseTo(published.age(i), within(0.0051));
      assertThat(built.monetary(i))
          .as("zbar of %s", built.id(i))
          .isCloseTo(published.monetary(i), within(0.0051));
      totalFrequency += built.frequency(i);
    }
    assertThat(totalFrequency).isEqualTo(2457);
  }

  @Test
  void build_mergesSameDayAndIgnoresAfterCutoff() {
    CustomerSummary s =
        new SummaryBuilder()
            .add("a", LocalDate.of(2024, 1, 1), 5)
            .add("a", LocalDate.of(2024, 1, 8), 3)
            .add("a", LocalDate.of(2024, 1, 8), 4)
            .add("a", LocalDate.of(2024, 2, 1), 100)
            .add("b", LocalDate.of(2024, 2, 1), 1)
            .build("t", LocalDate.of(2024, 1, 15), SummaryUnit.DAYS);
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.frequency(0)).isEqualTo(1);
    assertThat(s.recency(0)).isEqualTo(7.0);
    assertThat(s.age(0)).isEqualTo(14.0);
    assertThat(s.monetary(0)).isEqualTo(7.0);
  }
}
