package org.shopcast.data.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;

/**
 * The first bytes of a source file: its character set (UTF-8, or ISO-8859-1 when the head is not
 * valid UTF-8, as in exports from older spreadsheets), its first lines, and the names in a header
 * line. Sources use it to pick columns by header name before DuckDB reads the whole file.
 */
final class FileHead {
  private static final int SNIFF_BYTES = 1 << 20;
  private static final String DELIMITERS = ",;\t|";

  private final Path file;
  private final Charset charset;
  private final List<String> lines;

  private FileHead(Path file, Charset charset, List<String> lines) {
    this.file = file;
    this.charset = charset;
    this.lines = lines;
  }

  /** Reads the head of {@code file}. */
  static FileHead of(Path file) {
    byte[] head;
    boolean whole;
    try (InputStream in = Files.newInputStream(file)) {
      head = in.readNBytes(SNIFF_BYTES);
      whole = in.read() < 0;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    int length = head.length;
    if (!whole) {
      int lastNewline = length - 1;
      while (lastNewline > 0 && head[lastNewline] != '\n') {
        lastNewline--;
      }
      length = lastNewline + 1;
    }
    Charset charset = isUtf8(head, length) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    String text = new String(head, 0, length, charset);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<String> lines = new ArrayList<>();
    for (String line : text.split("\n", 64)) {
      lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
    return new FileHead(file, charset, lines);
  }

  private static boolean isUtf8(byte[] bytes, int length) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      decoder.decode(ByteBuffer.wrap(bytes, 0, length));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  Charset charset() {
    return charset;
  }

  /** The {@code encoding} option for DuckDB's {@code read_csv}. */
  String duckdbEncoding() {
    return StandardCharsets.UTF_8.equals(charset) ? "utf-8" : "latin-1";
  }

  /** The first line without BOM and line end, or "" for an empty file. */
  String firstLine() {
    return lines.isEmpty() ? "" : lines.get(0);
  }

  /** The first non-blank line after the first one, or "" when there is none in the head. */
  String secondLine() {
    for (int i = 1; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        return lines.get(i);
      }
    }
    return "";
  }

  /** The delimiter among {@code , ; TAB |} that occurs most often in the first line. */
  char delimiter() {
    String line = firstLine();
    char best = ',';
    long bestCount = 0;
    for (char candidate : DELIMITERS.toCharArray()) {
      long count = line.chars().filter(c -> c == candidate).count();
      if (count > bestCount) {
        best = candidate;
        bestCount = count;
      }
    }
    return best;
  }

  /** The names in the first line split at {@code delimiter}, unquoted and trimmed. */
  List<String> header(char delimiter) {
    List<String> names = new ArrayList<>();
    for (String part :
        firstLine().split(java.util.regex.Pattern.quote(String.valueOf(delimiter)), -1)) {
      String name = part.trim();
      if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
        name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
      }
      names.add(name);
    }
    return names;
  }

  /**
   * The position of the first header name among {@code aliases} (compared ignoring case, spaces and
   * underscores).
   *
   * @throws DataException naming the file, the header and the wanted column when none is present
   */
  static int column(Path file, List<String> header, String field, String... aliases) {
    for (String alias : aliases) {
      for (int i = 0; i < header.size(); i++) {
        if (normal(header.get(i)).equals(normal(alias))) {
          return i;
        }
      }
    }
    throw new DataException(
        new RowError(
            file.toString(),
            1,
            field,
            ErrorCode.MissingField,
            "a header with a column " + String.join(" or ", aliases),
            String.join(",", header)));
  }

  /** Like {@link #column} but -1 when the column is absent. */
  static int optionalColumn(List<String> header, String... aliases) {
    for (String alias : aliases) {
      for (int i = 0; i < header.size(); i++) {
        if (normal(header.get(i)).equals(normal(alias))) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "");
  }

  /** A {@code read_csv} column spec {@code {'c0': 'VARCHAR', ...}} for {@code n} columns. */
  static String varcharColumns(int n) {
    StringBuilder spec = new StringBuilder("{");
    for (int i = 0; i < n; i++) {
      spec.append(i == 0 ? "" : ", ").append("'c").append(i).append("': 'VARCHAR'");
    }
    return spec.append('}').toString();
  }

  Path file() {
    return file;
  }
}
