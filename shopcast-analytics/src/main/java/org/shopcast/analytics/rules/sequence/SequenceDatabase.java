package org.shopcast.analytics.rules.sequence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Sequences of itemsets (for example a user's orders in time order, each order a set of categories)
 * or of single symbols (a session's event types), held as int ids. Ids follow the sorted item
 * names, so patterns list their items in name order.
 */
public final class SequenceDatabase {
  private final List<String> names;
  private final int[][][] sequences;

  private SequenceDatabase(List<String> names, int[][][] sequences) {
    this.names = names;
    this.sequences = sequences;
  }

  /**
   * Sequences whose elements are sets of items; duplicates within an element are collapsed and
   * empty elements dropped.
   *
   * @throws IllegalArgumentException when an item is null or blank
   */
  public static SequenceDatabase ofItemsets(
      List<? extends List<? extends Collection<String>>> sequences) {
    Objects.requireNonNull(sequences, "sequences");
    TreeSet<String> all = new TreeSet<>();
    for (int s = 0; s < sequences.size(); s++) {
      for (Collection<String> element : sequences.get(s)) {
        for (String item : element) {
          if (item == null || item.isBlank()) {
            throw new IllegalArgumentException(
                "sequences[" + s + "] items must be non-blank, got '" + item + "'");
          }
          all.add(item);
        }
      }
    }
    List<String> names = List.copyOf(all);
    int[][][] data = new int[sequences.size()][][];
    for (int s = 0; s < sequences.size(); s++) {
      List<int[]> elements = new ArrayList<>();
      for (Collection<String> element : sequences.get(s)) {
        int[] ids =
            element.stream()
                .mapToInt(item -> Collections.binarySearch(names, item))
                .sorted()
                .distinct()
                .toArray();
        if (ids.length > 0) {
          elements.add(ids);
        }
      }
      data[s] = elements.toArray(new int[0][]);
    }
    return new SequenceDatabase(names, data);
  }

  /** Sequences of single symbols, e.g. event types in time order. */
  public static SequenceDatabase ofSymbols(List<? extends List<String>> sequences) {
    Objects.requireNonNull(sequences, "sequences");
    List<List<List<String>>> wrapped = new ArrayList<>();
    for (List<String> sequence : sequences) {
      wrapped.add(sequence.stream().map(List::of).toList());
    }
    return ofItemsets(wrapped);
  }

  /** The number of sequences. */
  public int size() {
    return sequences.length;
  }

  /** The number of distinct items. */
  public int itemCount() {
    return names.size();
  }

  /** The name of item {@code id}. */
  public String itemName(int id) {
    return names.get(id);
  }

  int[][][] raw() {
    return sequences;
  }
}
