package org.shopcast.data.segment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.shopcast.core.error.ErrorCode;
import org.shopcast.core.error.RowError;
import org.shopcast.core.event.Event;
import org.shopcast.core.event.EventType;

/**
 * Maps one Segment message (Tracking API spec: {@code track}, {@code identify}, {@code page},
 * {@code screen}) onto contract events, the way both the {@code segment} importer and the server's
 * {@code /v1/*} endpoints do.
 *
 * <ul>
 *   <li>user: {@code userId}, else {@code anonymousId};
 *   <li>time: {@code timestamp}, else {@code originalTimestamp}, else {@code sentAt}, else {@code
 *       receivedAt} (ISO-8601), else the receive time when the caller stamps missing times;
 *   <li>event id: {@code messageId} ({@code messageId:n} for the n-th product of an order);
 *   <li>track events by their e-commerce spec v2 name ({@link SegmentEvents}); {@code Order
 *       Completed} and {@code Order Refunded} give one PURCHASE or RETURN per entry of {@code
 *       properties.products} with its price, quantity and the order id;
 *   <li>page and screen calls become a VIEW of {@code properties.product_id} and are rejected when
 *       they show no product (the contract's VIEW needs an item);
 *   <li>identify calls give the user's {@code traits}.
 * </ul>
 *
 * <p>A message with any bad field is rejected as a whole with one {@link RowError} naming the field
 * (with its JSON path), what was expected and what was found.
 */
public final class SegmentMapper {
  /** Events before this time are rejected as out of range. */
  public static final Instant EARLIEST = Instant.parse("1990-01-01T00:00:00Z");

  /** How far past the clock's now an event time may lie (client clock skew). */
  public static final Duration MAX_FUTURE = Duration.ofDays(1);

  /** Decimal places of stored prices (the store's DECIMAL(18, 4)). */
  public static final int PRICE_SCALE = 4;

  private static final String ISO = "an ISO-8601 date-time such as 2024-05-01T12:00:00.000Z";

  private final Clock clock;
  private final boolean stampMissingTimes;

