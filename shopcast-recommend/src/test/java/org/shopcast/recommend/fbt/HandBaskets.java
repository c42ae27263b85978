package org.shopcast.recommend.fbt;

import java.util.List;

/**
 * The six baskets of the hand-computed cases: {a b c} {a b} {a c} {b c d} {a b d} {d d}; baskets
 * holding a: 4, b: 4, c: 3, d: 3; together: ab 3, ac 2, bc 2, bd 2, ad 1, cd 1.
 */
public final class HandBaskets {
  /** The baskets, in time order. */
  public static final List<List<String>> SIX =
      List.of(
          List.of("a", "b", "c"),
          List.of("a", "b"),
          List.of("a", "c"),
          List.of("b", "c", "d"),
          List.of("a", "b", "d"),
          List.of("d", "d"));

  private HandBaskets() {}
}
