package org.shopcast.recommend;

import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.IntUnaryOperator;

/**
 * Business rules applied to every list {@link Recommendations} builds.
 *
 * @param excludePurchased leave out items the context purchased (on by default: shops rarely want
 *     to re-offer what was just bought)
 * @param excludeSeen leave out every item of the context (off by default)
 * @param excluded further items never to show (e.g. purchased earlier, out of stock)
 * @param allowed a category or catalogue filter: only items it accepts are shown (null = all)
 * @param categoryOf the category of an item, or -1 when unknown (null = no categories)
 * @param perCategoryCap at most this many items of one category per list (0 = no cap); items of
 *     unknown category are not capped
 */
public record Rules(
    boolean excludePurchased,
    boolean excludeSeen,
    Set<Integer> excluded,
    IntPredicate allowed,
    IntUnaryOperator categoryOf,
    int perCategoryCap) {
  /** Validates the settings. */
  public Rules {
    excluded = Set.copyOf(excluded);
    if (perCategoryCap < 0) {
      throw new IllegalArgumentException("perCategoryCap must be >= 0, got " + perCategoryCap);
    }
    if (perCategoryCap > 0 && categoryOf == null) {
      throw new IllegalArgumentException("perCategoryCap needs categoryOf");
    }
  }

  /** The defaults: purchased items excluded, nothing else. */
  public Rules() {
    this(true, false, Set.of(), null, null, 0);
  }

  /** These rules with more items excluded. */
  public Rules excluding(Set<Integer> more) {
    java.util.Set<Integer> all = new java.util.HashSet<>(excluded);
    all.addAll(more);
    return new Rules(excludePurchased, excludeSeen, all, allowed, categoryOf, perCategoryCap);
  }

  /** Whether {@code item} may not be shown for {@code context}, before the category cap. */
  public boolean rejects(int item, Context context) {
    if (excluded.contains(item) || (allowed != null && !allowed.test(item))) {
      return true;
    }
    if (excludeSeen) {
      for (int i = 0; i < context.size(); i++) {
        if (context.item(i) == item) {
          return true;
        }
      }
      return false;
    }
    return excludePurchased && context.purchased(item);
  }
}
