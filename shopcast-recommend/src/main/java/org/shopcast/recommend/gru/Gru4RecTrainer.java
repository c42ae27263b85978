package org.shopcast.recommend.gru;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.shopcast.core.runtime.NeuralRuntime;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Trains {@link Gru4RecNet} with session-parallel mini-batches (Hidasi et al. 2016, section 3.1.1):
 * {@code batchSize} sessions run side by side, each step feeds every session's current item and
 * targets its next one; a finished session's slot takes the next session (in start-time order) with
 * a zero hidden state. The hidden state is carried between steps without back-propagation through
 * time, as in the reference implementation. Negatives are the other slots' targets plus {@code
 * negatives} items sampled by {@code support^alpha} (Hidasi &amp; Karatzoglou 2018). Adam updates
 * all weights after each step.
 */
final class Gru4RecTrainer {
  private static final String ENGINE = NeuralRuntime.ENGINE;

  /** A trained model and, for tests, the DJL network's scores of all items after each probe. */
  record Trained(Gru4RecModel model, float[][] probeScores) {}

  private Gru4RecTrainer() {}

  /** Starts the PyTorch engine offline with the thread count of the options (first call only). */
  static Engine engine(Gru4RecOptions options) {
    NeuralRuntime.configure(options.threads());
    return Engine.getEngine(ENGINE);
  }

