package org.shopcast.forecast.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/**
 * Reads series from a CSV file, series kept in file order; an empty field is a missing value.
 *
 * <ul>
 *   <li>{@code m4}: one series per row, {@code id,v1,v2,...} after a header line (the M4
 *       competition's files); trailing empty fields are padding and dropped.
 *   <li>{@code wide}: a header {@code time,A,B,...}, then one row per time step; each column after
 *       the first is a series named by its header.
 *   <li>{@code long}: a header {@code id,time,value}, one row per observation in time order.
 * </ul>
 */
public final class SeriesCsv {
  /** The file layouts. */
  public enum Layout {
    /** One row per observation: id, time, value. */
    LONG,
    /** One column per series. */
    WIDE,
    /** One row per series (M4 files). */
    M4
  }

  private SeriesCsv() {}

  /** Reads all series of {@code file} in {@code layout}. */
  public static List<NamedSeries> read(Path file, Layout layout) {
    String name = file.toString();
    List<String> lines;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines = in.lines().toList();
    } catch (NoSuchFileException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.FileNotFound, "a readable file", "no such file"),
          e);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.NotText, "UTF-8 text", e.getMessage()), e);
    }
    if (lines.size() < 2) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.EmptyFile, "a header and data rows", "none"));
    }
    return switch (layout) {
      case M4 -> readM4(name, lines);
      case WIDE -> readWide(name, lines);
      case LONG -> readLong(name, lines);
    };
  }

  /** Parses a layout name ({@code long}, {@code wide}, {@code m4}). */
  public static Layout layout(String text) {
    try {
      return Layout.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("layout must be long, wide or m4, got '" + text + "'", e);
    }
  }

  private static List<NamedSeries> readM4(String name, List<String> lines) {
    List<NamedSeries> out = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = split(lines.get(i));
      int end = f.size();
      while (end > 1 && f.get(end - 1).isEmpty()) {
        end--;
      }
      double[] v = new double[end - 1];
      for (int j = 1; j < end; j++) {
        v[j - 1] = number(name, i + 1, "V" + (j + 1), f.get(j));
      }
      out.add(new NamedSeries(f.get(0), v));
    }
    return out;
  }

  private static List<NamedSeries> readWide(String name, List<String> lines) {
    List<String> header = split(lines.get(0));
    int cols = header.size();
    List<double[]> columns = new ArrayList<>();
    int rows = 0;
    for (int j = 1; j < cols; j++) {
      columns.add(new double[lines.size() - 1]);
    }
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = split(lines.get(i));
      if (f.size() != cols) {
        throw new DataException(
            new RowError(
                name, i + 1, null, ErrorCode.MalformedRow, cols + " fields", f.size() + " fields"));
      }
      for (int j = 1; j < cols; j++) {
        columns.get(j - 1)[rows] = number(name, i + 1, header.get(j), f.get(j));
      }
      rows++;
    }
    List<NamedSeries> out = new ArrayList<>();
    for (int j = 1; j < cols; j++) {
      out.add(new NamedSeries(header.get(j), java.util.Arrays.copyOf(columns.get(j - 1), rows)));
    }
    return out;
  }

  private static List<NamedSeries> readLong(String name, List<String> lines) {
    Map<String, List<Double>> byId = new LinkedHashMap<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      List<String> f = split(lines.get(i));
      if (f.size() != 3) {
        throw new DataException(
            new RowError(
                name,
                i + 1,
                null,
                ErrorCode.MalformedRow,
                "3 fields (id,time,value)",
                f.size() + " fields"));
      }
      if (f.get(0).isEmpty()) {
        throw new DataException(
            new RowError(name, i + 1, "id", ErrorCode.MissingField, "a series id", "''"));
      }
      byId.computeIfAbsent(f.get(0), k -> new ArrayList<>())
          .add(number(name, i + 1, "value", f.get(2)));
    }
    List<NamedSeries> out = new ArrayList<>();
    byId.forEach(
        (id, vs) -> out.add(new NamedSeries(id, vs.stream().mapToDouble(d -> d).toArray())));
    return out;
  }

  private static double number(String file, int line, String field, String text) {
    if (text.isEmpty() || "NA".equals(text)) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new DataException(
          new RowError(file, line, field, ErrorCode.BadNumber, "a number", text), e);
    }
  }

  /** Splits one CSV line; double quotes around a field are removed ({@code ""} is a quote). */
  static List<String> split(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cur.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        out.add(cur.toString().trim());
        cur.setLength(0);
      } else if (c != '\r' && c != '\uFEFF') {
        cur.append(c);
      }
    }
    out.add(cur.toString().trim());
    return out;
  }
}
