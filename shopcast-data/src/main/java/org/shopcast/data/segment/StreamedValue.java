package org.shopcast.data.segment;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.io.NumberOutput;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A JSON value read straight off a streaming {@link JsonParser}, without a Jackson tree: scalars
 * keep their text, objects their members in order (a repeated name replaces the earlier value in
 * its place, as Jackson's tree does). Of a message only the fields the mapping reads are kept;
 * {@code context} is reduced to {@code context.campaign.source}. Answers every {@link SegmentValue}
 * question exactly as the tree of the same text would (a test compares both).
 */
final class StreamedValue implements SegmentValue {
  private static final byte NULL = 0;
  private static final byte STRING = 1;
  private static final byte INT = 2;
  private static final byte FLOAT = 3;
  private static final byte BOOLEAN = 4;
  private static final byte OBJECT = 5;
  private static final byte ARRAY = 6;

  private static final StreamedValue NULL_VALUE = new StreamedValue(NULL, "null", null, 0);
  private static final StreamedValue TRUE_VALUE = new StreamedValue(BOOLEAN, "true", null, 0);
  private static final StreamedValue FALSE_VALUE = new StreamedValue(BOOLEAN, "false", null, 0);

  private final byte kind;

  /** A string's value, a number's or boolean's text; null for containers. */
  private final String text;

  /** An integer's value (Integer, Long or BigInteger). */
  private final Number integer;

  private final double real;
  private String[] names;
  private StreamedValue[] values;
  private int count;
  private String campaignSource;

  private StreamedValue(byte kind, String text, Number integer, double real) {
    this.kind = kind;
    this.text = text;
    this.integer = integer;
    this.real = real;
  }

  private static StreamedValue container(byte kind, int capacity) {
    StreamedValue value = new StreamedValue(kind, null, null, 0);
    value.values = new StreamedValue[capacity];
    if (kind == OBJECT) {
      value.names = new String[capacity];
    }
    return value;
  }

  /**
   * Reads one message at the parser's current token, leaving the parser on its last token. Of an
   * object only the fields the mapping reads are kept (others are skipped unread).
   */
  static StreamedValue readMessage(JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      return read(p);
    }
    StreamedValue message = container(OBJECT, 8);
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      p.nextToken();
      switch (name) {
        case "type",
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
            "writeKey" ->
            message.put(name, read(p));
        case "context" -> message.campaignSource = campaignSource(p);
        default -> p.skipChildren();
      }
    }
    expectEnd(p, token, JsonToken.END_OBJECT);
    return message;
  }

  /** {@code campaign.source} of the {@code context} value at the parser, when text. */
  private static String campaignSource(JsonParser p) throws IOException {
    String source = null;
    if (p.currentToken() != JsonToken.START_OBJECT) {
      p.skipChildren();
      return null;
    }
    JsonToken token;
    while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      if (name.equals("campaign")) {
        source = null;
        if (value == JsonToken.START_OBJECT) {
          JsonToken inner;
          while ((inner = p.nextToken()) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken v = p.nextToken();
            if (field.equals("source")) {
              source = v == JsonToken.VALUE_STRING ? p.getText() : null;
            }
            p.skipChildren();
          }
          expectEnd(p, inner, JsonToken.END_OBJECT);
          continue;
        }
      }
      p.skipChildren();
    }
    expectEnd(p, token, JsonToken.END_OBJECT);
    return source;
  }

  private static void expectEnd(JsonParser p, JsonToken token, JsonToken end) throws IOException {
    if (token != end) {
      throw new com.fasterxml.jackson.core.JsonParseException(
          p, "expected " + end + ", got " + token);
    }
  }

  /** Reads the whole value at the parser's current token. */
  static StreamedValue read(JsonParser p) throws IOException {
    JsonToken token = p.currentToken();
    if (token == null) {
      throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected end of input");
    }
    switch (token) {
      case VALUE_STRING:
        return new StreamedValue(STRING, p.getText(), null, 0);
      case VALUE_NUMBER_INT:
        {
          Number n = p.getNumberValue();
          return new StreamedValue(INT, n.toString(), n, n.doubleValue());
        }
      case VALUE_NUMBER_FLOAT:
        {
          double d = p.getDoubleValue();
          return new StreamedValue(FLOAT, NumberOutput.toString(d), null, d);
        }
      case VALUE_TRUE:
        return TRUE_VALUE;
      case VALUE_FALSE:
        return FALSE_VALUE;
      case VALUE_NULL:
        return NULL_VALUE;
      case START_OBJECT:
        {
          StreamedValue object = container(OBJECT, 4);
          JsonToken next;
          while ((next = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            p.nextToken();
            object.put(name, read(p));
          }
          expectEnd(p, next, JsonToken.END_OBJECT);
          return object;
        }
      case START_ARRAY:
        {
          StreamedValue array = container(ARRAY, 4);
          while (p.nextToken() != JsonToken.END_ARRAY) {
            array.add(read(p));
          }
          return array;
        }
      default:
        throw new com.fasterxml.jackson.core.JsonParseException(p, "unexpected token " + token);
    }
  }

  private void put(String name, StreamedValue value) {
    for (int i = 0; i < count; i++) {
      if (names[i].equals(name)) {
        values[i] = value;
        return;
      }
    }
    if (count == values.length) {
      names = Arrays.copyOf(names, count * 2);
      values = Arrays.copyOf(values, count * 2);
    }
    names[count] = name;
    values[count++] = value;
  }

  private void add(StreamedValue value) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = value;
  }

  @Override
  public boolean isNull() {
    return kind == NULL;
  }

  @Override
  public boolean isTextual() {
    return kind == STRING;
  }

  @Override
  public boolean isIntegralNumber() {
    return kind == INT;
  }

  @Override
  public boolean isNumber() {
    return kind == INT || kind == FLOAT;
  }

  @Override
  public boolean isFloatingPointNumber() {
    return kind == FLOAT;
  }

  @Override
  public boolean isObject() {
    return kind == OBJECT;
  }

  @Override
  public boolean isArray() {
    return kind == ARRAY;
  }

  @Override
  public int size() {
    return count;
  }

  @Override
  public double doubleValue() {
    return isNumber() ? real : 0.0;
  }

  @Override
  public BigDecimal decimalValue() {
    if (kind == FLOAT) {
      return BigDecimal.valueOf(real);
    }
    if (kind == INT) {
      return integer instanceof BigInteger big
          ? new BigDecimal(big)
          : BigDecimal.valueOf(integer.longValue());
    }
    return BigDecimal.ZERO;
  }

  @Override
  public String asText() {
    return text == null ? "" : text;
  }

  @Override
  public SegmentValue get(String field) {
    if (kind != OBJECT) {
      return null;
    }
    for (int i = 0; i < count; i++) {
      if (names[i].equals(field)) {
        return values[i];
      }
    }
    return null;
  }

  @Override
  public SegmentValue get(int index) {
    return kind == ARRAY && index >= 0 && index < count ? values[index] : null;
  }

  @Override
  public String json() {
    StringBuilder out = new StringBuilder(kind == OBJECT || kind == ARRAY ? 64 : 16);
    appendJson(out);
    return out.toString();
  }

  private void appendJson(StringBuilder out) {
    switch (kind) {
      case STRING -> quote(out, text);
      case FLOAT -> {
        if (Double.isFinite(real)) {
          out.append(text);
        } else {
          quote(out, text);
        }
      }
      case OBJECT -> {
        out.append('{');
        for (int i = 0; i < count; i++) {
          member(out, i > 0, names[i], values[i]);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < count; i++) {
          if (i > 0) {
            out.append(',');
          }
          values[i].appendJson(out);
        }
        out.append(']');
      }
      default -> out.append(text);
    }
  }

  private static void member(StringBuilder out, boolean comma, String name, StreamedValue value) {
    if (comma) {
      out.append(',');
    }
    quote(out, name);
    out.append(':');
    value.appendJson(out);
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    JsonStringEncoder.getInstance().quoteAsString(s, out);
    out.append('"');
  }

  @Override
  public SegmentValue emptyObject() {
    return container(OBJECT, 1);
  }

  @Override
  public String campaignSource() {
    return campaignSource;
  }

  @Override
  public String edited(
      String putKey, String putValue, String removeKey, String setKey, SegmentValue setValue) {
    StreamedValue put = putKey == null ? null : new StreamedValue(STRING, putValue, null, 0);
    StreamedValue set = (StreamedValue) setValue;
    StringBuilder out = new StringBuilder(64 + count * 24);
    out.append('{');
    boolean comma = false;
    boolean putDone = false;
    boolean setDone = false;
    for (int i = 0; i < count; i++) {
      String name = names[i];
      StreamedValue value = values[i];
      if (name.equals(removeKey)) {
        continue;
      }
      if (name.equals(putKey)) {
        value = put;
        putDone = true;
      } else if (name.equals(setKey)) {
        value = set;
        setDone = true;
      }
      member(out, comma, name, value);
      comma = true;
    }
    if (put != null && !putDone && !putKey.equals(removeKey)) {
      member(out, comma, putKey, put);
      comma = true;
    }
    if (set != null && !setDone) {
      member(out, comma, setKey, set);
    }
    return out.append('}').toString();
  }

  @Override
  public String toString() {
    return json();
  }
}
