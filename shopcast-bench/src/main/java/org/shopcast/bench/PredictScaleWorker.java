package org.shopcast.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.shopcast.predict.btyd.BgNbdModel;
import org.shopcast.predict.btyd.CustomerSummary;
import org.shopcast.predict.btyd.FitOptions;
import org.shopcast.predict.eval.Metrics;
import org.shopcast.predict.model.XgbClassifier;

/**
 * The Java side of {@link PredictScale}, run as its own process so that its peak memory is measured
 * like the Python peer's: {@code bgnbd FILE} fits BG/NBD to a summary CSV (x, t_x, T); {@code xgb
 * DIR ROUNDS} trains XGBoost4J on {@code DIR/train.csv} with early stopping on {@code
 * DIR/valid.csv}. Prints one JSON line: the fit time (reading the CSV excluded) and the result.
 */
public final class PredictScaleWorker {
  private PredictScaleWorker() {}

  /** Runs one fit; see the class comment. */
  public static void main(String[] args) throws IOException {
    if (args.length >= 2 && args[0].equals("bgnbd")) {
      bgnbd(Path.of(args[1]));
    } else if (args.length >= 3 && args[0].equals("xgb")) {
      xgb(Path.of(args[1]), Integer.parseInt(args[2]));
    } else {
      throw new IllegalArgumentException("usage: bgnbd FILE | xgb DIR ROUNDS");
    }
  }

  private static void bgnbd(Path file) throws IOException {
    double[][] rows = read(file);
    int n = rows.length;
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = (int) rows[i][0];
      tx[i] = rows[i][1];
      age[i] = rows[i][2];
    }
    List<String> ids =
        new AbstractList<>() {
          @Override
          public String get(int index) {
            return Integer.toString(index);
          }

          @Override
          public int size() {
            return n;
          }
        };
    CustomerSummary summary = CustomerSummary.of("scale", ids, x, tx, age, null, null);
    long start = System.nanoTime();
    BgNbdModel model = BgNbdModel.fit(summary, new FitOptions());
    double seconds = (System.nanoTime() - start) / 1e9;
    double ll = 0;
    for (int i = 0; i < n; i++) {
      ll += model.logLikelihood(x[i], tx[i], age[i]);
    }
    System.out.printf(
        Locale.ROOT,
        "{\"name\": \"shopcast-bgnbd\", \"fitSeconds\": %.3f, \"r\": %.6f, \"alpha\": %.6f,"
            + " \"a\": %.6f, \"b\": %.6f, \"logLikelihood\": %.4f, \"customers\": %d}%n",
        seconds,
        model.r(),
        model.alpha(),
        model.a(),
        model.b(),
        ll,
        n);
  }

  private static void xgb(Path dir, int rounds) throws IOException {
    double[][] train = read(dir.resolve("train.csv"));
    double[][] valid = read(dir.resolve("valid.csv"));
    int d = train[0].length - 1;
    boolean[] yTrain = labels(train, d);
    boolean[] yValid = labels(valid, d);
    double[][] xTrain = features(train, d);
    double[][] xValid = features(valid, d);
    train = null;
    valid = null;
    List<String> names = new ArrayList<>();
    for (int j = 0; j < d; j++) {
      names.add("f" + j);
    }
    long start = System.nanoTime();
    XgbClassifier model =
        XgbClassifier.train(
            names,
            xTrain,
            yTrain,
            xValid,
            yValid,
            new XgbClassifier.Options(rounds, 30, 0.05, 4, 42, 1));
    double seconds = (System.nanoTime() - start) / 1e9;
    double auc = Metrics.auc(model.predict(xValid), yValid);
    System.out.printf(
        Locale.ROOT,
        "{\"name\": \"shopcast-xgboost\", \"fitSeconds\": %.3f, \"validAuc\": %.6f, \"trees\": %d,"
            + " \"rows\": %d}%n",
        seconds,
        auc,
        model.trees(),
        xTrain.length);
  }

  private static boolean[] labels(double[][] rows, int d) {
    boolean[] y = new boolean[rows.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = rows[i][d] > 0.5;
    }
    return y;
  }

  private static double[][] features(double[][] rows, int d) {
    double[][] x = new double[rows.length][];
    for (int i = 0; i < x.length; i++) {
      x[i] = Arrays.copyOf(rows[i], d);
    }
    return x;
  }

  /** A numeric CSV with a header line. */
  static double[][] read(Path file) throws IOException {
    List<double[]> rows = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      while ((line = in.readLine()) != null) {
        String[] f = line.split(",");
        double[] row = new double[f.length];
        for (int j = 0; j < f.length; j++) {
          row[j] = Double.parseDouble(f[j]);
        }
        rows.add(row);
      }
    }
    return rows.toArray(new double[0][]);
  }
}
