package org.shopcast.data.importer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Finds the file line and raw text of data rows known by their ordinal (1-based position among the
 * rows a DuckDB reader produced). Runs one sequential pass, only when some rows were rejected after
 * reading; the fast path never needs it.
 *
 * <p>A row's line is found by counting lines, skipping the header, the lines the reader rejected
 * and, for multi-column readers, blank lines (which DuckDB skips). Quoted fields that span lines
 * are not supported by this count; no supported format has them.
 */
final class LineLocator {
  /** Line number and raw text of one row. */
  record Place(long line, String raw) {}

  private LineLocator() {}

  static Map<Long, Place> locate(
      Path file,
      int headerLines,
      Set<Long> rejectedLines,
      boolean blankLinesAreRows,
      Charset charset,
      Set<Long> wantedOrdinals) {
    Map<Long, Place> found = new HashMap<>();
    if (wantedOrdinals.isEmpty()) {
      return found;
    }
    try (InputStream in = Files.newInputStream(file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
      long lineNo = 0;
      long ordinal = 0;
      String line;
      while ((line = reader.readLine()) != null && found.size() < wantedOrdinals.size()) {
        lineNo++;
        if (lineNo <= headerLines || rejectedLines.contains(lineNo)) {
          continue;
        }
        if (!blankLinesAreRows && line.isEmpty()) {
          continue;
        }
        ordinal++;
        if (wantedOrdinals.contains(ordinal)) {
          String text = new String(line.getBytes(StandardCharsets.ISO_8859_1), charset);
          found.put(ordinal, new Place(lineNo, stripBom(text)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot re-read " + file + " to locate rejected rows", e);
    }
    return found;
  }

  private static String stripBom(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
