package org.shopcast.recommend.gru;

import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.session.SessionDataset;

/**
 * GRU4Rec, the recurrent session model of Hidasi, Karatzoglou, Baltrunas &amp; Tikk, "Session-based
 * recommendations with recurrent neural networks", ICLR 2016, with the sampled negatives and the
 * cross-entropy / BPR-max losses of Hidasi &amp; Karatzoglou, "Recurrent neural networks with top-k
 * gains for session-based recommendations", CIKM 2018: each click's item embedding updates a GRU
 * hidden state and the next item is scored as {@code W_out[i] · h + b_out[i]} for every item.
 *
 * <p>Training runs on DJL's PyTorch engine ({@link #fit}); the trained weights are then copied out
 * so scoring is plain Java, immutable and thread-safe, with the PyTorch GRU cell: {@code r = σ(W_ir
 * x + b_ir + W_hr h + b_hr)}, {@code z = σ(W_iz x + b_iz + W_hz h + b_hz)}, {@code n = tanh(W_in x
 * + b_in + r ⊙ (W_hn h + b_hn))}, {@code h' = (1 − z) ⊙ n + z ⊙ h}. Use it for "continue this
 * session" when sequence order matters; on small logs the session kNN models are cheaper and as
 * good (Ludewig &amp; Jannach 2018), see docs/recommend.md for the measured comparison.
 */
public final class Gru4RecModel implements Recommender {
  private final int items;
  private final int hidden;
  private final int embedding;
  private final Gru4RecOptions options;
  private final Weights w;
  private final double[] epochLoss;
  private final int trainingSessions;
  private final double trainingSeconds;

  /** The trained weights in PyTorch's layout (row-major; gates ordered r, z, n). */
  static final class Weights {
    final float[] embedding;
    final float[] inputWeight;
    final float[] hiddenWeight;
    final float[] inputBias;
    final float[] hiddenBias;
    final float[] outWeight;
    final float[] outBias;

    Weights(
        float[] embedding,
        float[] inputWeight,
        float[] hiddenWeight,
        float[] inputBias,
        float[] hiddenBias,
        float[] outWeight,
        float[] outBias) {
      this.embedding = embedding;
      this.inputWeight = inputWeight;
      this.hiddenWeight = hiddenWeight;
      this.inputBias = inputBias;
      this.hiddenBias = hiddenBias;
      this.outWeight = outWeight;
      this.outBias = outBias;
    }
  }

  Gru4RecModel(
      int items,
      Gru4RecOptions options,
      Weights weights,
      double[] epochLoss,
      int trainingSessions,
      double trainingSeconds) {
    this.items = items;
    this.hidden = options.hiddenSize();
    this.embedding = options.embeddingSize();
    this.options = options;
    this.w = weights;
    this.epochLoss = epochLoss.clone();
    this.trainingSessions = trainingSessions;
    this.trainingSeconds = trainingSeconds;
  }

  /**
   * Trains on the sessions of {@code train} with 2 or more events (see {@link Gru4RecOptions}).
   * Deterministic for a given seed and thread count.
   *
   * @throws IllegalArgumentException when no session has 2 or more events
   */
  public static Gru4RecModel fit(SessionDataset train, Gru4RecOptions options) {
    return Gru4RecTrainer.train(train, options, null).model();
  }

  @Override
  public String name() {
    return "gru4rec";
  }

  @Override
  public int itemCount() {
    return items;
  }

  /** The settings it was trained with. */
  public Gru4RecOptions options() {
    return options;
  }

  /** The mean training loss per example of each epoch, first epoch first. */
  public double[] epochLoss() {
    return epochLoss.clone();
  }

  /** How many training sessions (2 or more events) it learned from. */
  public int trainingSessions() {
    return trainingSessions;
  }

  /** Wall-clock seconds the training took, engine start included. */
  public double trainingSeconds() {
    return trainingSeconds;
  }

  @Override
  public void score(Context context, Scores scores) {
    float[] h = hiddenState(context);
    if (h == null) {
      return;
    }
    for (int i = 0; i < items; i++) {
      double s = w.outBias[i];
      int row = i * hidden;
      for (int k = 0; k < hidden; k++) {
        s += w.outWeight[row + k] * h[k];
      }
      scores.add(i, s);
    }
  }

  /** The hidden state after the context's known items, or null when it has none. */
  float[] hiddenState(Context context) {
    float[] h = null;
    for (int p = 0; p < context.size(); p++) {
      int item = context.item(p);
      if (item < 0 || item >= items) {
        continue;
      }
      h = step(item, h == null ? new float[hidden] : h);
    }
    return h;
  }

  private float[] step(int item, float[] h) {
    int x = item * embedding;
    float[] out = new float[hidden];
    for (int k = 0; k < hidden; k++) {
      double r = gate(0, k, x, h, false);
      double z = gate(1, k, x, h, false);
      double in = affine(w.inputWeight, w.inputBias, 2 * hidden + k, w.embedding, x, embedding);
      double hn = gate(2, k, x, h, true);
      double n = Math.tanh(in + r * hn);
      out[k] = (float) ((1 - z) * n + z * h[k]);
    }
    return out;
  }

  /** Gate {@code g} (0 r, 1 z) of unit k, or with {@code hiddenOnly} the {@code W_hn h + b_hn}. */
  private double gate(int g, int k, int x, float[] h, boolean hiddenOnly) {
    int row = g * hidden + k;
    double hiddenPart = affine(w.hiddenWeight, w.hiddenBias, row, h, 0, hidden);
    if (hiddenOnly) {
      return hiddenPart;
    }
    double inputPart = affine(w.inputWeight, w.inputBias, row, w.embedding, x, embedding);
    return 1 / (1 + Math.exp(-(inputPart + hiddenPart)));
  }

  /** {@code weight[row] · v[offset .. offset+width) + bias[row]}. */
  private static double affine(
      float[] weight, float[] bias, int row, float[] v, int offset, int width) {
    double s = bias[row];
    int base = row * width;
    for (int j = 0; j < width; j++) {
      s += weight[base + j] * v[offset + j];
    }
    return s;
  }
}
