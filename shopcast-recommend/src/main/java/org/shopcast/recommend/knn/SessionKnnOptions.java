package org.shopcast.recommend.knn;

/**
 * Settings of {@link SessionKnnModel}.
 *
 * @param neighbours k, the number of most similar past sessions whose items are scored
 * @param sampleSize m, how many of the most recent past sessions sharing an item with the current
 *     session are compared (0 = all)
 * @param vector false for SKNN (binary session vectors, cosine similarity); true for V-SKNN
 *     (linearly decaying position weights in the current session, dot product, and each neighbour
 *     scored by 1/step where step is how far back the most recent shared item lies)
 * @param idfWeighting V-SKNN only: 0 off, else an item's score also gains {@code idfWeighting *
 *     idf(item)} times the neighbour's weight, favouring rarer items
 */
public record SessionKnnOptions(
    int neighbours, int sampleSize, boolean vector, double idfWeighting) {
  /** Validates the settings. */
  public SessionKnnOptions {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
    }
    if (sampleSize < 0) {
      throw new IllegalArgumentException("sampleSize must be >= 0, got " + sampleSize);
    }
    if (!(idfWeighting >= 0) || Double.isInfinite(idfWeighting)) {
      throw new IllegalArgumentException(
          "idfWeighting must be >= 0 and finite, got " + idfWeighting);
    }
  }

  /** SKNN with k = 100 neighbours among the 500 most recent candidate sessions. */
  public static SessionKnnOptions sknn() {
    return new SessionKnnOptions(100, 500, false, 0);
  }

  /** V-SKNN with k = 100, m = 500, linear position weights, 1/step scoring, no idf. */
  public static SessionKnnOptions vsknn() {
    return new SessionKnnOptions(100, 500, true, 0);
  }
}
