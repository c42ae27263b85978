package org.shopcast.analytics.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Transactions (baskets) of items, held compactly: each item name gets an int id (in order of first
 * appearance) and each basket is a sorted array of distinct ids. Duplicates within a basket are
 * collapsed; the order of items within a basket does not matter.
 */
public final class Baskets {
  private final List<String> names;
  private final Map<String, Integer> ids;
  private final int[][] baskets;

  private Baskets(List<String> names, Map<String, Integer> ids, int[][] baskets) {
    this.names = names;
    this.ids = ids;
    this.baskets = baskets;
  }

  /**
   * Baskets from lists of item names.
   *
   * @throws IllegalArgumentException when an item name is null or blank
   */
  public static Baskets of(Collection<? extends Collection<String>> baskets) {
    Objects.requireNonNull(baskets, "baskets");
    Builder builder = new Builder();
    int index = 0;
    for (Collection<String> basket : baskets) {
      Objects.requireNonNull(basket, "baskets[" + index + "]");
      for (String item : basket) {
        if (item == null || item.isBlank()) {
          throw new IllegalArgumentException(
              "baskets[" + index + "] items must be non-blank, got '" + item + "'");
        }
      }
      builder.add(basket);
      index++;
    }
    return builder.build();
  }

  /** The number of baskets (transactions). */
  public int size() {
    return baskets.length;
  }

  /** The number of distinct items. */
  public int itemCount() {
    return names.size();
  }

  /** The name of item {@code id}. */
  public String itemName(int id) {
    return names.get(id);
  }

  /** The id of the item with this name, or empty when no basket holds it. */
  public OptionalInt itemId(String name) {
    Integer id = ids.get(name);
    return id == null ? OptionalInt.empty() : OptionalInt.of(id);
  }

  /** The distinct item ids of basket {@code index}, ascending (a copy). */
  public int[] basket(int index) {
    return baskets[index].clone();
  }

  /** Basket arrays without copying, for the miners in this package. */
  int[][] raw() {
    return baskets;
  }

  /** Collects baskets one at a time; used by the reader and by {@link #of}. */
  static final class Builder {
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<int[]> baskets = new ArrayList<>();

    void add(Collection<String> items) {
      int[] basket = new int[items.size()];
      int n = 0;
      for (String item : items) {
        Integer id = ids.get(item);
        if (id == null) {
          id = names.size();
          names.add(item);
          ids.put(item, id);
        }
        basket[n++] = id;
      }
      Arrays.sort(basket, 0, n);
      int distinct = 0;
      for (int i = 0; i < n; i++) {
        if (distinct == 0 || basket[distinct - 1] != basket[i]) {
          basket[distinct++] = basket[i];
        }
      }
      baskets.add(Arrays.copyOf(basket, distinct));
    }

    int size() {
      return baskets.size();
    }

    Baskets build() {
      return new Baskets(
          List.copyOf(names), Map.copyOf(ids), baskets.toArray(new int[baskets.size()][]));
    }
  }
}
