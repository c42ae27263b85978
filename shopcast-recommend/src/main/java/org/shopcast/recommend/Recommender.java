package org.shopcast.recommend;

/**
 * A trained recommender: given what was seen, it scores candidate items. Higher is better; items it
 * does not score are not candidates. Implementations are immutable and thread-safe.
 */
public interface Recommender {
  /** A short stable name for reports, e.g. {@code sknn}. */
  String name();

  /** Adds this model's scores for the context into {@code scores} (cleared by the caller). */
  void score(Context context, Scores scores);

  /** Number of items the model knows (the size of its item index). */
  int itemCount();

  /**
   * The best {@code n} items for the context, best first, leaving out items {@code exclude}
   * rejects. Fewer than {@code n} when the model has fewer candidates.
   */
  default int[] recommend(Context context, int n, java.util.function.IntPredicate exclude) {
    Scores scores = new Scores(itemCount());
    score(context, scores);
    return scores.top(n, exclude);
  }
}
