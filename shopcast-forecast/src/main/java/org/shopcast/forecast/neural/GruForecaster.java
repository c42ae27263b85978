package org.shopcast.forecast.neural;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.shopcast.core.runtime.NeuralRuntime;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.Series;

/**
 * A GRU forecaster (Cho et al., EMNLP 2014) trained with DJL on the PyTorch CPU engine over sliding
 * windows ({@link Windows}) of one series or of many at once (a global model; each series scaled by
 * its own mean and standard deviation). The network maps the last {@code w} scaled values to all
 * {@code h} steps ahead (direct multi-horizon output, no recursion). Adam on the squared error,
 * mini-batches in a seeded order, early stopping on the validation windows (the last origins of
 * each series), keeping the best epoch's weights. Intervals are empirical: per step ahead, the
 * {@code (1 - level) / 2} and {@code (1 + level) / 2} quantiles of that series' validation-window
 * residuals added to the point (widened to contain it). The weights are initialised in Java from
 * the seed (uniform in ±1/sqrt(hidden), PyTorch's default range) and the engine runs a fixed number
 * of threads, so results repeat, also when several series are forecast in parallel. The weights are
 * not refitted on the validation windows. Use it on long series (hundreds of points) or many
 * related series; on short single series the statistical models are better and cheaper.
 */
public final class GruForecaster implements Forecaster {
  private static final float CLIP_GRADIENT = 5f;
  private static final int EVAL_BATCH = 512;

  private final GruOptions options;

  /** A forecaster with these settings. */
  public GruForecaster(GruOptions options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public String name() {
    return "gru";
  }

  @Override
  public Forecast forecast(double[] y, int horizon, double level) {
    return forecastAll(List.of(y), horizon, level).get(0);
  }

  /**
   * Trains one model over the windows of all {@code series} and forecasts each.
   *
   * @throws IllegalArgumentException when horizon &lt; 1, level is outside (0, 1) or no series
   * @throws org.shopcast.forecast.ForecastException when a series is shorter than w + 2h (w the
   *     input window), constant, or has missing values
   */
  public List<Forecast> forecastAll(List<double[]> series, int horizon, double level) {
    Series.checkArguments(horizon, level);
    if (series.isEmpty()) {
      throw new IllegalArgumentException("series must not be empty");
    }
    Windows windows = Windows.of(series, options.windowFor(horizon), horizon);
    NeuralRuntime.configure(options.threads());
    synchronized (NeuralRuntime.TRAINING) {
      return train(windows, horizon, level);
    }
  }

  private List<Forecast> train(Windows windows, int horizon, double level) {
    WindowNetwork network = new WindowNetwork(options.hidden(), horizon);
    try (Model model = Model.newInstance("gru-forecast", Device.cpu(), NeuralRuntime.ENGINE)) {
      model.setBlock(network);
      DefaultTrainingConfig config =
          new DefaultTrainingConfig(Loss.l2Loss())
              .optInitializer(new SeededUniform(options), p -> true)
              .optOptimizer(
                  Optimizer.adam()
                      .optLearningRateTracker(Tracker.fixed((float) options.learningRate()))
                      .optClipGrad(CLIP_GRADIENT)
                      .build())
              .optDevices(new Device[] {Device.cpu()});
      try (Trainer trainer = model.newTrainer(config)) {
        trainer.initialize(new Shape(options.batchSize(), windows.w, 1));
        byte[] best = fit(trainer, network, windows);
        NDManager manager = trainer.getManager();
        network.loadParameters(manager, new DataInputStream(new ByteArrayInputStream(best)));
        ParameterStore store = new ParameterStore(manager, false);
        return forecasts(
            manager, x -> network.forward(store, x, false).singletonOrThrow(), windows, level);
      } catch (IOException | MalformedModelException e) {
        throw new IllegalStateException("cannot restore the GRU weights: " + e.getMessage(), e);
      }
    }
  }

  private byte[] fit(Trainer trainer, WindowNetwork network, Windows windows) throws IOException {
    int[] all = range(windows.validSeries.length);
    Function<NDList, NDArray> forward = x -> trainer.evaluate(x).singletonOrThrow();
    NDManager manager = trainer.getManager();
    double best = validationError(manager, forward, windows, all);
    byte[] bestWeights = snapshot(network);
    SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    int[] order = range(windows.trainSeries.length);
    int stale = 0;
    for (int epoch = 1; epoch <= options.maxEpochs() && stale < options.patience(); epoch++) {
      shuffle(order, random);
      for (int from = 0; from < order.length; from += options.batchSize()) {
        int[] rows =
            Arrays.copyOfRange(order, from, Math.min(order.length, from + options.batchSize()));
        try (NDManager batch = trainer.getManager().newSubManager()) {
          NDArray x =
              batch.create(
                  windows.inputs(windows.trainSeries, windows.trainOrigin, rows),
                  new Shape(rows.length, windows.w, 1));
          NDArray y =
              batch.create(
                  windows.targets(windows.trainSeries, windows.trainOrigin, rows),
                  new Shape(rows.length, windows.h));
          try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray out = trainer.forward(new NDList(x)).singletonOrThrow();
            collector.backward(trainer.getLoss().evaluate(new NDList(y), new NDList(out)));
          }
          trainer.step();
        }
      }
      double error = validationError(manager, forward, windows, all);
      if (error < best - 1e-7) {
        best = error;
        bestWeights = snapshot(network);
        stale = 0;
      } else {
        stale++;
      }
    }
    return bestWeights;
  }

