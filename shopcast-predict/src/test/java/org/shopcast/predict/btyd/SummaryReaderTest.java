package org.shopcast.predict.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.DataException;
import org.shopcast.testkit.Fixtures;

class SummaryReaderTest {
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void read_lifetimesSpelling() {
    CustomerSummary cdnow = SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary.csv"));
    assertThat(cdnow.size()).isEqualTo(2357);
    assertThat(cdnow.id(0)).isEqualTo("1");
    assertThat(cdnow.frequency(0)).isEqualTo(2);
    assertThat(cdnow.recency(0)).isEqualTo(30.43);
    assertThat(cdnow.age(0)).isEqualTo(38.86);
    assertThat(cdnow.hasMonetary()).isFalse();
    int total = 0;
    for (int i = 0; i < cdnow.size(); i++) {
      total += cdnow.frequency(i);
    }
    assertThat(total).isEqualTo(2457);
  }

  @Test
  void read_hardieSpellingWithZbar() {
    CustomerSummary cdnow =
        SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary_with_transactions.csv"));
    assertThat(cdnow.size()).isEqualTo(2357);
    assertThat(cdnow.hasMonetary()).isTrue();
    assertThat(cdnow.monetary(0)).isEqualTo(22.35);
    assertThat(cdnow.source()).endsWith("cdnow_customers_summary_with_transactions.csv");
  }

  @Test
  void read_weightedDonationTable() {
    CustomerSummary donations = SummaryReader.read(Fixtures.path("cdnow/donations.csv"));
    assertThat(donations.size()).isEqualTo(22);
    assertThat(donations.customers()).isEqualTo(11_104);
    assertThat(donations.age(0)).isEqualTo(6.0);
  }

  @Test
  void read_frequencyAndMonetaryOnly() throws IOException {
    CustomerSummary spend = SummaryReader.read(write("spend.csv", "frequency,monetary\n2,10.5\n"));
    assertThat(spend.hasMonetary()).isTrue();
    assertThat(spend.hasRecencyAndAge()).isFalse();
    assertThat(spend.id(0)).isEqualTo("1");
  }

  @Test
  void read_acceptsBomCrlfAndBlankLines() throws IOException {
    CustomerSummary s = SummaryReader.read(write("bom.csv", "\uFEFFid,x,t_x,T\r\n\r\na,1,2,3\r\n"));
    assertThat(s.size()).isEqualTo(1);
    assertThat(s.age(0)).isEqualTo(3.0);
  }

  @Test
  void read_rejectsNonNumberWithFileLineAndField() throws IOException {
    Path file = write("bad.csv", "id,frequency,recency,T\n1,2,3,4\n2,two,3,4\n");
    assertThatThrownBy(() -> SummaryReader.read(file))
        .isInstanceOf(DataException.class)
        .hasMessage(
            file + ":3: [BadNumber] field 'frequency': expected a number >= 0.0, got 'two'");
  }

  @Test
  void read_rejectsFractionalFrequency() throws IOException {
    Path file = write("frac.csv", "id,frequency,recency,T\n1,2.5,3,4\n");
    assertThatThrownBy(() -> SummaryReader.read(file))
        .hasMessage(
            file + ":2: [BadNumber] field 'frequency': expected a whole number >= 0, got '2.5'");
  }

  @Test
  void read_rejectsRecencyAfterAge() throws IOException {
    Path file = write("late.csv", "ID,x,t_x,T\n7,1,40,38.86\n");
    assertThatThrownBy(() -> SummaryReader.read(file))
        .hasMessage(
            file + ":2: [BadNumber] field 'T': expected a number >= recency (40), got '38.86'");
  }

  @Test
  void read_rejectsMissingFieldAndShortRow() throws IOException {
    Path empty = write("empty-field.csv", "id,frequency,recency,T\n1,,3,4\n");
    assertThatThrownBy(() -> SummaryReader.read(empty))
        .hasMessage(empty + ":2: [MissingField] field 'frequency': expected a value, got ''");
    Path shortRow = write("short.csv", "id,frequency,recency,T\n1,2,3\n");
    assertThatThrownBy(() -> SummaryReader.read(shortRow))
        .hasMessage(
            shortRow
                + ":2: [MalformedRow] expected 4 comma-separated fields like the header, got '1,2,3'");
  }

  @Test
  void read_rejectsHeaderWithoutFrequencyAndEmptyFiles() throws IOException {
    Path noFrequency = write("nofreq.csv", "id,recency,T\n1,2,3\n");
    assertThatThrownBy(() -> SummaryReader.read(noFrequency))
        .hasMessage(
            noFrequency
                + ":1: [MissingField] field 'frequency': expected a header with a frequency (or x) column, got 'id,recency,T'");
    Path headerOnly = write("header.csv", "id,frequency\n");
    assertThatThrownBy(() -> SummaryReader.read(headerOnly))
        .hasMessage(headerOnly + ":1: [EmptyFile] expected at least one data row");
    Path missing = dir.resolve("absent.csv");
    assertThatThrownBy(() -> SummaryReader.read(missing))
        .hasMessage(missing + ": [FileNotFound] expected a readable summary file");
  }
}
