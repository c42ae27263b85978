package org.shopcast.recommend.gru;

/**
 * Settings of {@link Gru4RecModel}; {@code new Gru4RecOptions()} gives the defaults.
 *
 * @param epochs passes over the training sessions (default 3)
 * @param hiddenSize GRU units (default 100, as in Hidasi et al. 2016)
 * @param embeddingSize item embedding size fed to the GRU (default 100)
 * @param batchSize parallel sessions per mini-batch (default 32)
 * @param learningRate Adam step size (default 0.005)
 * @param loss the ranking loss (default cross-entropy)
 * @param negatives extra negatives sampled per mini-batch and shared by its examples, on top of the
 *     other examples' targets (default 128; 0 = mini-batch negatives only)
 * @param sampleAlpha negatives are sampled with probability proportional to {@code
 *     support^sampleAlpha} (default 0.75; 0 = uniform, 1 = popularity)
 * @param dropout dropout on the GRU output during training (default 0)
 * @param bprRegularisation λ of the BPR-max score regulariser (default 1, the paper's setting)
 * @param seed seeds the weight initialisation, dropout and negative sampling (default 42)
 * @param threads PyTorch intra-op threads, read when the engine first starts (default 1: on a
 *     loaded machine a second thread waiting for its partner costs more than it gains)
 */
public record Gru4RecOptions(
    int epochs,
    int hiddenSize,
    int embeddingSize,
    int batchSize,
    double learningRate,
    Gru4RecLoss loss,
    int negatives,
    double sampleAlpha,
    double dropout,
    double bprRegularisation,
    long seed,
    int threads) {

  /** Validates the settings. */
  public Gru4RecOptions {
    positive("epochs", epochs);
    positive("hiddenSize", hiddenSize);
    positive("embeddingSize", embeddingSize);
    positive("batchSize", batchSize);
    positive("threads", threads);
    if (!(learningRate > 0) || Double.isInfinite(learningRate)) {
      throw new IllegalArgumentException(
          "learningRate must be > 0 and finite, got " + learningRate);
    }
    java.util.Objects.requireNonNull(loss, "loss");
    if (negatives < 0) {
      throw new IllegalArgumentException("negatives must be >= 0, got " + negatives);
    }
    if (!(sampleAlpha >= 0 && sampleAlpha <= 1)) {
      throw new IllegalArgumentException("sampleAlpha must be in [0, 1], got " + sampleAlpha);
    }
    if (!(dropout >= 0 && dropout < 1)) {
      throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
    }
    if (!(bprRegularisation >= 0) || Double.isInfinite(bprRegularisation)) {
      throw new IllegalArgumentException(
          "bprRegularisation must be >= 0 and finite, got " + bprRegularisation);
    }
  }

  /** The defaults listed in the parameter descriptions. */
  public Gru4RecOptions() {
    this(3, 100, 100, 32, 0.005, Gru4RecLoss.CROSS_ENTROPY, 128, 0.75, 0, 1, 42, 1);
  }

  private static void positive(String name, int value) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be >= 1, got " + value);
    }
  }

  /** These settings with {@code epochs} passes. */
  public Gru4RecOptions withEpochs(int epochs) {
    return new Gru4RecOptions(
        epochs,
        hiddenSize,
        embeddingSize,
        batchSize,
        learningRate,
        loss,
        negatives,
        sampleAlpha,
        dropout,
        bprRegularisation,
        seed,
        threads);
  }

  /** These settings with {@code hidden} GRU units and an embedding of the same size. */
  public Gru4RecOptions withHiddenSize(int hidden) {
    return new Gru4RecOptions(
        epochs,
        hidden,
        hidden,
        batchSize,
        learningRate,
        loss,
        negatives,
        sampleAlpha,
        dropout,
        bprRegularisation,
        seed,
        threads);
  }

  /** These settings with mini-batches of {@code batch} parallel sessions. */
  public Gru4RecOptions withBatchSize(int batch) {
    return new Gru4RecOptions(
        epochs,
        hiddenSize,
        embeddingSize,
        batch,
        learningRate,
        loss,
        negatives,
        sampleAlpha,
        dropout,
        bprRegularisation,
        seed,
        threads);
  }

  /** These settings with Adam step size {@code rate}. */
  public Gru4RecOptions withLearningRate(double rate) {
    return new Gru4RecOptions(
        epochs,
        hiddenSize,
        embeddingSize,
        batchSize,
        rate,
        loss,
        negatives,
        sampleAlpha,
        dropout,
        bprRegularisation,
        seed,
        threads);
  }

  /** These settings with another loss and number of sampled negatives. */
  public Gru4RecOptions withLoss(Gru4RecLoss loss, int negatives) {
    return new Gru4RecOptions(
        epochs,
        hiddenSize,
        embeddingSize,
        batchSize,
        learningRate,
        loss,
        negatives,
        sampleAlpha,
        dropout,
        bprRegularisation,
        seed,
        threads);
  }

  /** These settings with dropout {@code rate} on the GRU output. */
  public Gru4RecOptions withDropout(double rate) {
    return new Gru4RecOptions(
        epochs,
        hiddenSize,
        embeddingSize,
        batchSize,
        learningRate,
        loss,
        negatives,
        sampleAlpha,
        rate,
        bprRegularisation,
        seed,
        threads);
  }

  /** These settings with another seed. */
  public Gru4RecOptions withSeed(long seed) {
    return new Gru4RecOptions(
        epochs,
        hiddenSize,
        embeddingSize,
        batchSize,
        learningRate,
        loss,
        negatives,
        sampleAlpha,
        dropout,
        bprRegularisation,
        seed,
        threads);
  }
}