  private static double validationError(
      NDManager manager, Function<NDList, NDArray> forward, Windows windows, int[] rows) {
    float[] predicted =
        predict(manager, forward, windows, windows.validSeries, windows.validOrigin, rows);
    float[] actual = windows.targets(windows.validSeries, windows.validOrigin, rows);
    double sum = 0;
    for (int i = 0; i < actual.length; i++) {
      double e = actual[i] - predicted[i];
      sum += e * e;
    }
    return sum / actual.length;
  }

  private static float[] predict(
      NDManager manager,
      Function<NDList, NDArray> forward,
      Windows windows,
      int[] series,
      int[] origin,
      int[] rows) {
    float[] out = new float[rows.length * windows.h];
    for (int from = 0; from < rows.length; from += EVAL_BATCH) {
      int[] part = Arrays.copyOfRange(rows, from, Math.min(rows.length, from + EVAL_BATCH));
      try (NDManager batch = manager.newSubManager()) {
        NDArray x =
            batch.create(
                windows.inputs(series, origin, part), new Shape(part.length, windows.w, 1));
        float[] p = forward.apply(new NDList(x)).toFloatArray();
        System.arraycopy(p, 0, out, from * windows.h, p.length);
      }
    }
    return out;
  }

  private List<Forecast> forecasts(
      NDManager manager, Function<NDList, NDArray> forward, Windows windows, double level) {
    int s = windows.z.length;
    int h = windows.h;
    float[] inputs = new float[s * windows.w];
    for (int i = 0; i < s; i++) {
      System.arraycopy(windows.last(i), 0, inputs, i * windows.w, windows.w);
    }
    float[] ahead;
    try (NDManager batch = manager.newSubManager()) {
      NDArray x = batch.create(inputs, new Shape(s, windows.w, 1));
      ahead = forward.apply(new NDList(x)).toFloatArray();
    }
    float[] validPredicted =
        predict(
            manager,
            forward,
            windows,
            windows.validSeries,
            windows.validOrigin,
            range(windows.validSeries.length));
    float[] validActual =
        windows.targets(
            windows.validSeries, windows.validOrigin, range(windows.validSeries.length));
    List<Forecast> out = new ArrayList<>(s);
    int row = 0;
    for (int i = 0; i < s; i++) {
      int v = windows.validation[i];
      double[] point = new double[h];
      double[] lower = new double[h];
      double[] upper = new double[h];
      for (int k = 0; k < h; k++) {
        point[k] = windows.mean[i] + windows.sd[i] * ahead[i * h + k];
        double[] residuals = new double[v];
        for (int j = 0; j < v; j++) {
          int at = (row + j) * h + k;
          residuals[j] = windows.sd[i] * (validActual[at] - validPredicted[at]);
        }
        Arrays.sort(residuals);
        lower[k] = Math.min(point[k], point[k] + quantile(residuals, (1 - level) / 2));
        upper[k] = Math.max(point[k], point[k] + quantile(residuals, (1 + level) / 2));
      }
      row += v;
      out.add(new Forecast(name(), point, lower, upper, level));
    }
    return out;
  }

  /** The p-quantile of sorted values, linear between order statistics (Hyndman-Fan type 7). */
  static double quantile(double[] sorted, double p) {
    double at = p * (sorted.length - 1);
    int lo = (int) Math.floor(at);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (at - lo) * (sorted[hi] - sorted[lo]);
  }

  private static byte[] snapshot(WindowNetwork network) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      network.saveParameters(out);
    }
    return bytes.toByteArray();
  }

  private static int[] range(int n) {
    int[] r = new int[n];
    for (int i = 0; i < n; i++) {
      r[i] = i;
    }
    return r;
  }

  private static void shuffle(int[] order, SplittableRandom random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
  }

  /** Uniform weights in ±1/sqrt(hidden) drawn from the seed, parameter by parameter. */
  private static final class SeededUniform implements Initializer {
    private final SplittableRandom random;
    private final double bound;

    SeededUniform(GruOptions options) {
      random = new SplittableRandom(options.seed());
      bound = 1 / Math.sqrt(options.hidden());
    }

    @Override
    public NDArray initialize(
        NDManager manager, Shape shape, ai.djl.ndarray.types.DataType dataType) {
      float[] values = new float[Math.toIntExact(shape.size())];
      for (int i = 0; i < values.length; i++) {
        values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
      }
      return manager.create(values, shape).toType(dataType, false);
    }
  }
}
