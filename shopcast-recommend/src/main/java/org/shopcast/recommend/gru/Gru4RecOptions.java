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
    check(epochs >= 1, "epochs", ">= 1", epochs);
    check(hiddenSize >= 1, "hiddenSize", ">= 1", hiddenSize);
    check(embeddingSize >= 1, "embeddingSize", ">= 1", embeddingSize);
    check(batchSize >= 1, "batchSize", ">= 1", batchSize);
    check(threads >= 1, "threads", ">= 1", threads);
    check(
        learningRate > 0 && !Double.isInfinite(learningRate),
        "learningRate",
        "> 0 and finite",
        learningRate);
    java.util.Objects.requireNonNull(loss, "loss");
    check(negatives >= 0, "negatives", ">= 0", negatives);
    check(sampleAlpha >= 0 && sampleAlpha <= 1, "sampleAlpha", "in [0, 1]", sampleAlpha);
    check(dropout >= 0 && dropout < 1, "dropout", "in [0, 1)", dropout);
    check(
        bprRegularisation >= 0 && !Double.isInfinite(bprRegularisation),
        "bprRegularisation",
        ">= 0 and finite",
        bprRegularisation);
  }

  /** The defaults listed in the parameter descriptions. */
  public Gru4RecOptions() {
    this(3, 100, 100, 32, 0.005, Gru4RecLoss.CROSS_ENTROPY, 128, 0.75, 0, 1, 42, 1);
  }

  /** Fails with "{@code name} must be {@code expected}, got {@code value}" unless {@code ok}. */
  private static void check(boolean ok, String name, String expected, Object value) {
    if (!ok) {
      throw new IllegalArgumentException(name + " must be " + expected + ", got " + value);
    }
  }

  /** These settings with {@code epochs} passes. */
  public Gru4RecOptions withEpochs(int epochs) {
    return with(f -> f.epochs = epochs);
  }

  /** These settings with {@code hidden} GRU units and an embedding of the same size. */
  public Gru4RecOptions withHiddenSize(int hidden) {
    return with(
        f -> {
          f.hiddenSize = hidden;
          f.embeddingSize = hidden;
        });
  }

  /** These settings with mini-batches of {@code batch} parallel sessions. */
  public Gru4RecOptions withBatchSize(int batch) {
    return with(f -> f.batchSize = batch);
  }

  /** These settings with Adam step size {@code rate}. */
  public Gru4RecOptions withLearningRate(double rate) {
    return with(f -> f.learningRate = rate);
  }

  /** These settings with another loss and number of sampled negatives. */
  public Gru4RecOptions withLoss(Gru4RecLoss loss, int negatives) {
    return with(
        f -> {
          f.loss = loss;
          f.negatives = negatives;
        });
  }

  /** These settings with dropout {@code rate} on the GRU output. */
  public Gru4RecOptions withDropout(double rate) {
    return with(f -> f.dropout = rate);
  }

  /** These settings with another seed. */
  public Gru4RecOptions withSeed(long seed) {
    return with(f -> f.seed = seed);
  }

  /** A copy with {@code change} applied to its fields, validated by the constructor. */
  private Gru4RecOptions with(java.util.function.Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return new Gru4RecOptions(
        f.epochs,
        f.hiddenSize,
        f.embeddingSize,
        f.batchSize,
        f.learningRate,
        f.loss,
        f.negatives,
        f.sampleAlpha,
        f.dropout,
        f.bprRegularisation,
        f.seed,
        f.threads);
  }

  /** The settings as mutable fields, for {@link #with}. */
  private static final class Fields {
    int epochs;
    int hiddenSize;
    int embeddingSize;
    int batchSize;
    double learningRate;
    Gru4RecLoss loss;
    int negatives;
    double sampleAlpha;
    double dropout;
    double bprRegularisation;
    long seed;
    int threads;

    Fields(Gru4RecOptions o) {
      epochs = o.epochs;
      hiddenSize = o.hiddenSize;
      embeddingSize = o.embeddingSize;
      batchSize = o.batchSize;
      learningRate = o.learningRate;
      loss = o.loss;
      negatives = o.negatives;
      sampleAlpha = o.sampleAlpha;
      dropout = o.dropout;
      bprRegularisation = o.bprRegularisation;
      seed = o.seed;
      threads = o.threads;
    }
  }
}
