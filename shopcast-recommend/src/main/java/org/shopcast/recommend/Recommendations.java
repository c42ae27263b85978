package org.shopcast.recommend;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds a final list from a fallback chain of models under {@link Rules}: the first model's best
 * items come first; when it has too few (a cold start: unknown user, empty session), the next model
 * fills the rest, e.g. session kNN, then popular in the category, then popular overall.
 */
public final class Recommendations {
  private Recommendations() {}

  /** The best {@code n} items for the context, never an item the rules reject. */
  public static List<Recommendation> top(
      List<? extends Recommender> chain, Context context, int n, Rules rules) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    List<Recommendation> out = new ArrayList<>(n);
    Set<Integer> taken = new HashSet<>();
    Map<Integer, Integer> perCategory = new HashMap<>();
    for (Recommender model : chain) {
      if (out.size() >= n) {
        break;
      }
      Scores scores = new Scores(model.itemCount());
      model.score(context, scores);
      // without a category cap every selected item is kept, so the n still missing suffice
      int wanted = rules.perCategoryCap() > 0 ? scores.size() : n - out.size();
      int[] ranked =
          scores.top(wanted, item -> taken.contains(item) || rules.rejects(item, context));
      for (int item : ranked) {
        if (out.size() >= n) {
          break;
        }
        if (rules.perCategoryCap() > 0) {
          int category = rules.categoryOf().applyAsInt(item);
          if (category >= 0 && perCategory.getOrDefault(category, 0) >= rules.perCategoryCap()) {
            continue;
          }
          perCategory.merge(category, 1, Integer::sum);
        }
        taken.add(item);
        out.add(new Recommendation(item, scores.get(item), model.name()));
      }
    }
    return out;
  }
}
