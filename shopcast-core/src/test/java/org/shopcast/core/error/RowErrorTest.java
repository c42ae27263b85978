package org.shopcast.core.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RowErrorTest {

  @Test
  void message_namesFileLineFieldExpectationAndFound() {
    RowError error =
        new RowError(
            "events.csv",
            12,
            "ts",
            ErrorCode.BadTimestamp,
            "epoch seconds or ISO-8601",
            "2024-13-01");
    assertThat(error.message())
        .isEqualTo(
            "events.csv:12: [BadTimestamp] field 'ts': expected epoch seconds or ISO-8601,"
                + " got '2024-13-01'");
  }

  @Test
  void message_forWholeFileOmitsLineAndField() {
    RowError error =
        new RowError("x.csv", 0, null, ErrorCode.EmptyFile, "at least one data row", null);
    assertThat(error.message()).isEqualTo("x.csv: [EmptyFile] expected at least one data row");
  }

  @Test
  void message_escapesLineBreaksAndShortensLongText() {
    String found = "a\r\n" + "b".repeat(200);
    String message =
        new RowError("f", 1, null, ErrorCode.MalformedRow, "5 fields", found).message();
    assertThat(message).contains("a\\r\\nbbb").endsWith("...'").doesNotContain("\n");
  }

  @Test
  void constructor_rejectsNegativeLine() {
    assertThatThrownBy(() -> new RowError("f", -1, null, ErrorCode.MalformedRow, "x", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("line must be >= 0, got -1");
  }
}
