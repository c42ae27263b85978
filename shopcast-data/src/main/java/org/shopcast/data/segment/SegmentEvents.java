package org.shopcast.data.segment;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.shopcast.core.event.EventType;

/**
 * Segment's e-commerce spec v2 event names (and their v1 forms) and the contract type each becomes.
 * Names are matched ignoring case and repeated spaces.
 */
public final class SegmentEvents {
  /** The spec names this build maps and their contract types. */
  public static final Map<String, EventType> NAMES =
      Map.of(
          "Product Viewed", EventType.VIEW,
          "Product Added", EventType.CART_ADD,
          "Product Removed", EventType.CART_REMOVE,
          "Product Added to Wishlist", EventType.FAVORITE,
          "Products Searched", EventType.SEARCH,
          "Order Completed", EventType.PURCHASE,
          "Order Refunded", EventType.RETURN);

  private static final Map<String, String> V1_NAMES =
      Map.of(
          "viewed product", "Product Viewed",
          "added product", "Product Added",
          "removed product", "Product Removed",
          "searched products", "Products Searched",
          "completed order", "Order Completed",
          "refunded order", "Order Refunded");

  private SegmentEvents() {}

  /** {@link #NAMES} by lower-case name. */
  private static final Map<String, EventType> BY_LOWER_NAME = lowerCaseKeys();

  private static Map<String, EventType> lowerCaseKeys() {
    Map<String, EventType> out = new HashMap<>();
    NAMES.forEach((name, type) -> out.put(name.toLowerCase(Locale.ROOT), type));
    return Map.copyOf(out);
  }

  /** The contract type for a track event name, empty when the name is not an e-commerce one. */
  public static Optional<EventType> typeOf(String eventName) {
    if (eventName == null) {
      return Optional.empty();
    }
    String normal = collapseSpaces(eventName.trim()).toLowerCase(Locale.ROOT);
    String canonical = V1_NAMES.getOrDefault(normal, normal);
    return Optional.ofNullable(BY_LOWER_NAME.get(canonical.toLowerCase(Locale.ROOT)));
  }

  /** Replaces each run of whitespace ({@code \s} in a regex) by one space. */
  private static String collapseSpaces(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean space = isSpace(c);
      if (space && (c != ' ' || (i + 1 < text.length() && isSpace(text.charAt(i + 1))))) {
        if (out == null) {
          out = new StringBuilder(text.length()).append(text, 0, i);
        }
        out.append(' ');
        while (i + 1 < text.length() && isSpace(text.charAt(i + 1))) {
          i++;
        }
      } else if (out != null) {
        out.append(c);
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
  }

  /** The accepted names for messages, e.g. in an error's "expected" text. */
  static String expectedNames() {
    return "an e-commerce spec v2 event name (Product Viewed, Product Added, Product Removed,"
        + " Product Added to Wishlist, Products Searched, Order Completed, Order Refunded)";
  }
}
