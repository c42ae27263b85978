package org.shopcast.data.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.Event;
import org.shopcast.data.segment.SegmentMapper;
import org.shopcast.data.segment.SegmentMessage;

/**
 * Segment-spec JSON lines: each line one message (track, identify, page, screen) or a batch
 * envelope {@code {"batch": [...]}}, mapped by {@link SegmentMapper}. A line that is not JSON is
 * one rejected row; a bad message in a batch rejects that message only. Identify calls fill the
 * users table and are not events.
 */
final class SegmentSource implements RowSource {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SegmentMapper mapper = new SegmentMapper(Clock.systemUTC(), false);

  @Override
  public void stage(Path file, ImportOptions options, StageWriter out) throws IOException {
    String name = file.toString();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long lineNo = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        stageLine(name, lineNo, line, out);
      }
    } catch (SQLException e) {
      throw new IOException("cannot stage " + name + ": " + e.getMessage(), e);
    }
  }

  private void stageLine(String name, long lineNo, String line, StageWriter out)
      throws SQLException {
    JsonNode value;
    try {
      value = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      String why = e.getOriginalMessage();
      out.reject(
          new RowError(
              name, lineNo, null, ErrorCode.BadJson, "one JSON object per line", firstLine(why)),
          line);
      return;
    }
    boolean batch = value != null && value.has("batch") && value.get("batch").isArray();
    List<JsonNode> messages = SegmentMapper.messages(value);
    for (int i = 0; i < messages.size(); i++) {
      JsonNode message = messages.get(i);
      SegmentMessage mapped =
          mapper.map(message, null, name, lineNo, batch ? "batch[" + i + "]." : "");
      if (mapped.isRejected()) {
        out.reject(mapped.error(), batch ? message.toString() : line);
      } else if (mapped.traits() != null) {
        out.traits(mapped.traits().userId(), mapped.traits().attributes());
      }
      for (Event event : mapped.events()) {
        out.event(lineNo, event);
      }
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int end = message.indexOf('\n');
    return end < 0 ? message : message.substring(0, end);
  }
}
