package org.shopcast.predict.model;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees (XGBoost4J; Chen &amp; Guestrin, "XGBoost: A Scalable Tree Boosting
 * System", KDD 2016) for binary labels with early stopping on a validation set (the temporal
 * validation cutoff), and per-row SHAP contributions (Lundberg et al., "From local explanations to
 * global understanding with explainable AI for trees", Nature MI 2020) via {@code predictContrib}.
 */
public final class XgbClassifier implements Classifier {
  private final Booster booster;
  private final List<String> featureNames;
  private final int trees;

  private XgbClassifier(Booster booster, List<String> featureNames, int trees) {
    this.booster = booster;
    this.featureNames = List.copyOf(featureNames);
    this.trees = trees;
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
    try {
      DMatrix dtrain = matrix(train, trainLabels);
      DMatrix dvalid = matrix(valid, validLabels);
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "binary:logistic");
      params.put("eval_metric", "logloss");
      params.put("eta", options.eta());
      params.put("max_depth", options.maxDepth());
      params.put("subsample", 0.8);
      params.put("colsample_bytree", 0.8);
      params.put("min_child_weight", 5);
      params.put("lambda", 1.0);
      params.put("seed", options.seed());
      params.put("nthread", options.threads());
      params.put("verbosity", 0);
      params.put("verbose_eval", "false");
      Map<String, DMatrix> watches = new LinkedHashMap<>();
      watches.put("train", dtrain);
      watches.put("valid", dvalid);
      float[][] history = new float[watches.size()][options.maxRounds()];
      Booster booster =
          XGBoost.train(
              dtrain,
              params,
              options.maxRounds(),
              watches,
              history,
              null,
              null,
              options.earlyStopping());
      String best = booster.getAttr("best_iteration");
      int trees = best == null ? booster.getNumBoostedRound() : Integer.parseInt(best) + 1;
      dtrain.dispose();
      dvalid.dispose();
      return new XgbClassifier(booster, featureNames, trees);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  private static DMatrix matrix(double[][] rows, boolean[] labels) throws XGBoostError {
    int n = rows.length;
    int d = n == 0 ? 0 : rows[0].length;
    float[] flat = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        flat[i * d + j] = (float) rows[i][j];
      }
    }
    DMatrix matrix = new DMatrix(flat, n, d, Float.NaN);
    if (labels != null) {
      float[] y = new float[n];
      for (int i = 0; i < n; i++) {
        y[i] = labels[i] ? 1 : 0;
      }
      matrix.setLabel(y);
    }
    return matrix;
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
  public void save(java.nio.file.Path file) {
    try {
      booster.saveModel(file.toString());
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot save the XGBoost model to " + file, e);
    }
  }

  /**
   * Reads a booster written by {@link #save}.
   *
   * @param trees the trees used for prediction (the best validation round at training)
   * @throws IllegalStateException when XGBoost cannot read it
   */
  public static XgbClassifier load(java.nio.file.Path file, List<String> featureNames, int trees) {
    try {
      return new XgbClassifier(XGBoost.loadModel(file.toString()), featureNames, trees);
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot read the XGBoost model " + file, e);
    }
  }

  /** Trees used for prediction (the best validation round). */
  public int trees() {
    return trees;
  }

  /** The feature names, in column order. */
  public List<String> featureNames() {
    return featureNames;
  }

  @Override
  public double[] predict(double[][] rows) {
    try {
      DMatrix matrix = matrix(rows, null);
      float[][] out = booster.predict(matrix, false, trees);
      matrix.dispose();
      double[] p = new double[rows.length];
      for (int i = 0; i < p.length; i++) {
        p[i] = out[i][0];
      }
      return p;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /**
   * SHAP contributions in log-odds: for each row, one value per feature and the bias last; they sum
   * to the row's margin.
   */
  public double[][] contributions(double[][] rows) {
    try {
      DMatrix matrix = matrix(rows, null);
      float[][] out = booster.predictContrib(matrix, trees);
      matrix.dispose();
      double[][] result = new double[out.length][];
      for (int i = 0; i < out.length; i++) {
        result[i] = new double[out[i].length];
        for (int j = 0; j < out[i].length; j++) {
          result[i][j] = out[i][j];
        }
      }
      return result;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost contributions failed: " + e.getMessage(), e);
    }
  }

  /** Mean absolute SHAP contribution per feature over {@code rows}, by feature name. */
  public Map<String, Double> importance(double[][] rows) {
    double[][] contrib = contributions(rows);
    Map<String, Double> result = new LinkedHashMap<>();
    for (int j = 0; j < featureNames.size(); j++) {
      double sum = 0;
      for (double[] row : contrib) {
        sum += Math.abs(row[j]);
      }
      result.put(featureNames.get(j), rows.length == 0 ? 0 : sum / rows.length);
    }
    return result;
  }
}
