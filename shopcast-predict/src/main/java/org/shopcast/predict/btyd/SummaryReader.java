package org.shopcast.predict.btyd;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/**
 * Reads a customer summary CSV with a header naming its columns, in the spellings of the two
 * reference implementations: lifetimes ({@code id, frequency, recency, T, monetary_value}) and
 * Fader &amp; Hardie / R BTYD ({@code ID, x, t_x, T, zbar}); the BG/BB donation table ({@code
 * frequency, recency, periods, weights}) reads too. Only the frequency column is required; models
 * check for the columns they need. A bad value stops the read with a {@link DataException} naming
 * file, line and field.
 */
public final class SummaryReader {
  private static final Map<String, String> ALIASES =
      Map.ofEntries(
          Map.entry("id", "id"),
          Map.entry("customer_id", "id"),
          Map.entry("customer", "id"),
          Map.entry("frequency", "frequency"),
          Map.entry("x", "frequency"),
          Map.entry("recency", "recency"),
          Map.entry("t_x", "recency"),
          Map.entry("t", "T"),
          Map.entry("age", "T"),
          Map.entry("periods", "T"),
          Map.entry("monetary", "monetary"),
          Map.entry("monetary_value", "monetary"),
          Map.entry("zbar", "monetary"),
          Map.entry("weights", "weights"),
          Map.entry("weight", "weights"));

  private SummaryReader() {}

  /**
   * Reads the summary in {@code file}.
   *
   * @throws DataException when the file is missing, empty or holds a bad row
   */
  public static CustomerSummary read(Path file) {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(name, in);
    } catch (NoSuchFileException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.FileNotFound, "a readable summary file", null), e);
    } catch (IOException e) {
      throw new DataException(
          new RowError(
              name, 0, null, ErrorCode.FileNotFound, "a readable summary file", e.getMessage()),
          e);
    }
  }

  private static CustomerSummary read(String name, BufferedReader in) throws IOException {
    String header = in.readLine();
    if (header == null) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.EmptyFile, "a header and data rows", null));
    }
    if (header.startsWith("\uFEFF")) {
      header = header.substring(1);
    }
    String[] names = split(header);
    int[] column = {-1, -1, -1, -1, -1, -1};
    List<String> canonical = List.of("id", "frequency", "recency", "T", "monetary", "weights");
    for (int c = 0; c < names.length; c++) {
      String key = names[c].toLowerCase(Locale.ROOT);
      String role = ALIASES.get(key);
      if (role != null && column[canonical.indexOf(role)] < 0) {
        column[canonical.indexOf(role)] = c;
      }
    }
    if (column[1] < 0) {
      throw new DataException(
          new RowError(
              name,
              1,
              "frequency",
              ErrorCode.MissingField,
              "a header with a frequency (or x) column",
              header));
    }
    Rows rows = new Rows(column);
    long line = 1;
    for (String text = in.readLine(); text != null; text = in.readLine()) {
      line++;
      if (!text.isBlank()) {
        rows.add(name, line, text, names, split(text));
      }
    }
    if (rows.ids.isEmpty()) {
      throw new DataException(
          new RowError(name, line, null, ErrorCode.EmptyFile, "at least one data row", null));
    }
    return rows.toSummary(name);
  }

  private static String[] split(String text) {
    String[] fields = text.split(",", -1);
    for (int i = 0; i < fields.length; i++) {
      String f = fields[i].trim();
      if (f.length() >= 2 && f.startsWith("\"") && f.endsWith("\"")) {
        f = f.substring(1, f.length() - 1).trim();
      }
      fields[i] = f;
    }
    return fields;
  }

  /** Column buffers filled row by row. */
  private static final class Rows {
    private final int[] column;
    private final List<String> ids = new ArrayList<>();
    private final List<Integer> frequency = new ArrayList<>();
    private final List<Double> recency = new ArrayList<>();
    private final List<Double> age = new ArrayList<>();
    private final List<Double> monetary = new ArrayList<>();
    private final List<Long> weights = new ArrayList<>();

    Rows(int[] column) {
      this.column = column;
    }

    void add(String file, long line, String text, String[] names, String[] fields) {
      if (fields.length != names.length) {
        throw new DataException(
            new RowError(
                file,
                line,
                null,
                ErrorCode.MalformedRow,
                names.length + " comma-separated fields like the header",
                text));
      }
      Field field = new Field(file, line, names, fields);
      ids.add(column[0] >= 0 ? field.text(column[0]) : Long.toString(line - 1));
      int x = (int) field.whole(column[1], 0, Integer.MAX_VALUE);
      frequency.add(x);
      double tx = column[2] >= 0 ? field.number(column[2], 0) : 0;
      recency.add(tx);
      if (column[3] >= 0) {
        double t = field.number(column[3], 0);
        if (t < tx) {
          throw field.error(column[3], "a number >= recency (" + fields[column[2]] + ")");
        }
        age.add(t);
      }
      if (column[4] >= 0) {
        monetary.add(field.number(column[4], 0));
      }
      if (column[5] >= 0) {
        weights.add(field.whole(column[5], 1, Long.MAX_VALUE));
      }
    }

    CustomerSummary toSummary(String name) {
      int n = ids.size();
      int[] x = new int[n];
      long[] w = column[5] >= 0 ? new long[n] : null;
      double[] tx = column[2] >= 0 ? new double[n] : null;
      double[] t = column[3] >= 0 ? new double[n] : null;
      double[] m = column[4] >= 0 ? new double[n] : null;
      for (int i = 0; i < n; i++) {
        x[i] = frequency.get(i);
        if (w != null) {
          w[i] = weights.get(i);
        }
        if (tx != null) {
          tx[i] = recency.get(i);
        }
        if (t != null) {
          t[i] = age.get(i);
        }
        if (m != null) {
          m[i] = monetary.get(i);
        }
      }
      return CustomerSummary.of(Path.of(name).getFileName().toString(), ids, x, tx, t, m, w);
    }
  }

  /** Parses the fields of one row, reporting errors with file, line and column name. */
  private record Field(String file, long line, String[] names, String[] fields) {
    String text(int c) {
      if (fields[c].isEmpty()) {
        throw new DataException(
            new RowError(file, line, names[c], ErrorCode.MissingField, "a value", ""));
      }
      return fields[c];
    }

    double number(int c, double min) {
      String text = text(c);
      double value;
      try {
        value = Double.parseDouble(text);
      } catch (NumberFormatException e) {
        throw new DataException(
            new RowError(file, line, names[c], ErrorCode.BadNumber, "a number >= " + min, text), e);
      }
      if (!(value >= min) || Double.isInfinite(value)) {
        throw error(c, "a finite number >= " + min);
      }
      return value;
    }

    long whole(int c, long min, long max) {
      double value = number(c, min);
      if (value != Math.rint(value) || value > max) {
        throw error(c, "a whole number >= " + min);
      }
      return (long) value;
    }

    DataException error(int c, String expected) {
      return new DataException(
          new RowError(file, line, names[c], ErrorCode.BadNumber, expected, fields[c]));
    }
  }
}
