package org.shopcast.predict.sequence;

/**
 * Settings of the GRU sequence model.
 *
 * @param maxEvents the most recent events per user fed to the GRU, L (default 50)
 * @param categoryBuckets hash buckets for category ids (default 64; 0 and 1 are kept for padding
 *     and a missing category)
 * @param typeDim event-type embedding size (default 4)
 * @param categoryDim category embedding size (default 8)
 * @param hidden GRU state size (default 32)
 * @param batchSize rows per gradient step (default 64)
 * @param maxEpochs passes over the training rows at most (default 40)
 * @param patience epochs without a better validation log loss that stop training (default 5)
 * @param learningRate Adam's learning rate (default 0.005)
 * @param seed seed of the weight initialisation and the batch order (default 42)
 * @param threads PyTorch intra-op threads, 1 or 2 (default 1); read once when the engine starts
 */
public record SequenceOptions(
    int maxEvents,
    int categoryBuckets,
    int typeDim,
    int categoryDim,
    int hidden,
    int batchSize,
    int maxEpochs,
    int patience,
    double learningRate,
    long seed,
    int threads) {

  /** Validates the settings. */
  public SequenceOptions {
    positive("maxEvents", maxEvents);
    positive("categoryBuckets", categoryBuckets);
    positive("typeDim", typeDim);
    positive("categoryDim", categoryDim);
    positive("hidden", hidden);
    positive("batchSize", batchSize);
    positive("maxEpochs", maxEpochs);
    positive("patience", patience);
    if (!(learningRate > 0 && learningRate < 1)) {
      throw new IllegalArgumentException("learningRate must be in (0, 1), got " + learningRate);
    }
    if (threads < 1 || threads > 2) {
      throw new IllegalArgumentException("threads must be 1 or 2, got " + threads);
    }
  }

  /** The defaults. */
  public SequenceOptions() {
    this(50, 64, 4, 8, 32, 64, 40, 5, 0.005, 42, 1);
  }

  /** These settings with sequences of at most {@code n} events. */
  public SequenceOptions withMaxEvents(int n) {
    return new SequenceOptions(
        n,
        categoryBuckets,
        typeDim,
        categoryDim,
        hidden,
        batchSize,
        maxEpochs,
        patience,
        learningRate,
        seed,
        threads);
  }

  /** These settings with seed {@code s}. */
  public SequenceOptions withSeed(long s) {
    return new SequenceOptions(
        maxEvents,
        categoryBuckets,
        typeDim,
        categoryDim,
        hidden,
        batchSize,
        maxEpochs,
        patience,
        learningRate,
        s,
        threads);
  }

  /** These settings with at most {@code n} epochs. */
  public SequenceOptions withMaxEpochs(int n) {
    return new SequenceOptions(
        maxEvents,
        categoryBuckets,
        typeDim,
        categoryDim,
        hidden,
        batchSize,
        n,
        patience,
        learningRate,
        seed,
        threads);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }
}
