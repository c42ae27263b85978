package org.shopcast.core.error;

import java.util.Objects;

/**
 * One data error in one place: {@code events.csv:12: [BadTimestamp] field 'ts': expected epoch
 * seconds or ISO-8601, got '2024-13-01'}.
 *
 * @param file the file name as given (or a source label such as {@code http})
 * @param line 1-based line number, or 0 when the error concerns the whole file
 * @param field the field name, or null when the error concerns the whole row or file
 * @param code the stable error code
 * @param expected what was expected, in words
 * @param found the offending text as found (truncated for display)
 */
public record RowError(
    String file, long line, String field, ErrorCode code, String expected, String found) {

  private static final int MAX_SHOWN = 80;

  /** Validates the place and code. */
  public RowError {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(code, "code");
    if (line < 0) {
      throw new IllegalArgumentException("line must be >= 0, got " + line);
    }
  }

  /** The one-line message in the shape used everywhere. */
  public String message() {
    StringBuilder out = new StringBuilder(file);
    if (line > 0) {
      out.append(':').append(line);
    }
    out.append(": [").append(code).append("] ");
    if (field != null) {
      out.append("field '").append(field).append("': ");
    }
    out.append("expected ").append(expected);
    if (found != null) {
      out.append(", got '").append(shorten(found)).append('\'');
    }
    return out.toString();
  }

  private static String shorten(String text) {
    String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
    return oneLine.length() <= MAX_SHOWN ? oneLine : oneLine.substring(0, MAX_SHOWN) + "...";
  }

  @Override
  public String toString() {
    return message();
  }
}
