package org.shopcast.data.segment;

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

  /** The contract type for a track event name, empty when the name is not an e-commerce one. */
  public static Optional<EventType> typeOf(String eventName) {
    if (eventName == null) {
      return Optional.empty();
    }
    String normal = eventName.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    String canonical = V1_NAMES.getOrDefault(normal, normal);
    for (Map.Entry<String, EventType> entry : NAMES.entrySet()) {
      if (entry.getKey().toLowerCase(Locale.ROOT).equals(canonical.toLowerCase(Locale.ROOT))) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** The accepted names for messages, e.g. in an error's "expected" text. */
  static String expectedNames() {
    return "an e-commerce spec v2 event name (Product Viewed, Product Added, Product Removed,"
        + " Product Added to Wishlist, Products Searched, Order Completed, Order Refunded)";
  }
}
