package org.shopcast.analytics.rules.sequence;

import java.util.List;
import java.util.Objects;

/**
 * A frequent sequential pattern: elements (sets of items) in order, each element's items sorted.
 *
 * @param elements the pattern's elements
 * @param count the number of sequences containing the pattern
 * @param support {@code count} as a fraction of all sequences
 */
public record SequentialPattern(List<List<String>> elements, int count, double support) {

  /** Validates and copies the elements. */
  public SequentialPattern {
    Objects.requireNonNull(elements, "elements");
    elements = elements.stream().map(List::copyOf).toList();
    if (elements.isEmpty()) {
      throw new IllegalArgumentException("elements must not be empty, got none");
    }
  }

  /** The number of items, summed over the elements (the length in Pei et al. 2001). */
  public int length() {
    return elements.stream().mapToInt(List::size).sum();
  }

  /**
   * The pattern written as in the paper with items separated: {@code <a (b,c) a>} for the sequence
   * of elements {a}, {b, c}, {a}.
   */
  public String notation() {
    StringBuilder out = new StringBuilder("<");
    for (int i = 0; i < elements.size(); i++) {
      if (i > 0) {
        out.append(' ');
      }
      List<String> element = elements.get(i);
      out.append(element.size() == 1 ? element.get(0) : "(" + String.join(",", element) + ")");
    }
    return out.append('>').toString();
  }
}