  /**
   * A mapper.
   *
   * @param clock gives now, for the future bound and for stamping
   * @param stampMissingTimes give messages without any time the clock's now (a live receiver)
   *     instead of rejecting them (a file)
   */
  public SegmentMapper(Clock clock, boolean stampMissingTimes) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.stampMissingTimes = stampMissingTimes;
  }

  /**
   * The messages in one JSON value: the entries of a batch envelope ({@code {"batch": [...]}}),
   * else the value itself.
   */
  public static List<JsonNode> messages(JsonNode value) {
    JsonNode batch = value == null ? null : value.get("batch");
    if (batch != null && batch.isArray()) {
      List<JsonNode> out = new ArrayList<>(batch.size());
      batch.forEach(out::add);
      return out;
    }
    return List.of(value == null ? JsonNodeFactory.instance.nullNode() : value);
  }

  /**
   * Maps one message.
   *
   * @param message the message object
   * @param impliedType the type when the endpoint implies it ({@code track} for {@code /v1/track}),
   *     or null to read the message's {@code type}
   * @param source the file name or source label errors name
   * @param line the 1-based line errors name, 0 for none
   * @param path prefix of field names in errors, e.g. {@code batch[3].}; empty for none
   */
  public SegmentMessage map(
      JsonNode message, String impliedType, String source, long line, String path) {
    return map(SegmentValue.of(message), impliedType, source, line, path);
  }

  /**
   * Maps the message at {@code parser}'s current token, read without building a tree (only the
   * fields the mapping uses are kept); leaves the parser on the message's last token. The result
   * equals {@link #map(JsonNode, String, String, long, String)}'s for the same text.
   *
   * @throws IOException when the text is not valid JSON
   */
  public SegmentMessage map(
      JsonParser parser, String impliedType, String source, long line, String path)
      throws IOException {
    return map(StreamedValue.readMessage(parser), impliedType, source, line, path);
  }

  private SegmentMessage map(
      SegmentValue message, String impliedType, String source, long line, String path) {
    try {
      return new Reading(message, source, line, path).read(impliedType);
    } catch (Rejected e) {
      return SegmentMessage.rejected(e.error);
    }
  }

  /** A bad field; carries the error that rejects the message. */
  private static final class Rejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient RowError error;

    Rejected(RowError error) {
      super(error.message(), null, false, false);
      this.error = error;
    }
  }

  /** The state of mapping one message. */
  private final class Reading {
    private final SegmentValue message;
    private final String source;
    private final long line;
    private final String path;

    Reading(SegmentValue message, String source, long line, String path) {
      this.message = message;
      this.source = source;
      this.line = line;
      this.path = path;
    }

    private Rejected reject(String field, ErrorCode code, String expected, String found) {
      return new Rejected(
          new RowError(source, line, field == null ? null : path + field, code, expected, found));
    }

    SegmentMessage read(String impliedType) throws Rejected {
      if (message == null || !message.isObject()) {
        throw reject(null, ErrorCode.BadJson, "a JSON object", shown(message));
      }
      String type = impliedType != null ? impliedType : text("type", true);
      String normal = type.toLowerCase(Locale.ROOT);
      String userId = user();
      return switch (normal) {
        case "track" -> SegmentMessage.of(track(userId));
        case "page", "screen" -> SegmentMessage.of(List.of(page(userId)));
        case "identify" -> SegmentMessage.of(identify(userId));
        default ->
            throw reject(
                "type", ErrorCode.UnknownEventType, "one of track, identify, page, screen", type);
      };
    }

    private String user() throws Rejected {
      String userId = text("userId", false);
      if (userId != null) {
        return userId;
      }
      String anonymousId = text("anonymousId", false);
      if (anonymousId != null) {
        return anonymousId;
      }
      throw reject("userId", ErrorCode.MissingField, "a userId or an anonymousId", null);
    }

    private UserTraits identify(String userId) throws Rejected {
      SegmentValue traits = message.get("traits");
      if (traits == null || traits.isNull()) {
        return new UserTraits(userId, "{}");
      }
      if (!traits.isObject()) {
        throw reject("traits", ErrorCode.BadJson, "a JSON object", shown(traits));
      }
      return new UserTraits(userId, traits.json());
    }

    private Event page(String userId) throws Rejected {
      SegmentValue properties = properties();
      String item = product(properties, "properties.");
      if (item == null) {
        throw reject(
            "properties.product_id",
            ErrorCode.MissingField,
            "the product a page shows (page and screen calls become VIEW events of a product)",
            name());
      }
      String name = name();
      String kept = properties.edited(name == null ? null : "name", name, null, null, null);
      return event(
          id(null), userId, EventType.VIEW, item, properties, "properties.", null, null, kept);
    }

    private List<Event> track(String userId) throws Rejected {
      String name = text("event", true);
      EventType type =
          SegmentEvents.typeOf(name)
              .orElseThrow(
                  () ->
                      reject(
                          "event",
                          ErrorCode.UnknownEventType,
                          SegmentEvents.expectedNames(),
                          name));
      SegmentValue properties = properties();
      if (type == EventType.PURCHASE || type == EventType.RETURN) {
        return order(userId, type, properties, name);
      }
      String kept = properties.edited("event", name, null, null, null);
      String item = product(properties, "properties.");
      if (type.needsItem() && item == null) {
        throw reject(
            "properties.product_id", ErrorCode.MissingField, "a product_id (or sku)", null);
      }
      String query = null;
      if (type == EventType.SEARCH) {
        query = optionalText(properties, "query", "properties.");
        if (query == null) {
          throw reject("properties.query", ErrorCode.MissingField, "the search query", null);
        }
      }
      return List.of(
          event(id(null), userId, type, item, properties, "properties.", query, null, kept));
    }

    private List<Event> order(
        String userId, EventType type, SegmentValue properties, String eventName) throws Rejected {
      String orderId = optionalText(properties, "order_id", "properties.");
      SegmentValue products = properties.get("products");
      if (products == null || products.isNull() || (products.isArray() && products.size() == 0)) {
        throw reject(
            "properties.products",
            ErrorCode.MissingField,
            "a non-empty products array (one " + type + " event per product)",
            null);
      }
      if (!products.isArray()) {
        throw reject("properties.products", ErrorCode.BadJson, "a JSON array", shown(products));
      }
      List<Event> events = new ArrayList<>(products.size());
      for (int i = 0; i < products.size(); i++) {
        String at = "properties.products[" + i + "].";
        SegmentValue product = products.get(i);
        if (!product.isObject()) {
          throw reject(
              at.substring(0, at.length() - 1), ErrorCode.BadJson, "a JSON object", shown(product));
        }
        String item = product(product, at);
        if (item == null) {
          throw reject(at + "product_id", ErrorCode.MissingField, "a product_id (or sku)", null);
        }
        String rowProperties =
            properties.edited("event", eventName, "products", "product", product);
        events.add(event(id(i), userId, type, item, product, at, null, orderId, rowProperties));
      }
      return events;
    }

    private Event event(
        String eventId,
        String userId,
        EventType type,
        String item,
        SegmentValue fields,
        String at,
        String query,
        String orderId,
        String kept)
        throws Rejected {
      Instant ts = time();
      BigDecimal price = price(fields, at);
      int quantity = quantity(fields, at);
      String category = optionalText(fields, "category", at);
      return new Event(
          eventId, userId, ts, type, item, category, null, orderId, quantity, price, query,
          channel(), kept);
    }

    private String id(Integer index) throws Rejected {
      String messageId = text("messageId", false);
      if (messageId == null) {
        return null;
      }
      return index == null ? messageId : messageId + ":" + index;
    }

    private String name() {
      SegmentValue name = message.get("name");
      return name != null && name.isTextual() ? name.asText() : null;
    }

    private SegmentValue properties() throws Rejected {
      SegmentValue properties = message.get("properties");
      if (properties == null || properties.isNull()) {
        return message.emptyObject();
      }
      if (!properties.isObject()) {
        throw reject("properties", ErrorCode.BadJson, "a JSON object", shown(properties));
      }
      return properties;
    }

    private String product(SegmentValue fields, String at) throws Rejected {
      String id = optionalText(fields, "product_id", at);
      if (id == null) {
        id = optionalText(fields, "sku", at);
      }
      return id;
    }

    private BigDecimal price(SegmentValue fields, String at) throws Rejected {
      SegmentValue node = fields.get("price");
      if (node == null || node.isNull()) {
        return null;
      }
      BigDecimal price =
          number(node, at + "price", "a price as a JSON number")
              .setScale(PRICE_SCALE, RoundingMode.HALF_UP);
      if (price.signum() <= 0) {
        throw reject(at + "price", ErrorCode.NonPositivePrice, "a price > 0", node.asText());
      }
      if (price.abs().compareTo(new BigDecimal("1e14")) >= 0) {
        throw reject(at + "price", ErrorCode.BadNumber, "a price below 1e14", node.asText());
      }
      return price;
    }

    private int quantity(SegmentValue fields, String at) throws Rejected {
      SegmentValue node = fields.get("quantity");
      if (node == null || node.isNull()) {
        return 1;
      }
      BigDecimal quantity = number(node, at + "quantity", "a whole number of units");
      if (quantity.signum() <= 0) {
        throw reject(
            at + "quantity", ErrorCode.NonPositiveQuantity, "a quantity >= 1", node.asText());
      }
      try {
        return quantity.intValueExact();
      } catch (ArithmeticException e) {
        throw reject(
            at + "quantity", ErrorCode.BadNumber, "a whole number of units", node.asText());
      }
    }

    private BigDecimal number(SegmentValue node, String field, String expected) throws Rejected {
      if (node.isNumber()) {
        if (node.isFloatingPointNumber() && !Double.isFinite(node.doubleValue())) {
          throw reject(field, ErrorCode.BadNumber, expected, node.asText());
        }
        return node.decimalValue();
      }
      if (node.isTextual()) {
        try {
          return new BigDecimal(node.asText().trim());
        } catch (NumberFormatException e) {
          throw reject(field, ErrorCode.BadNumber, expected, node.asText());
        }
      }
      throw reject(field, ErrorCode.BadNumber, expected, shown(node));
    }

    private String channel() {
      String source = message.campaignSource();
      if (source != null && !source.isBlank()) {
        return source;
      }
      SegmentValue channel = message.get("channel");
      return channel != null && channel.isTextual() ? channel.asText() : null;
    }

    private Instant time() throws Rejected {
      for (String field : new String[] {"timestamp", "originalTimestamp", "sentAt", "receivedAt"}) {
        SegmentValue node = message.get(field);
        if (node == null || node.isNull()) {
          continue;
        }
        if (!node.isTextual()) {
          throw reject(field, ErrorCode.BadTimestamp, ISO, shown(node));
        }
        Instant ts = parseTime(node.asText());
        if (ts == null) {
          throw reject(field, ErrorCode.BadTimestamp, ISO, node.asText());
        }
        Instant latest = clock.instant().plus(MAX_FUTURE);
        if (ts.isBefore(EARLIEST) || ts.isAfter(latest)) {
          throw reject(
              field,
              ErrorCode.TimestampOutOfRange,
              "a time from " + EARLIEST + " to " + latest,
              node.asText());
        }
        return ts;
      }
      if (stampMissingTimes) {
        return clock.instant();
      }
      throw reject("timestamp", ErrorCode.MissingField, ISO, null);
    }

    private String text(String field, boolean required) throws Rejected {
      String value = optionalText(message, field, "");
      if (value == null && required) {
        throw reject(field, ErrorCode.MissingField, "a non-empty " + field, null);
      }
      return value;
    }

    private String optionalText(SegmentValue fields, String field, String at) throws Rejected {
      SegmentValue node = fields.get(field);
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
      throw reject(at + field, ErrorCode.BadJson, "a string", shown(node));
    }
  }

  /** Parses ISO-8601 with an offset, or without one as UTC; null when it is not a date-time. */
  static Instant parseTime(String text) {
    String trimmed = text.trim();
    Instant fast = parseCommonTime(trimmed);
    if (fast != null) {
      return fast;
    }
    try {
      return OffsetDateTime.parse(trimmed).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(trimmed).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /**
   * The common forms {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|+HH:MM|-HH:MM]} parsed without a
   * formatter (the same instant {@code OffsetDateTime.parse} gives, ten times faster); null for any
   * other text or an invalid field, which the full parsers then handle.
   */
  static Instant parseCommonTime(String s) {
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return null;
    }
    int year = digits(s, 0, 4);
    int month = digits(s, 5, 2);
    int day = digits(s, 8, 2);
    int hour = digits(s, 11, 2);
    int minute = digits(s, 14, 2);
    int second = digits(s, 17, 2);
    if ((year | month | day | hour | minute | second) < 0) {
      return null;
    }
    int at = 19;
    int nanos = 0;
    if (at < n && s.charAt(at) == '.') {
      int start = ++at;
      while (at < n && at - start < 9 && Character.isDigit(s.charAt(at))) {
        nanos = nanos * 10 + (s.charAt(at) - '0');
        at++;
      }
      if (at == start || (at < n && Character.isDigit(s.charAt(at)))) {
        return null;
      }
      for (int i = at - start; i < 9; i++) {
        nanos *= 10;
      }
    }
    ZoneOffset offset;
    if (at == n) {
      offset = ZoneOffset.UTC;
    } else if (at == n - 1 && s.charAt(at) == 'Z') {
      offset = ZoneOffset.UTC;
    } else if (at == n - 6
        && (s.charAt(at) == '+' || s.charAt(at) == '-')
        && s.charAt(at + 3) == ':') {
      int hours = digits(s, at + 1, 2);
      int minutes = digits(s, at + 4, 2);
      if ((hours | minutes) < 0) {
        return null;
      }
      int sign = s.charAt(at) == '-' ? -1 : 1;
      try {
        offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
      } catch (java.time.DateTimeException e) {
        return null;
      }
    } else {
      return null;
    }
    try {
      return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
    } catch (java.time.DateTimeException e) {
      return null;
    }
  }

  /** The {@code count} decimal digits at {@code from}, or -1 when one is not a digit. */
  private static int digits(String s, int from, int count) {
    int value = 0;
    for (int i = from; i < from + count; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static String shown(SegmentValue node) {
    return node == null ? "nothing" : node.json();
  }
}
