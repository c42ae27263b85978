package org.shopcast.core.event;

import java.util.Locale;
import java.util.Optional;

/** The behaviour an event records; custom source names are mapped onto these. */
public enum EventType {
  VIEW,
  SEARCH,
  FAVORITE,
  CART_ADD,
  CART_REMOVE,
  PURCHASE,
  RETURN;

  /**
   * Parses a canonical type name, ignoring case and accepting '-' for '_'.
   *
   * @return the type, or empty when the name is not one of the canonical types
   */
  public static Optional<EventType> parse(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String normal = name.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (EventType type : values()) {
      if (type.name().equals(normal)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Whether events of this type must name an item. */
  public boolean needsItem() {
    return this != SEARCH;
  }
}
