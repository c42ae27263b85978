package org.shopcast.predict.sessions;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/**
 * Reads the UCI "Online Shoppers Purchasing Intention" CSV (Sakar, Polat, Katircioglu &amp; Kastro
 * 2019, UCI dataset 468). The delimiter ({@code ;} or {@code ,}) is taken from the header; columns
 * are found by name, in any order; booleans may be TRUE/FALSE or YES/NO; CRLF line ends are
 * accepted.
 *
 * <p>Features: the ten numeric page and analytics columns as they are; {@code Month} as its number
 * 1..12 ({@code June} and {@code Jun} both accepted); {@code OperatingSystems}, {@code Browser},
 * {@code Region} and {@code TrafficType} as their integer codes (not one-hot encoded); {@code
 * VisitorType} as two indicators (new visitor, other; returning visitor is the reference); {@code
 * Weekend} as 0/1. The label is {@code Revenue}.
 */
public final class ShoppersCsv {
  private static final List<String> NUMERIC =
      List.of(
          "Administrative",
          "Administrative_Duration",
          "Informational",
          "Informational_Duration",
          "ProductRelated",
          "ProductRelated_Duration",
          "BounceRates",
          "ExitRates",
          "PageValues",
          "SpecialDay");
  private static final List<String> CODES =
      List.of("OperatingSystems", "Browser", "Region", "TrafficType");
  private static final List<String> MONTHS =
      List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");

  /** The feature names, in column order of {@link ShoppersData#rows()}. */
  public static final List<String> FEATURES = featureNames();

  private ShoppersCsv() {}

  private static List<String> featureNames() {
    List<String> names = new ArrayList<>(NUMERIC);
    names.add("Month");
    names.addAll(CODES);
    names.add("VisitorType=New_Visitor");
    names.add("VisitorType=Other");
    names.add("Weekend");
    return List.copyOf(names);
  }

  /**
   * Reads the file.
   *
   * @throws DataException naming the file, line and field when the file is missing, empty, lacks a
   *     column, or a value does not parse
   */
  public static ShoppersData read(Path file) {
    String name = file.toString();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || header.isBlank()) {
        throw new DataException(
            new RowError(name, 1, "", ErrorCode.EmptyFile, "a header line", "nothing"));
      }
      header = strip(header);
      String delimiter = header.contains(";") ? ";" : ",";
      String[] names = header.split(Pattern.quote(delimiter), -1);
      Map<String, Integer> index = new HashMap<>();
      for (int i = 0; i < names.length; i++) {
        index.put(names[i].trim().replace("\"", ""), i);
      }
      List<String> required = new ArrayList<>(NUMERIC);
      required.addAll(CODES);
      required.addAll(List.of("Month", "VisitorType", "Weekend", "Revenue"));
      for (String column : required) {
        if (!index.containsKey(column)) {
          throw new DataException(
              new RowError(
                  name, 1, column, ErrorCode.MissingField, "a column named " + column, header));
        }
      }
      List<double[]> rows = new ArrayList<>();
      List<Boolean> labels = new ArrayList<>();
      long lineNo = 1;
      String line;
      while ((line = in.readLine()) != null) {
        lineNo++;
        line = strip(line);
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.split(Pattern.quote(delimiter), -1);
        if (f.length != names.length) {
          throw new DataException(
              new RowError(
                  name,
                  lineNo,
                  "",
                  ErrorCode.MalformedRow,
                  names.length + " fields separated by '" + delimiter + "'",
                  f.length + " fields"));
        }
        double[] row = new double[FEATURES.size()];
        int k = 0;
        for (String column : NUMERIC) {
          row[k++] = number(f, index.get(column), column, name, lineNo);
        }
        row[k++] = month(field(f, index.get("Month"), "Month", name, lineNo), name, lineNo);
        for (String column : CODES) {
          row[k++] = number(f, index.get(column), column, name, lineNo);
        }
        String visitor = field(f, index.get("VisitorType"), "VisitorType", name, lineNo);
        switch (visitor) {
          case "Returning_Visitor" -> k += 2;
          case "New_Visitor" -> {
            row[k++] = 1;
            k++;
          }
          case "Other" -> {
            k++;
            row[k++] = 1;
          }
          default ->
              throw new DataException(
                  new RowError(
                      name,
                      lineNo,
                      "VisitorType",
                      ErrorCode.MalformedRow,
                      "Returning_Visitor, New_Visitor or Other",
                      visitor));
        }
        row[k] = bool(f, index.get("Weekend"), "Weekend", name, lineNo) ? 1 : 0;
        rows.add(row);
        labels.add(bool(f, index.get("Revenue"), "Revenue", name, lineNo));
      }
      if (rows.isEmpty()) {
        throw new DataException(
            new RowError(name, 2, "", ErrorCode.EmptyFile, "at least one session", "no rows"));
      }
      boolean[] l = new boolean[labels.size()];
      for (int i = 0; i < l.length; i++) {
        l[i] = labels.get(i);
      }
      return new ShoppersData(FEATURES, rows.toArray(new double[0][]), l);
    } catch (NoSuchFileException e) {
      throw new DataException(
          new RowError(name, 0, "", ErrorCode.FileNotFound, "a readable file", "no such file"), e);
    } catch (IOException e) {
      throw new DataException(
          new RowError(name, 0, "", ErrorCode.FileNotFound, "a readable file", e.toString()), e);
    }
  }

  private static String strip(String line) {
    String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }

  private static String field(String[] f, int i, String column, String file, long line) {
    String value = f[i].trim().replace("\"", "");
    if (value.isEmpty()) {
      throw new DataException(
          new RowError(file, line, column, ErrorCode.MissingField, "a value", "empty"));
    }
    return value;
  }

  private static double number(String[] f, int i, String column, String file, long line) {
    String value = field(f, i, column, file, line);
    try {
      double x = Double.parseDouble(value);
      if (!Double.isFinite(x)) {
        throw new NumberFormatException(value);
      }
      return x;
    } catch (NumberFormatException e) {
      throw new DataException(
          new RowError(file, line, column, ErrorCode.BadNumber, "a finite number", value), e);
    }
  }

  private static boolean bool(String[] f, int i, String column, String file, long line) {
    String value = field(f, i, column, file, line);
    return switch (value.toUpperCase(Locale.ROOT)) {
      case "TRUE", "YES", "1" -> true;
      case "FALSE", "NO", "0" -> false;
      default ->
          throw new DataException(
              new RowError(
                  file, line, column, ErrorCode.MalformedRow, "TRUE/FALSE or YES/NO", value));
    };
  }

  private static double month(String value, String file, long line) {
    String key = value.length() >= 3 ? value.substring(0, 3).toLowerCase(Locale.ROOT) : value;
    int m = MONTHS.indexOf(key);
    if (m < 0) {
      throw new DataException(
          new RowError(
              file, line, "Month", ErrorCode.MalformedRow, "a month name (Jan..Dec)", value));
    }
    return m + 1;
  }
}
