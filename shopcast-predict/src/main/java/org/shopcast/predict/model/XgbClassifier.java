package org.shopcast.predict.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gradient-boosted trees (XGBoost4J; Chen &amp; Guestrin, "XGBoost: A Scalable Tree Boosting
 * System", KDD 2016) for binary labels with early stopping on a validation set (the temporal
 * validation cutoff), and per-row SHAP contributions (Lundberg et al., "From local explanations to
 * global understanding with explainable AI for trees", Nature MI 2020) via {@code predictContrib}.
 */
public final class XgbClassifier implements Classifier {
  private final XgbBooster booster;

  private XgbClassifier(XgbBooster booster) {
    this.booster = booster;
  }

  /**
   * Settings of the booster.
   *
   * @param maxRounds boosting rounds at most (default 400)
   * @param earlyStopping rounds without validation log-loss improvement that stop training (30)
   * @param eta learning rate (0.05)
   * @param maxDepth tree depth (4)
   * @param seed random seed (42)
   * @param threads training threads (1: on a loaded machine OpenMP's spinning barriers made two
   *     threads 10x slower than one)
   */
  public record Options(
      int maxRounds, int earlyStopping, double eta, int maxDepth, long seed, int threads) {
    /** Validates the settings. */
    public Options {
      if (maxRounds < 1 || earlyStopping < 1 || maxDepth < 1 || threads < 1) {
        throw new IllegalArgumentException(
            "maxRounds, earlyStopping, maxDepth and threads must be >= 1, got "
                + maxRounds
                + ", "
                + earlyStopping
                + ", "
                + maxDepth
                + ", "
                + threads);
      }
      if (!(eta > 0 && eta <= 1)) {
        throw new IllegalArgumentException("eta must be in (0, 1], got " + eta);
      }
    }

    /** The defaults. */
    public Options() {
      this(400, 30, 0.05, 4, 42, 1);
    }

    /** These settings with seed {@code s}. */
    public Options withSeed(long s) {
      return new Options(maxRounds, earlyStopping, eta, maxDepth, s, threads);
    }
  }

  /**
   * Trains on {@code train}, stopping early on {@code valid}'s log loss.
   *
   * @throws IllegalStateException when XGBoost fails
   */
  public static XgbClassifier train(
      List<String> featureNames,
      double[][] train,
      boolean[] trainLabels,
      double[][] valid,
      boolean[] validLabels,
      Options options) {
    Map<String, Object> objective = new LinkedHashMap<>();
    objective.put("objective", "binary:logistic");
    objective.put("eval_metric", "logloss");
    return new XgbClassifier(
        XgbBooster.train(
            featureNames,
            objective,
            train,
            labels(trainLabels),
            valid,
            labels(validLabels),
            options));
  }

  private static float[] labels(boolean[] labels) {
    float[] y = new float[labels.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = labels[i] ? 1 : 0;
    }
    return y;
  }

  @Override
  public String name() {
    return "xgboost";
  }

  /**
   * Writes the booster to {@code file} (XGBoost's own format, chosen by the extension: {@code
   * .json} or {@code .ubj}); {@link #trees()} and {@link #featureNames()} are kept by the caller.
   *
   * @throws IllegalStateException when XGBoost cannot write it
   */
  public void save(Path file) {
    booster.save(file);
  }

  /**
   * Reads a booster written by {@link #save}.
   *
   * @param trees the trees used for prediction (the best validation round at training)
   * @throws IllegalStateException when XGBoost cannot read it
   */
  public static XgbClassifier load(Path file, List<String> featureNames, int trees) {
    return new XgbClassifier(XgbBooster.load(file, featureNames, trees));
  }

  /** Trees used for prediction (the best validation round). */
  public int trees() {
    return booster.trees();
  }

  /** The feature names, in column order. */
  public List<String> featureNames() {
    return booster.featureNames();
  }

  @Override
  public double[] predict(double[][] rows) {
    return booster.predict(rows);
  }

  /**
   * SHAP contributions in log-odds: for each row, one value per feature and the bias last; they sum
   * to the row's margin.
   */
  public double[][] contributions(double[][] rows) {
    return booster.contributions(rows);
  }

  /** Mean absolute SHAP contribution per feature over {@code rows}, by feature name. */
  public Map<String, Double> importance(double[][] rows) {
    double[][] contrib = contributions(rows);
    List<String> names = featureNames();
    Map<String, Double> result = new LinkedHashMap<>();
    for (int j = 0; j < names.size(); j++) {
      double sum = 0;
      for (double[] row : contrib) {
        sum += Math.abs(row[j]);
      }
      result.put(names.get(j), rows.length == 0 ? 0 : sum / rows.length);
    }
    return result;
  }
}
