package org.shopcast.analytics.rules;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/**
 * Reads a basket file: UTF-8 text, one basket per line, items separated by commas, no header (the
 * layout of the arules Groceries export and of the UCI Online Retail basket extract). Items are
 * trimmed; duplicates within a basket are collapsed; blank lines are skipped. A line with an empty
 * item ({@code a,,b}, a leading or trailing comma) or a double quote is rejected with its file and
 * line, because quoting is not part of this layout.
 */
public final class BasketReader {
  private BasketReader() {}

  /**
   * Reads all baskets of {@code file}.
   *
   * @throws DataException when the file is missing, not UTF-8 text, has a bad line or no basket
   */
  public static Baskets read(Path file) {
    String name = file.toString();
    if (!Files.isRegularFile(file)) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.FileNotFound, "a readable basket file", null));
    }
    Baskets.Builder builder = new Baskets.Builder();
    long lineNumber = 0;
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)))) {
      String line;
      while (true) {
        try {
          line = reader.readLine();
        } catch (CharacterCodingException e) {
          throw new DataException(
              new RowError(name, lineNumber + 1, null, ErrorCode.NotText, "UTF-8 text", null), e);
        }
        if (line == null) {
          break;
        }
        lineNumber++;
        if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        builder.add(parse(name, lineNumber, line));
      }
    } catch (NoSuchFileException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.FileNotFound, "a readable basket file", null), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + name, e);
    }
    if (builder.size() == 0) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.EmptyFile, "at least one basket line", null));
    }
    return builder.build();
  }

  private static List<String> parse(String file, long lineNumber, String line) {
    if (line.indexOf('\u0000') >= 0) {
      throw new DataException(
          new RowError(file, lineNumber, null, ErrorCode.NotText, "UTF-8 text", line));
    }
    if (line.indexOf('"') >= 0) {
      throw new DataException(
          new RowError(
              file,
              lineNumber,
              "item",
              ErrorCode.MalformedRow,
              "comma-separated item names without quotes",
              line));
    }
    List<String> items = new ArrayList<>();
    int start = 0;
    while (start <= line.length()) {
      int comma = line.indexOf(',', start);
      int end = comma < 0 ? line.length() : comma;
      String item = line.substring(start, end).trim();
      if (item.isEmpty()) {
        throw new DataException(
            new RowError(
                file,
                lineNumber,
                "item",
                ErrorCode.MissingField,
                "a non-empty item name at position " + (items.size() + 1),
                line));
      }
      items.add(item);
      if (comma < 0) {
        break;
      }
      start = comma + 1;
    }
    return items;
  }
}
