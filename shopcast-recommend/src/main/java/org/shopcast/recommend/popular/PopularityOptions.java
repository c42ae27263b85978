package org.shopcast.recommend.popular;

/**
 * Settings of {@link PopularityModel}.
 *
 * @param halfLifeHours 0 counts every event alike (plain popularity); a positive value weights an
 *     event by {@code 0.5^(age / halfLife)}, age measured back from the last training event
 *     (trending)
 * @param behaviourWeights whether events count by their behaviour ({@link BehaviourWeights}) or all
 *     as 1
 */
public record PopularityOptions(double halfLifeHours, boolean behaviourWeights) {
  /** Validates the settings. */
  public PopularityOptions {
    if (!(halfLifeHours >= 0) || Double.isInfinite(halfLifeHours)) {
      throw new IllegalArgumentException(
          "halfLifeHours must be >= 0 and finite, got " + halfLifeHours);
    }
  }

  /** Plain popularity: every event counts 1. */
  public PopularityOptions() {
    this(0, false);
  }

  /** Trending: behaviour-weighted counts halving every {@code halfLifeHours}. */
  public static PopularityOptions trending(double halfLifeHours) {
    return new PopularityOptions(halfLifeHours, true);
  }
}
