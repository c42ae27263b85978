package org.shopcast.predict.sequence;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;
import org.shopcast.core.runtime.NeuralRuntime;
import org.shopcast.predict.eval.Metrics;

/**
 * Trains a {@link GruModel} for a binary label (the {@code purchase} task): Adam on the sigmoid
 * binary cross-entropy of the logits, mini-batches in a seeded random order, and early stopping on
 * the validation rows' log loss (the same temporal validation cutoff XGBoost stops on), keeping the
 * weights of the best epoch. The PyTorch engine's seed is set before the weights are initialised,
 * and the engine runs a fixed number of threads, so the same data, settings and seed give the same
 * model.
 */
public final class GruTrainer {
  private static final float CLIP_GRADIENT = 5f;
  private static final double MIN_IMPROVEMENT = 1e-5;

  private GruTrainer() {}

  /**
   * Trains on {@code train}, stopping early on {@code valid}.
   *
   * @throws IllegalArgumentException when a set is empty, the labels do not match the rows, or the
   *     sets were encoded differently
   */
  public static GruModel train(
      EventSequences train,
      boolean[] trainLabels,
      EventSequences valid,
      boolean[] validLabels,
      SequenceOptions options) {
    check("training", train, trainLabels, options);
    check("validation", valid, validLabels, options);
    if (train.categoryVocabulary() != valid.categoryVocabulary()) {
      throw new IllegalArgumentException(
          "training and validation sequences must use the same category buckets");
    }
    synchronized (NeuralRuntime.TRAINING) {
      return fit(train, trainLabels, valid, validLabels, options);
    }
  }

  private static GruModel fit(
      EventSequences train,
      boolean[] trainLabels,
      EventSequences valid,
      boolean[] validLabels,
      SequenceOptions options) {
    Djl.start(options.threads()).setRandomSeed((int) options.seed());
    int l = options.maxEvents();
    GruNetwork network = new GruNetwork(options, train.categoryVocabulary());
    try (Model model = Model.newInstance("gru-purchase", Device.cpu(), Djl.ENGINE)) {
      model.setBlock(network);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.sigmoidBinaryCrossEntropyLoss())
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                      .optClipGrad(CLIP_GRADIENT)
                      .build())
              .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(
            new Shape(options.batchSize(), l),
            new Shape(options.batchSize(), l),
            new Shape(options.batchSize(), l, EventSequences.NUMERIC));
        SplittableRandom random = new SplittableRandom(options.seed());
        int[] order = new int[train.size()];
        for (int i = 0; i < order.length; i++) {
          order[i] = i;
        }
        double best = Metrics.logLoss(predict(trainer, valid), validLabels);
        byte[] bestParameters = snapshot(network);
        int bestEpoch = 0;
        int epoch = 0;
        int stale = 0;
        while (epoch < options.maxEpochs() && stale < options.patience()) {
          epoch++;
          shuffle(order, random);
          for (int from = 0; from < order.length; from += options.batchSize()) {
            int[] rows = Djl.slice(order, from, Math.min(order.length, from + options.batchSize()));
            step(trainer, train, trainLabels, rows);
          }
          double loss = Metrics.logLoss(predict(trainer, valid), validLabels);
          if (loss < best - MIN_IMPROVEMENT) {
            best = loss;
            bestParameters = snapshot(network);
            bestEpoch = epoch;
            stale = 0;
          } else {
            stale++;
          }
        }
        return new GruModel(
            options, train.categoryVocabulary(), bestParameters, epoch, bestEpoch, best);
      }
    }
  }

  private static void step(Trainer trainer, EventSequences train, boolean[] labels, int[] rows) {
    try (NDManager batch = trainer.getManager().newSubManager()) {
      NDList x = Djl.inputs(batch, train, rows);
      float[] y = new float[rows.length];
      for (int k = 0; k < rows.length; k++) {
        y[k] = labels[rows[k]] ? 1f : 0f;
      }
      NDArray target = batch.create(y, new Shape(rows.length, 1));
      try (GradientCollector collector = trainer.newGradientCollector()) {
        NDArray logits = trainer.forward(x).singletonOrThrow();
        NDArray loss = trainer.getLoss().evaluate(new NDList(target), new NDList(logits));
        collector.backward(loss);
      }
      trainer.step();
    }
  }

  private static double[] predict(Trainer trainer, EventSequences sequences) {
    double[] out = new double[sequences.size()];
    int[] all = new int[sequences.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    int size = 256;
    for (int from = 0; from < all.length; from += size) {
      int to = Math.min(all.length, from + size);
      try (NDManager batch = trainer.getManager().newSubManager()) {
        NDList x = Djl.inputs(batch, sequences, Djl.slice(all, from, to));
        float[] p = Activation.sigmoid(trainer.evaluate(x).singletonOrThrow()).toFloatArray();
        for (int k = 0; k < p.length; k++) {
          out[from + k] = p[k];
        }
      }
    }
    return out;
  }

  private static byte[] snapshot(GruNetwork network) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      network.saveParameters(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy the GRU weights", e);
    }
    return bytes.toByteArray();
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  private static void check(
      String what, EventSequences sequences, boolean[] labels, SequenceOptions options) {
    if (sequences.size() == 0) {
      throw new IllegalArgumentException("the " + what + " set must not be empty");
    }
    if (labels.length != sequences.size()) {
      throw new IllegalArgumentException(
          what
              + " labels must match the rows: "
              + sequences.size()
              + " rows, got "
              + labels.length
              + " labels");
    }
    if (sequences.length() != options.maxEvents()) {
      throw new IllegalArgumentException(
          what
              + " sequences must have length "
              + options.maxEvents()
              + ", got "
              + sequences.length());
    }
  }
}
