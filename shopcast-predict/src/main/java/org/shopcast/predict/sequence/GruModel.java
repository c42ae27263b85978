package org.shopcast.predict.sequence;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.Objects;

/**
 * A trained GRU purchase model ({@link GruTrainer}): the settings and the weights of the best
 * validation epoch, held as bytes (DJL's parameter format), so the model is immutable and holds no
 * native memory between calls. {@link #state()} and {@link #parameters()} are what a registry
 * saves; {@link #of} rebuilds the same model from them.
 */
public final class GruModel {
  private static final int PREDICT_BATCH = 256;

  private final SequenceOptions options;
  private final int categoryVocabulary;
  private final byte[] parameters;
  private final int epochs;
  private final int bestEpoch;
  private final double validationLogLoss;

  GruModel(
      SequenceOptions options,
      int categoryVocabulary,
      byte[] parameters,
      int epochs,
      int bestEpoch,
      double validationLogLoss) {
    this.options = Objects.requireNonNull(options, "options");
    this.categoryVocabulary = categoryVocabulary;
    this.parameters = parameters.clone();
    this.epochs = epochs;
    this.bestEpoch = bestEpoch;
    this.validationLogLoss = validationLogLoss;
  }

  /**
   * Everything but the weights, for saving beside them.
   *
   * @param options the settings trained with
   * @param categoryVocabulary category indices (buckets + padding + none)
   * @param epochs epochs run
   * @param bestEpoch the epoch whose weights are kept
   * @param validationLogLoss the validation log loss of those weights
   */
  public record State(
      SequenceOptions options,
      int categoryVocabulary,
      int epochs,
      int bestEpoch,
      double validationLogLoss) {
    /** Validates the state. */
    public State {
      Objects.requireNonNull(options, "options");
      if (categoryVocabulary != options.categoryBuckets() + 2) {
        throw new IllegalArgumentException(
            "categoryVocabulary must be categoryBuckets + 2 = "
                + (options.categoryBuckets() + 2)
                + ", got "
                + categoryVocabulary);
      }
    }
  }

  /**
   * The model of a saved state and its weights (DJL's parameter bytes, as {@link #parameters()}
   * gave them). The weights are read at the first prediction.
   *
   * @throws IllegalArgumentException when the weights are empty
   */
  public static GruModel of(State state, byte[] parameters) {
    if (parameters.length == 0) {
      throw new IllegalArgumentException("the GRU weights must not be empty");
    }
    return new GruModel(
        state.options(),
        state.categoryVocabulary(),
        parameters,
        state.epochs(),
        state.bestEpoch(),
        state.validationLogLoss());
  }

  /** The settings and training record (without the weights). */
  public State state() {
    return new State(options, categoryVocabulary, epochs, bestEpoch, validationLogLoss);
  }

  /** A copy of the weights in DJL's parameter format. */
  public byte[] parameters() {
    return parameters.clone();
  }

  /** The settings trained with. */
  public SequenceOptions options() {
    return options;
  }

  /** Epochs run before early stopping (or the limit). */
  public int epochs() {
    return epochs;
  }

  /** The epoch whose weights the model keeps (best validation log loss). */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** The validation log loss of the kept weights. */
  public double validationLogLoss() {
    return validationLogLoss;
  }

  /**
   * The purchase probability of each row.
   *
   * @throws IllegalArgumentException when the sequences were encoded with other settings
   */
  public double[] predict(EventSequences sequences) {
    if (sequences.length() != options.maxEvents()
        || sequences.categoryVocabulary() != categoryVocabulary) {
      throw new IllegalArgumentException(
          "sequences must be encoded with L = "
              + options.maxEvents()
              + " and "
              + (categoryVocabulary - 2)
              + " category buckets, got L = "
              + sequences.length()
              + " and "
              + (sequences.categoryVocabulary() - 2));
    }
    Djl.start(options.threads());
    double[] out = new double[sequences.size()];
    try (NDManager manager = NDManager.newBaseManager(Device.cpu(), Djl.ENGINE)) {
      GruNetwork network = new GruNetwork(options, categoryVocabulary);
      int l = options.maxEvents();
      network.initialize(
          manager,
          DataType.FLOAT32,
          new Shape(1, l),
          new Shape(1, l),
          new Shape(1, l, EventSequences.NUMERIC));
      network.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(parameters)));
      ParameterStore store = new ParameterStore(manager, false);
      int[] all = new int[sequences.size()];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      for (int from = 0; from < all.length; from += PREDICT_BATCH) {
        int to = Math.min(all.length, from + PREDICT_BATCH);
        try (NDManager batch = manager.newSubManager()) {
          NDList x = Djl.inputs(batch, sequences, Djl.slice(all, from, to));
          NDArray logits = network.forward(store, x, false).singletonOrThrow();
          float[] p = Activation.sigmoid(logits).toFloatArray();
          for (int k = 0; k < p.length; k++) {
            out[from + k] = p[k];
          }
        }
      }
    } catch (IOException | MalformedModelException e) {
      throw new IllegalStateException("cannot load the GRU weights: " + e.getMessage(), e);
    }
    return out;
  }
}
