package org.shopcast.data.segment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streaming path ({@link SegmentMapper#map(JsonParser, String, String, long, String)}, used by
 * the server) gives exactly what the tree path (used by the importer) gives for the same text:
 * events with their properties text, traits and errors, over random messages with every kind of
 * value, odd numbers and strings, repeated keys and nested junk.
 */
class StreamedMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] FIELDS = {
    "type",
    "userId",
    "anonymousId",
    "event",
    "messageId",
    "name",
    "channel",
    "timestamp",
    "originalTimestamp",
    "sentAt",
    "receivedAt",
    "properties",
    "traits",
    "context",
    "writeKey",
    "integrations",
    "version"
  };
  private static final String[] PROPERTY_FIELDS = {
    "product_id",
    "sku",
    "price",
    "quantity",
    "category",
    "query",
    "order_id",
    "products",
    "event",
    "name",
    "product",
    "currency",
    "extra"
  };
  private static final String[] PRODUCT_FIELDS = {
    "product_id", "sku", "price", "quantity", "category", "name", "extra"
  };
  private static final String[] TYPES = {"track", "page", "screen", "identify", "TRACK", "alias"};
  private static final String[] EVENTS = {
    "Product Viewed",
    "Product Added",
    "Order Completed",
    "Order Refunded",
    "Products Searched",
    "product  removed",
    "Signed Up",
    "Product Added to Wishlist"
  };
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "1",
    "-5",
    "2",
    "3.0",
    "19.99",
    "-5.5",
    "0.00001",
    "1e2",
    "1E400",
    "-1e400",
    "12345678901234567890",
    "2147483648",
    "99.5",
    "1.50",
    "100000000000000",
    "7.25e1"
  };
  private static final String[] STRINGS = {
    "",
    " ",
    "p1",
    " p2 ",
    "u-1",
    "a\"b",
    "back\\slash",
    "tab\there",
    "nl\nx",
    "ctl\u0001\u001f",
    "é日本",
    "\u2028",
    "12.5",
    "abc",
    "2024-05-01T12:00:00Z",
    "2024-05-01T12:00:00.123+02:00",
    "2024-05-01 12:00",
    "1989-01-01T00:00:00Z",
    "2999-01-01T00:00:00Z",
    "2024-05-01T12:00:00",
    "Product Viewed",
    "Order Completed",
    "search me"
  };

  @Test
  void streamedMessagesMapExactlyAsTrees() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    for (boolean stamp : new boolean[] {true, false}) {
      SegmentMapper mapper = new SegmentMapper(clock, stamp);
      Random random = new Random(stamp ? 7 : 8);
      int events = 0;
      int rejected = 0;
      for (int n = 0; n < 3_000; n++) {
        String text = message(random);
        JsonNode tree = JSON.readTree(text);
        String implied = random.nextInt(5) == 0 ? TYPES[random.nextInt(TYPES.length)] : null;
        SegmentMessage expected = mapper.map(tree, implied, "batch[" + n + "]", 3, "x.");
        SegmentMessage actual;
        try (JsonParser parser = JSON.getFactory().createParser(bytes(text))) {
          parser.nextToken();
          actual = mapper.map(parser, implied, "batch[" + n + "]", 3, "x.");
          assertThat(parser.nextToken()).as(text).isNull();
        }
        assertThat(actual).as(text).isEqualTo(expected);
        events += expected.events().size();
        rejected += expected.isRejected() ? 1 : 0;
      }
      // the generator reaches both outcomes often
      assertThat(events).isGreaterThan(70);
      assertThat(rejected).isGreaterThan(500);
    }
  }

  @Test
  void theParserIsLeftOnTheMessagesLastToken() throws Exception {
    SegmentMapper mapper = new SegmentMapper(Clock.systemUTC(), true);
    String text =
        "[{\"type\":\"track\",\"userId\":\"u\",\"event\":\"Product Viewed\",\"context\":{\"a\":[1,"
            + "{\"campaign\":2}],\"campaign\":{\"source\":\"news\",\"x\":{}}},\"properties\":"
            + "{\"product_id\":\"p\"}},7]";
    try (JsonParser parser = JSON.getFactory().createParser(bytes(text))) {
      assertThat(parser.nextToken()).isEqualTo(JsonToken.START_ARRAY);
      parser.nextToken();
      SegmentMessage message = mapper.map(parser, null, "m", 0, "");
      assertThat(message.events()).hasSize(1);
      assertThat(message.events().get(0).channel()).isEqualTo("news");
      assertThat(parser.currentToken()).isEqualTo(JsonToken.END_OBJECT);
      assertThat(parser.nextToken()).isEqualTo(JsonToken.VALUE_NUMBER_INT);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String message(Random r) {
    if (r.nextInt(40) == 0) {
      return value(r, 2);
    }
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    if (r.nextInt(4) > 0) {
      first = field(out, first, "type", quoted(TYPES[r.nextInt(r.nextInt(8) == 0 ? 6 : 2)]));
    }
    if (r.nextInt(8) > 0) {
      first =
          field(out, first, "userId", r.nextInt(6) == 0 ? value(r, 0) : quoted("u" + r.nextInt(9)));
    }
    if (r.nextInt(6) > 0) {
      first =
          field(
              out,
              first,
              "event",
              r.nextInt(8) == 0 ? value(r, 0) : quoted(EVENTS[r.nextInt(EVENTS.length)]));
    }
    if (r.nextInt(3) > 0) {
      first =
          field(
              out,
              first,
              "timestamp",
              r.nextInt(3) == 0
                  ? value(r, 0)
                  : quoted("2024-05-0" + (1 + r.nextInt(9)) + "T12:00:00.5Z"));
    }
    if (r.nextInt(4) > 0) {
      first = field(out, first, "properties", r.nextInt(15) == 0 ? value(r, 1) : properties(r));
    }
    int extra = r.nextInt(5);
    for (int i = 0; i < extra; i++) {
      String name = FIELDS[r.nextInt(FIELDS.length)];
      String value =
          switch (name) {
            case "properties" -> properties(r);
            case "context" -> context(r);
            default -> value(r, r.nextInt(3) == 0 ? 2 : 0);
          };
      first = field(out, first, name, value);
    }
    return out.append('}').toString();
  }

  private static String properties(Random r) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    if (r.nextInt(5) > 0) {
      first =
          field(
              out,
              first,
              "product_id",
              r.nextInt(6) == 0 ? value(r, 0) : quoted("p" + r.nextInt(5)));
    }
    if (r.nextInt(2) > 0) {
      first =
          field(
              out,
              first,
              "price",
              r.nextInt(4) == 0 ? value(r, 0) : NUMBERS[r.nextInt(NUMBERS.length)]);
    }
    if (r.nextInt(3) == 0) {
      StringBuilder products = new StringBuilder("[");
      int n = r.nextInt(4);
      for (int i = 0; i < n; i++) {
        if (i > 0) {
          products.append(',');
        }
        products.append(r.nextInt(10) == 0 ? value(r, 1) : object(r, PRODUCT_FIELDS, 4));
      }
      first =
          field(
              out,
              first,
              "products",
              r.nextInt(10) == 0 ? value(r, 1) : products.append(']').toString());
    }
    int extra = r.nextInt(5);
    for (int i = 0; i < extra; i++) {
      first = field(out, first, PROPERTY_FIELDS[r.nextInt(PROPERTY_FIELDS.length)], value(r, 2));
    }
    return out.append('}').toString();
  }

  private static String context(Random r) {
    if (r.nextInt(6) == 0) {
      return value(r, 1);
    }
    String campaign =
        r.nextInt(5) == 0
            ? value(r, 1)
            : "{\"name\":\"x\",\"source\":"
                + (r.nextInt(4) == 0 ? value(r, 1) : quoted(STRINGS[r.nextInt(STRINGS.length)]))
                + "}";
    return "{\"ip\":\"1.2.3.4\",\"library\":{\"name\":\"l\",\"v\":[1,{\"campaign\":{}}]},\"campaign\":"
        + campaign
        + (r.nextBoolean() ? ",\"campaign\":" + value(r, 1) : "")
        + "}";
  }

  private static String object(Random r, String[] names, int max) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      String name = names[r.nextInt(names.length)];
      String value =
          name.equals("product_id") && r.nextBoolean()
              ? quoted("p" + r.nextInt(5))
              : name.equals("price") || name.equals("quantity")
                  ? NUMBERS[r.nextInt(NUMBERS.length)]
                  : value(r, 1);
      first = field(out, first, name, value);
    }
    return out.append('}').toString();
  }

  private static String value(Random r, int depth) {
    int kind = r.nextInt(depth > 0 ? 8 : 6);
    return switch (kind) {
      case 0, 1 -> quoted(STRINGS[r.nextInt(STRINGS.length)]);
      case 2 -> NUMBERS[r.nextInt(NUMBERS.length)];
      case 3 -> r.nextBoolean() ? "true" : "false";
      case 4 -> "null";
      case 5 -> quoted("v" + r.nextInt(100));
      case 6 -> object(r, PROPERTY_FIELDS, 3).replace("{}", "{\"k\":" + value(r, depth - 1) + "}");
      default -> "[" + value(r, depth - 1) + "," + value(r, depth - 1) + "]";
    };
  }

  private static boolean field(StringBuilder out, boolean first, String name, String value) {
    if (!first) {
      out.append(',');
    }
    out.append(quoted(name)).append(':').append(value);
    return false;
  }

  private static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
