package org.shopcast.forecast.regression;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/**
 * A regressor file: a header {@code time,NAME1,NAME2,...} and one row per bucket, the time as an
 * ISO-8601 date ({@code 2011-12-24}) or local date-time ({@code 2011-12-24T10:00}), then one number
 * per regressor (e.g. {@code promo} 0/1, {@code holiday} 0/1). It must cover the history and the
 * horizon: the future values are what the forecast is conditioned on.
 *
 * <p>When forecasting a file of series (no bucket times) the rows are taken in order and the time
 * field is only a label.
 *
 * @param file the file, for messages
 * @param timeField the name of the first column
 * @param names the regressor names (header fields after the first)
 * @param times the first field of every data row, in file order
 * @param lines the file line of every data row
 * @param rows the regressor values of every data row
 */
public record RegressorCsv(
    String file,
    String timeField,
    List<String> names,
    List<String> times,
    List<Long> lines,
    List<double[]> rows) {

  /** Reads {@code path}; every field must be present and numeric. */
  public static RegressorCsv read(Path path) {
    String name = path.toString();
    List<String> all;
    try {
      all = Files.readAllLines(path, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.FileNotFound, "a readable file", "no such file"),
          e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.NotText, "UTF-8 text", e.getMessage()), e);
    }
    if (all.size() < 2) {
      throw new DataException(
          new RowError(
              name, 0, null, ErrorCode.EmptyFile, "a header time,NAME,... and data rows", "none"));
    }
    String[] header = all.get(0).split(",", -1);
    if (header.length < 2) {
      throw new DataException(
          new RowError(
              name, 1, null, ErrorCode.MalformedRow, "a header time,NAME,...", all.get(0)));
    }
    List<String> names = new ArrayList<>();
    for (int j = 1; j < header.length; j++) {
      names.add(header[j].trim());
    }
    List<String> times = new ArrayList<>();
    List<Long> lines = new ArrayList<>();
    List<double[]> rows = new ArrayList<>();
    for (int i = 1; i < all.size(); i++) {
      long line = i + 1L;
      if (all.get(i).isBlank()) {
        continue;
      }
      String[] f = all.get(i).split(",", -1);
      if (f.length != header.length) {
        throw new DataException(
            new RowError(
                name,
                line,
                null,
                ErrorCode.MalformedRow,
                header.length + " fields",
                f.length + " fields"));
      }
      double[] v = new double[names.size()];
      for (int j = 0; j < v.length; j++) {
        String text = f[j + 1].trim();
        if (text.isEmpty()) {
          throw new DataException(
              new RowError(
                  name, line, names.get(j), ErrorCode.MissingField, "a number", "an empty field"));
        }
        try {
          v[j] = Double.parseDouble(text);
        } catch (NumberFormatException e) {
          throw new DataException(
              new RowError(name, line, names.get(j), ErrorCode.BadNumber, "a number", text), e);
        }
        if (!Double.isFinite(v[j])) {
          throw new DataException(
              new RowError(name, line, names.get(j), ErrorCode.BadNumber, "a finite number", text));
        }
      }
      times.add(f[0].trim());
      lines.add(line);
      rows.add(v);
    }
    return new RegressorCsv(name, header[0].trim(), names, times, lines, rows);
  }

  /** Copies the lists. */
  public RegressorCsv {
    names = List.copyOf(names);
    times = List.copyOf(times);
    lines = List.copyOf(lines);
    rows = List.copyOf(rows);
  }

  private static LocalDateTime time(String file, long line, String field, String text) {
    try {
      return text.length() <= 10
          ? LocalDate.parse(text).atStartOfDay()
          : LocalDateTime.parse(text.replace(' ', 'T'));
    } catch (DateTimeParseException e) {
      throw new DataException(
          new RowError(
              file,
              line,
              field,
              ErrorCode.BadTimestamp,
              "an ISO-8601 date or local date-time (2011-12-24 or 2011-12-24T10:00)",
              text),
          e);
    }
  }

  /**
   * The rows for {@code times} (history and horizon, in order).
   *
   * @throws DataException naming the first time without a row (and whether it is in the horizon)
   */
  public List<double[]> valuesAt(List<LocalDateTime> buckets, int historyLength) {
    Map<LocalDateTime, double[]> byTime = new LinkedHashMap<>();
    Map<LocalDateTime, Long> firstLine = new LinkedHashMap<>();
    for (int r = 0; r < rows.size(); r++) {
      LocalDateTime t = time(file, lines.get(r), timeField, times.get(r));
      if (byTime.containsKey(t)) {
        throw new DataException(
            new RowError(
                file,
                lines.get(r),
                timeField,
                ErrorCode.MalformedRow,
                "one row per time",
                times.get(r) + " again (first on line " + firstLine.get(t) + ")"));
      }
      byTime.put(t, rows.get(r));
      firstLine.put(t, lines.get(r));
    }
    List<double[]> out = new ArrayList<>(buckets.size());
    for (int i = 0; i < buckets.size(); i++) {
      double[] v = byTime.get(buckets.get(i));
      if (v == null) {
        throw new DataException(
            new RowError(
                file,
                0,
                timeField,
                ErrorCode.MissingField,
                "a row for "
                    + buckets.get(i)
                    + (i >= historyLength
                        ? " (step "
                            + (i - historyLength + 1)
                            + " of the horizon: future values are"
                            + " required)"
                        : " (bucket " + (i + 1) + " of the history)"),
                "none"));
      }
      out.add(v);
    }
    return out;
  }

  /**
   * The rows in file order when there are no bucket times to match (series read from a file):
   * exactly {@code expected} (history plus horizon) are required.
   */
  public List<double[]> valuesInOrder(int expected, String series) {
    if (rows.size() != expected) {
      throw new DataException(
          new RowError(
              file,
              0,
              null,
              ErrorCode.MalformedRow,
              expected + " data rows (series " + series + ": history plus horizon, in order)",
              rows.size() + " rows"));
    }
    return rows;
  }
}
