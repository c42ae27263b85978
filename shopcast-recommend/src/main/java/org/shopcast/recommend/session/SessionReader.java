package org.shopcast.recommend.session;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.shopcast.core.error.DataException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.EventType;

/**
 * Reads a session click log (see {@link SessionFormat}) strictly: the first bad line stops the read
 * with a {@link DataException} naming file, line, field, what was expected and what was found.
 * Evaluation files are small prepared splits, so a partial read would silently bias the figures.
 */
public final class SessionReader {
  private static final Pattern TAB = Pattern.compile("\t");
  private static final Pattern SEMICOLON = Pattern.compile(";");
  private static final String[] YOOCHOOSE_HEADER = {"SessionId", "ItemId", "Time"};
  private static final String[] DIGINETICA_HEADER = {
    "session_id", "user_id", "item_id", "timeframe", "eventdate"
  };

  private SessionReader() {}

  /** Reads all clicks of {@code file} in file order. */
  public static List<Click> read(Path file, SessionFormat format) {
    String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    List<Click> clicks = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        throw error(name, 0, null, ErrorCode.EmptyFile, "a header and data rows", null);
      }
      header = header.replace("\uFEFF", "");
      String[] expected = format == SessionFormat.YOOCHOOSE ? YOOCHOOSE_HEADER : DIGINETICA_HEADER;
      Pattern separator = format == SessionFormat.YOOCHOOSE ? TAB : SEMICOLON;
      String[] found = separator.split(header.strip(), -1);
      if (!java.util.Arrays.equals(found, expected)) {
        throw error(
            name,
            1,
            null,
            ErrorCode.MalformedRow,
            "the "
                + format.label()
                + " header '"
                + String.join(separator.pattern(), expected)
                + "'",
            header);
      }
      long line = 1;
      for (String text = in.readLine(); text != null; text = in.readLine()) {
        line++;
        if (text.isBlank()) {
          continue;
        }
        if (text.indexOf('\0') >= 0) {
          throw error(name, line, null, ErrorCode.NotText, "text", "binary content");
        }
        String[] fields = separator.split(text.strip(), -1);
        if (fields.length != expected.length) {
          throw error(
              name,
              line,
              null,
              ErrorCode.MalformedRow,
              expected.length + " fields separated by '" + separator.pattern() + "'",
              text);
        }
        clicks.add(
            format == SessionFormat.YOOCHOOSE
                ? yoochoose(name, line, fields)
                : diginetica(name, line, fields));
      }
    } catch (NoSuchFileException e) {
      throw new DataException(
          new RowError(file.toString(), 0, null, ErrorCode.FileNotFound, "a readable file", null),
          e);
    } catch (CharacterCodingException e) {
      throw new DataException(
          new RowError(name, 0, null, ErrorCode.NotText, "UTF-8 text", "undecodable bytes"), e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    if (clicks.isEmpty()) {
      throw error(name, 0, null, ErrorCode.EmptyFile, "at least one data row", null);
    }
    return clicks;
  }

  private static Click yoochoose(String file, long line, String[] f) {
    String session = required(file, line, "SessionId", f[0]);
    String item = required(file, line, "ItemId", f[1]);
    String time = required(file, line, "Time", f[2]);
    double seconds;
    try {
      seconds = Double.parseDouble(time);
    } catch (NumberFormatException e) {
      throw error(
          file, line, "Time", ErrorCode.BadTimestamp, "Unix seconds such as 1396437466.94", time);
    }
    if (!Double.isFinite(seconds) || seconds < 0 || seconds > 4.1e9) {
      throw error(
          file, line, "Time", ErrorCode.TimestampOutOfRange, "Unix seconds 0..4100000000", time);
    }
    return new Click(session, null, item, Math.round(seconds * 1000), EventType.VIEW, line);
  }

  private static Click diginetica(String file, long line, String[] f) {
    String session = required(file, line, "session_id", f[0]);
    String user = f[1].isEmpty() || "NA".equals(f[1]) ? null : f[1];
    String item = required(file, line, "item_id", f[2]);
    String frame = required(file, line, "timeframe", f[3]);
    String date = required(file, line, "eventdate", f[4]);
    long offset;
    try {
      offset = Long.parseLong(frame);
    } catch (NumberFormatException e) {
      throw error(file, line, "timeframe", ErrorCode.BadNumber, "milliseconds (an integer)", frame);
    }
    if (offset < 0) {
      throw error(file, line, "timeframe", ErrorCode.BadNumber, "milliseconds >= 0", frame);
    }
    long day;
    try {
      day = LocalDate.parse(date).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      throw error(file, line, "eventdate", ErrorCode.BadTimestamp, "a date YYYY-MM-DD", date);
    }
    return new Click(session, user, item, day + offset, EventType.VIEW, line);
  }

  private static String required(String file, long line, String field, String value) {
    if (value.isBlank()) {
      throw error(file, line, field, ErrorCode.MissingField, "a value", value);
    }
    return value.strip();
  }

  private static DataException error(
      String file, long line, String field, ErrorCode code, String expected, String found) {
    return new DataException(new RowError(file, line, field, code, expected, found));
  }
}
