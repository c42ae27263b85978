package org.shopcast.recommend.knn;

/**
 * Settings of {@link ItemKnnModel}.
 *
 * @param neighbours how many most similar items are kept per item
 * @param lambda support regularisation added to each item's norm (0 = plain cosine); damps the
 *     similarity of rarely seen items
 * @param alpha asymmetry of the normalisation, 0.5 = symmetric (cosine)
 * @param halfLifeHours 0 for no time decay; else an interaction weighs {@code 0.5^(age/halfLife)},
 *     age measured back from the last training event
 * @param historyDecay weight of earlier context items: the item {@code d} events back counts {@code
 *     historyDecay^d}; 0 uses the last item only (the session item-kNN baseline)
 */
public record ItemKnnOptions(
    int neighbours, double lambda, double alpha, double halfLifeHours, double historyDecay) {
  /** Validates the settings. */
  public ItemKnnOptions {
    if (neighbours < 1) {
      throw new IllegalArgumentException("neighbours must be >= 1, got " + neighbours);
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
    }
    if (!(alpha >= 0 && alpha <= 1)) {
      throw new IllegalArgumentException("alpha must be in [0, 1], got " + alpha);
    }
    if (!(halfLifeHours >= 0)) {
      throw new IllegalArgumentException("halfLifeHours must be >= 0, got " + halfLifeHours);
    }
    if (!(historyDecay >= 0 && historyDecay <= 1)) {
      throw new IllegalArgumentException("historyDecay must be in [0, 1], got " + historyDecay);
    }
  }

  /**
   * The session baseline of Hidasi et al. (2016) as used by Ludewig &amp; Jannach (2018): 100
   * neighbours, lambda 20, alpha 0.5, last item only, no time decay.
   */
  public ItemKnnOptions() {
    this(100, 20, 0.5, 0, 0);
  }
}
