package org.shopcast.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.Event;
import org.shopcast.core.event.EventType;
import org.shopcast.data.segment.SegmentMapper;

/**
 * Reads contract rows ({@code POST /api/v1/events}): the columns of docs/event-schema.md as JSON
 * fields, {@code ts} as ISO-8601 text or epoch milliseconds, {@code properties} as an object.
 */
final class NativeEvents {
  private final Clock clock;

  NativeEvents(Clock clock) {
    this.clock = clock;
  }

  /** The event of one row, or the error that rejects it (as a {@link RowError} in the result). */
  Object read(JsonNode row, long index) {
    try {
      return event(row, index);
    } catch (Bad e) {
      return e.error;
    }
  }

  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient RowError error;

    Bad(RowError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  private static Bad bad(long index, String field, ErrorCode code, String expected, String found) {
    return new Bad(new RowError("events[" + index + "]", 0, field, code, expected, found));
  }

  private Event event(JsonNode row, long index) throws Bad {
    if (row == null || !row.isObject()) {
      throw bad(index, null, ErrorCode.BadJson, "a JSON object", String.valueOf(row));
    }
    String userId = text(row, "user_id", index);
    if (userId == null) {
      throw bad(index, "user_id", ErrorCode.MissingField, "a non-empty user_id", null);
    }
    String typeText = text(row, "type", index);
    EventType type =
        EventType.parse(typeText)
            .orElseThrow(
                () ->
                    bad(
                        index,
                        "type",
                        typeText == null ? ErrorCode.MissingField : ErrorCode.UnknownEventType,
                        "one of VIEW, SEARCH, FAVORITE, CART_ADD, CART_REMOVE, PURCHASE, RETURN",
                        typeText));
    String item = text(row, "item_id", index);
    if (type.needsItem() && item == null) {
      throw bad(index, "item_id", ErrorCode.MissingField, "an item_id for " + type, null);
    }
    Instant ts = ts(row.get("ts"), index);
    int quantity = 1;
    JsonNode q = row.get("quantity");
    if (q != null && !q.isNull()) {
      if (!q.canConvertToExactIntegral() || !q.canConvertToInt()) {
        throw bad(index, "quantity", ErrorCode.BadNumber, "a whole number", q.toString());
      }
      quantity = q.intValue();
      if (quantity < 1) {
        throw bad(
            index, "quantity", ErrorCode.NonPositiveQuantity, "a quantity >= 1", q.toString());
      }
    }
    BigDecimal price = null;
    JsonNode p = row.get("price");
    if (p != null && !p.isNull()) {
      if (!p.isNumber()) {
        throw bad(index, "price", ErrorCode.BadNumber, "a price as a JSON number", p.toString());
      }
      price = p.decimalValue().setScale(SegmentMapper.PRICE_SCALE, RoundingMode.HALF_UP);
      if (price.signum() <= 0 || price.compareTo(new BigDecimal("1e14")) >= 0) {
        throw bad(
            index, "price", ErrorCode.NonPositivePrice, "a price > 0 and below 1e14", p.toString());
      }
    }
    JsonNode props = row.get("properties");
    String properties = null;
    if (props != null && !props.isNull()) {
      if (!props.isObject()) {
        throw bad(index, "properties", ErrorCode.BadJson, "a JSON object", props.toString());
      }
      properties = props.toString();
    }
    return new Event(
        text(row, "event_id", index),
        userId,
        ts,
        type,
        item,
        text(row, "category_id", index),
        text(row, "session_id", index),
        text(row, "order_id", index),
        quantity,
        price,
        text(row, "query", index),
        text(row, "channel", index),
        properties);
  }

  private Instant ts(JsonNode node, long index) throws Bad {
    String expected = "ISO-8601 text such as 2024-05-01T12:00:00Z or epoch milliseconds";
    if (node == null || node.isNull()) {
      throw bad(index, "ts", ErrorCode.MissingField, expected, null);
    }
    Instant ts;
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      ts = Instant.ofEpochMilli(node.longValue());
    } else if (node.isTextual()) {
      try {
        ts = OffsetDateTime.parse(node.asText().trim()).toInstant();
      } catch (DateTimeParseException e) {
        throw bad(index, "ts", ErrorCode.BadTimestamp, expected, node.asText());
      }
    } else {
      throw bad(index, "ts", ErrorCode.BadTimestamp, expected, node.toString());
    }
    Instant latest = clock.instant().plus(SegmentMapper.MAX_FUTURE);
    if (ts.isBefore(SegmentMapper.EARLIEST) || ts.isAfter(latest)) {
      throw bad(
          index,
          "ts",
          ErrorCode.TimestampOutOfRange,
          "a time from " + SegmentMapper.EARLIEST + " to " + latest,
          node.asText());
    }
    return ts;
  }

  private static String text(JsonNode row, String field, long index) throws Bad {
    JsonNode node = row.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isTextual()) {
      String value = node.asText().trim();
      return value.isBlank() ? null : value;
    }
    if (node.isIntegralNumber()) {
      return node.asText();
    }
    throw bad(index, field, ErrorCode.BadJson, "a string", node.toString());
  }
}
