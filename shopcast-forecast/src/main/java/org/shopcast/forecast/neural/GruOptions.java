package org.shopcast.forecast.neural;

/**
 * Settings of the GRU forecaster.
 *
 * @param season the season period m (1 = none); sets the automatic input window
 * @param window input steps per window; 0 = automatic, max(2m, horizon)
 * @param hidden GRU state size (default 32)
 * @param batchSize windows per gradient step (default 64)
 * @param maxEpochs passes over the training windows at most (default 50)
 * @param patience epochs without a better validation error that stop training (default 5)
 * @param learningRate Adam's learning rate (default 0.005)
 * @param seed seed of the weights and the batch order (default 42)
 * @param threads PyTorch intra-op threads, 1 or 2 (default 1); read once when the engine starts
 */
public record GruOptions(
    int season,
    int window,
    int hidden,
    int batchSize,
    int maxEpochs,
    int patience,
    double learningRate,
    long seed,
    int threads) {

  /** Validates the settings. */
  public GruOptions {
    if (season < 1) {
      throw new IllegalArgumentException("season must be >= 1, got " + season);
    }
    if (window < 0) {
      throw new IllegalArgumentException("window must be >= 0 (0 = automatic), got " + window);
    }
    if (hidden < 1 || batchSize < 1 || maxEpochs < 1 || patience < 1) {
      throw new IllegalArgumentException(
          "hidden, batchSize, maxEpochs and patience must be >= 1, got "
              + hidden
              + ", "
              + batchSize
              + ", "
              + maxEpochs
              + ", "
              + patience);
    }
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
    }
    if (threads < 1 || threads > 2) {
      throw new IllegalArgumentException("threads must be 1 or 2, got " + threads);
    }
  }

  /** The defaults for season period {@code m}. */
  public static GruOptions of(int m) {
    return new GruOptions(m, 0, 32, 64, 50, 5, 0.005, 42, 1);
  }

  /** The input window for {@code horizon}: {@link #window} or max(2m, horizon). */
  public int windowFor(int horizon) {
    return window > 0 ? window : Math.max(2 * season, horizon);
  }

  /** These settings with seed {@code s}. */
  public GruOptions withSeed(long s) {
    return new GruOptions(
        season, window, hidden, batchSize, maxEpochs, patience, learningRate, s, threads);
  }

  /** These settings with at most {@code n} epochs. */
  public GruOptions withMaxEpochs(int n) {
    return new GruOptions(
        season, window, hidden, batchSize, n, patience, learningRate, seed, threads);
  }
}