  static Trained train(SessionDataset data, Gru4RecOptions options, int[][] probes) {
    long start = System.nanoTime();
    int items = data.items().size();
    if (items == 0) {
      throw new IllegalArgumentException("GRU4Rec needs training sessions with items, got none");
    }
    List<int[]> sessions = new ArrayList<>();
    long[] support = new long[items];
    for (Session s : data.sessions()) {
      int[] ids = s.items();
      for (int id : ids) {
        support[id]++;
      }
      if (ids.length >= 2) {
        sessions.add(ids);
      }
    }
    if (sessions.isEmpty()) {
      throw new IllegalArgumentException(
          "GRU4Rec needs at least one training session with 2 or more events, got none");
    }
    Engine engine = engine(options);
    // the engine seed drives weight initialisation and dropout; the Random drives sampling
    engine.setRandomSeed((int) options.seed());
    Random random = new Random(options.seed());
    double[] cumulative = cumulative(support, options.sampleAlpha());
    Gru4RecNet net = new Gru4RecNet(items, options);
    int h = options.hiddenSize();
    double[] epochLoss = new double[options.epochs()];
    try (Model model = Model.newInstance("gru4rec", Device.cpu(), ENGINE)) {
      model.setBlock(net);
      // the trainer's own loss is unused: the ranking loss is computed below over sampled items
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
              .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT)
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                      .build());
      try (Trainer trainer = model.newTrainer(config)) {
        int b = options.batchSize();
        trainer.initialize(new Shape(b), new Shape(1, b, h), new Shape(b));
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
          epochLoss[epoch] = epoch(trainer, sessions, options, cumulative, random);
        }
        float[][] probeScores = probes == null ? null : probe(trainer, items, h, probes);
        Gru4RecModel trained =
            new Gru4RecModel(
                items,
                options,
                weights(net),
                epochLoss,
                sessions.size(),
                (System.nanoTime() - start) / 1e9);
        return new Trained(trained, probeScores);
      }
    }
  }

  /** One pass; returns the mean loss per training example. */
  private static double epoch(
      Trainer trainer,
      List<int[]> sessions,
      Gru4RecOptions options,
      double[] cumulative,
      Random random) {
    int b = options.batchSize();
    int h = options.hiddenSize();
    int[] slotSession = new int[b];
    int[] slotPos = new int[b];
    float[][] state = new float[b][h];
    int next = 0;
    for (int i = 0; i < b; i++) {
      slotSession[i] = next < sessions.size() ? next++ : -1;
    }
    double total = 0;
    long examples = 0;
    NDManager root = trainer.getManager();
    while (true) {
      int[] active = active(slotSession);
      int n = active.length;
      if (n == 0) {
        break;
      }
      int[] input = new int[n];
      int[] candidates = new int[n + options.negatives()];
      float[] flatState = new float[n * h];
      for (int k = 0; k < n; k++) {
        int[] s = sessions.get(slotSession[active[k]]);
        input[k] = s[slotPos[active[k]]];
        candidates[k] = s[slotPos[active[k]] + 1];
        System.arraycopy(state[active[k]], 0, flatState, k * h, h);
      }
      for (int j = n; j < candidates.length; j++) {
        candidates[j] = sample(cumulative, random);
      }
      float[] newState;
      try (NDManager step = root.newSubManager()) {
        NDArray stateArray = step.create(flatState, new Shape(1, n, h));
        try (GradientCollector collector = trainer.newGradientCollector()) {
          NDList out =
              trainer.forward(new NDList(step.create(input), stateArray, step.create(candidates)));
          NDArray loss = loss(out.get(0), n, candidates.length, options);
          collector.backward(loss);
          total += loss.getFloat() * n;
          newState = out.get(1).toFloatArray();
        }
        trainer.step();
      }
      examples += n;
      for (int k = 0; k < n; k++) {
        int slot = active[k];
        int[] s = sessions.get(slotSession[slot]);
        slotPos[slot]++;
        if (slotPos[slot] + 1 < s.length) {
          System.arraycopy(newState, k * h, state[slot], 0, h);
        } else {
          slotSession[slot] = next < sessions.size() ? next++ : -1;
          slotPos[slot] = 0;
          Arrays.fill(state[slot], 0f);
        }
      }
    }
    return total / Math.max(1, examples);
  }

  /** The loss over scores {@code [n, c]} whose column i holds row i's target. */
  private static NDArray loss(NDArray scores, int n, int c, Gru4RecOptions options) {
    float[] mask = new float[n * c];
    for (int i = 0; i < n; i++) {
      mask[i * c + i] = 1;
    }
    NDArray target = scores.getManager().create(mask, new Shape(n, c));
    if (options.loss() == Gru4RecLoss.CROSS_ENTROPY) {
      return scores.logSoftmax(1).mul(target).sum(new int[] {1}).neg().mean();
    }
    // BPR-max: softmax weights over the negatives only (the target column masked out)
    NDArray weights = scores.sub(target.mul(1e9f)).softmax(1);
    NDArray positive = scores.mul(target).sum(new int[] {1}, true);
    NDArray ranked = weights.mul(Activation.sigmoid(positive.sub(scores))).sum(new int[] {1});
    NDArray regulariser = weights.mul(scores.square()).sum(new int[] {1});
    return ranked
        .add(1e-24f)
        .log()
        .neg()
        .add(regulariser.mul((float) options.bprRegularisation()))
        .mean();
  }

  private static int[] active(int[] slotSession) {
    int n = 0;
    for (int s : slotSession) {
      n += s >= 0 ? 1 : 0;
    }
    int[] out = new int[n];
    int k = 0;
    for (int i = 0; i < slotSession.length; i++) {
      if (slotSession[i] >= 0) {
        out[k++] = i;
      }
    }
    return out;
  }

  /** Cumulative sampling distribution over items, proportional to {@code support^alpha}. */
  static double[] cumulative(long[] support, double alpha) {
    double[] out = new double[support.length];
    double sum = 0;
    for (int i = 0; i < support.length; i++) {
      sum += support[i] == 0 ? 0 : Math.pow(support[i], alpha);
      out[i] = sum;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    return out;
  }

  static int sample(double[] cumulative, Random random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    int index = i >= 0 ? i + 1 : -i - 1;
    return Math.min(index, cumulative.length - 1);
  }

  /** Runs the DJL network over each probe sequence and returns all items' final scores. */
  private static float[][] probe(Trainer trainer, int items, int h, int[][] probes) {
    float[][] out = new float[probes.length][];
    try (NDManager manager = trainer.getManager().newSubManager()) {
      int[] all = new int[items];
      Arrays.setAll(all, i -> i);
      NDArray candidates = manager.create(all);
      for (int p = 0; p < probes.length; p++) {
        NDArray state = manager.zeros(new Shape(1, 1, h));
        NDArray scores = null;
        for (int item : probes[p]) {
          NDList step =
              trainer.evaluate(new NDList(manager.create(new int[] {item}), state, candidates));
          scores = step.get(0);
          state = step.get(1);
        }
        out[p] = scores == null ? new float[0] : scores.toFloatArray();
      }
    }
    return out;
  }

  private static Gru4RecModel.Weights weights(Gru4RecNet net) {
    float[] embedding = null;
    float[] outWeight = null;
    float[] outBias = null;
    float[] inputWeight = null;
    float[] hiddenWeight = null;
    float[] inputBias = null;
    float[] hiddenBias = null;
    for (Pair<String, Parameter> entry : net.getParameters()) {
      String name = entry.getKey();
      float[] values = entry.getValue().getArray().toFloatArray();
      if (name.endsWith(Gru4RecNet.EMBEDDING)) {
        embedding = values;
      } else if (name.endsWith(Gru4RecNet.OUT_WEIGHT)) {
        outWeight = values;
      } else if (name.endsWith(Gru4RecNet.OUT_BIAS)) {
        outBias = values;
      } else if (name.endsWith("i2h_WEIGHT")) {
        inputWeight = values;
      } else if (name.endsWith("h2h_WEIGHT")) {
        hiddenWeight = values;
      } else if (name.endsWith("i2h_BIAS")) {
        inputBias = values;
      } else if (name.endsWith("h2h_BIAS")) {
        hiddenBias = values;
      } else {
        throw new IllegalStateException("unexpected GRU4Rec parameter " + name);
      }
    }
    return new Gru4RecModel.Weights(
        embedding, inputWeight, hiddenWeight, inputBias, hiddenBias, outWeight, outBias);
  }
}
