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
 *
 * <p>Scoring uses one {@link Scores} accumulator per thread, kept between calls and reset sparsely
 * (only the candidates a call touched), so a call allocates nothing sized to the catalogue: with 2M
 * items a fresh accumulator cost ~18 ms per call, more than the scoring itself. The accumulator
 * grows to the largest catalogue the thread has served and stays allocated while the thread lives
 * (about 9 bytes per item). A model's {@link Recommender#score} may itself call this method: the
 * nested call then uses an accumulator of its own.
 */
public final class Recommendations {
  /** The calling thread's spare accumulator; empty (null) while a call on the thread holds it. */
  private static final ThreadLocal<Scores[]> SCRATCH = ThreadLocal.withInitial(() -> new Scores[1]);

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
    if (chain.isEmpty() || n == 0) {
      return out;
    }
    Scores[] slot = SCRATCH.get();
    Scores scores = slot[0];
    slot[0] = null;
    try {
      scores = fill(chain, context, n, rules, scores, out, taken, perCategory);
    } finally {
      slot[0] = scores;
    }
    return out;
  }

  private static Scores fill(
      List<? extends Recommender> chain,
      Context context,
      int n,
      Rules rules,
      Scores spare,
      List<Recommendation> out,
      Set<Integer> taken,
      Map<Integer, Integer> perCategory) {
    Scores scores = spare;
    for (Recommender model : chain) {
      if (out.size() >= n) {
        break;
      }
      if (scores == null || scores.capacity() < model.itemCount()) {
        scores = new Scores(model.itemCount());
      }
      scores.clear();
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
    return scores;
  }
}
