package org.shopcast.cli.analyze;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Prints rows of named values as an aligned text table. */
final class TextTable {
  private TextTable() {}

  /** Prints {@code rows} (all with the keys of the first) under a header line. */
  static void print(PrintWriter out, List<? extends Map<String, ?>> rows) {
    if (rows.isEmpty()) {
      out.println("(no rows)");
      out.flush();
      return;
    }
    List<String> columns = new ArrayList<>(rows.get(0).keySet());
    List<String[]> cells = new ArrayList<>();
    cells.add(columns.toArray(new String[0]));
    for (Map<String, ?> row : rows) {
      String[] line = new String[columns.size()];
      for (int c = 0; c < line.length; c++) {
        line[c] = format(row.get(columns.get(c)));
      }
      cells.add(line);
    }
    int[] widths = new int[columns.size()];
    for (String[] line : cells) {
      for (int c = 0; c < line.length; c++) {
        widths[c] = Math.max(widths[c], line[c].length());
      }
    }
    for (String[] line : cells) {
      StringBuilder sb = new StringBuilder();
      for (int c = 0; c < line.length; c++) {
        if (c > 0) {
          sb.append("  ");
        }
        String cell = line[c];
        boolean numeric =
            !cell.isEmpty() && (Character.isDigit(cell.charAt(0)) || cell.startsWith("-"));
        String pad = " ".repeat(widths[c] - cell.length());
        sb.append(numeric && line != cells.get(0) ? pad + cell : cell + pad);
      }
      out.println(sb.toString().stripTrailing());
    }
    out.flush();
  }

  /** A value as text: doubles with 4 significant decimals, lists joined by commas. */
  static String format(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      if (Double.isInfinite(d)) {
        return d > 0 ? "inf" : "-inf";
      }
      return Math.abs(d) >= 1000
          ? String.format(Locale.ROOT, "%.1f", d)
          : String.format(Locale.ROOT, "%.4f", d);
    }
    if (value instanceof List<?> list) {
      List<String> parts = new ArrayList<>();
      for (Object o : list) {
        parts.add(format(o));
      }
      return String.join(",", parts);
    }
    return value.toString();
  }
}
