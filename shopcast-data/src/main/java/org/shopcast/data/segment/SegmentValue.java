package org.shopcast.data.segment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * One JSON value as {@link SegmentMapper} reads it: the few questions the mapping asks of a message
 * and its properties, answered either by a Jackson tree ({@link #of(JsonNode)}, the importer) or by
 * values read straight off a streaming parser ({@link StreamedValue}, the server), so that both run
 * the same mapping. Method names and answers follow {@link JsonNode}'s.
 */
interface SegmentValue {
  boolean isNull();

  boolean isTextual();

  boolean isIntegralNumber();

  boolean isNumber();

  boolean isFloatingPointNumber();

  boolean isObject();

  boolean isArray();

  /** Members or elements; 0 for a scalar. */
  int size();

  double doubleValue();

  BigDecimal decimalValue();

  String asText();

  /** The member {@code field} of an object, null when absent (or not an object). */
  SegmentValue get(String field);

  /** Element {@code index} of an array. */
  SegmentValue get(int index);

  /** Compact JSON text, as {@link JsonNode#toString()}. */
  String json();

  /** An empty object of the same kind (a message without properties). */
  SegmentValue emptyObject();

  /** {@code context.campaign.source} of a message object when it is text, else null. */
  String campaignSource();

  /**
   * The compact JSON text of a copy of this object with member {@code putKey} set to the text
   * {@code putValue} (when not null), member {@code removeKey} removed (when not null) and member
   * {@code setKey} set to {@code setValue} (when not null), in that order: a member already present
   * keeps its position, a new one goes last ({@link ObjectNode}'s put, remove, set).
   */
  String edited(
      String putKey, String putValue, String removeKey, String setKey, SegmentValue setValue);

  /** A tree value; null for null. */
  static SegmentValue of(JsonNode node) {
    return node == null ? null : new NodeValue(node);
  }

  /** {@link SegmentValue} over a Jackson tree node. */
  record NodeValue(JsonNode node) implements SegmentValue {
    @Override
    public boolean isNull() {
      return node.isNull();
    }

    @Override
    public boolean isTextual() {
      return node.isTextual();
    }

    @Override
    public boolean isIntegralNumber() {
      return node.isIntegralNumber();
    }

    @Override
    public boolean isNumber() {
      return node.isNumber();
    }

    @Override
    public boolean isFloatingPointNumber() {
      return node.isFloatingPointNumber();
    }

    @Override
    public boolean isObject() {
      return node.isObject();
    }

    @Override
    public boolean isArray() {
      return node.isArray();
    }

    @Override
    public int size() {
      return node.size();
    }

    @Override
    public double doubleValue() {
      return node.doubleValue();
    }

    @Override
    public BigDecimal decimalValue() {
      return node.decimalValue();
    }

    @Override
    public String asText() {
      return node.asText();
    }

    @Override
    public SegmentValue get(String field) {
      return of(node.get(field));
    }

    @Override
    public SegmentValue get(int index) {
      return of(node.get(index));
    }

    @Override
    public String json() {
      return node.toString();
    }

    @Override
    public SegmentValue emptyObject() {
      return new NodeValue(JsonNodeFactory.instance.objectNode());
    }

    @Override
    public String campaignSource() {
      JsonNode source = node.path("context").path("campaign").path("source");
      return source.isTextual() ? source.asText() : null;
    }

    @Override
    public String edited(
        String putKey, String putValue, String removeKey, String setKey, SegmentValue setValue) {
      ObjectNode copy = ((ObjectNode) node).deepCopy();
      if (putKey != null) {
        copy.put(putKey, putValue);
      }
      if (removeKey != null) {
        copy.remove(removeKey);
      }
      if (setKey != null) {
        copy.set(setKey, ((NodeValue) setValue).node);
      }
      return copy.toString();
    }

    @Override
    public String toString() {
      return node.toString();
    }
  }
}
