package org.shopcast.predict.model;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted regression trees (XGBoost4J; Chen &amp; Guestrin, KDD 2016) for non-negative
 * amounts such as spend in the next H days, with the Tweedie objective ({@code reg:tweedie}, power
 * 1.5: a compound Poisson-gamma response, the usual choice for zero-inflated, right-skewed spend;
 * Jorgensen, "The Theory of Dispersion Models", 1997; Yang, Qian &amp; Zou, "Insurance premium
 * prediction via gradient tree-boosted Tweedie compound Poisson models", JBES 2018). Predictions
 * are means (log link). Early stopping on a validation set, settings as {@link
 * XgbClassifier.Options}.
 */
public final class XgbRegressor {
  /** The Tweedie variance power. */
  public static final double TWEEDIE_POWER = 1.5;

  private final Booster booster;
  private final List<String> featureNames;
  private final int trees;

  private XgbRegressor(Booster booster, List<String> featureNames, int trees) {
    this.booster = booster;
    this.featureNames = List.copyOf(featureNames);
    this.trees = trees;
  }

  /**
   * Trains on {@code train} (targets &gt;= 0), stopping early on {@code valid}'s Tweedie deviance.
   *
   * @throws IllegalArgumentException when a target is negative or not finite
   * @throws IllegalStateException when XGBoost fails
   */
  public static XgbRegressor train(
      List<String> featureNames,
      double[][] train,
      double[] trainTargets,
      double[][] valid,
      double[] validTargets,
      XgbClassifier.Options options) {
    requireTargets(trainTargets);
    requireTargets(validTargets);
    try {
      DMatrix dtrain = matrix(train, trainTargets);
      DMatrix dvalid = matrix(valid, validTargets);
      Map<String, Object> params = new HashMap<>();
      params.put("objective", "reg:tweedie");
      params.put("tweedie_variance_power", TWEEDIE_POWER);
      params.put("eval_metric", "tweedie-nloglik@" + TWEEDIE_POWER);
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
      return new XgbRegressor(booster, featureNames, trees);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  private static void requireTargets(double[] targets) {
    for (int i = 0; i < targets.length; i++) {
      if (!(targets[i] >= 0) || Double.isInfinite(targets[i])) {
        throw new IllegalArgumentException(
            "target " + i + " must be finite and >= 0, got " + targets[i]);
      }
    }
  }

  private static DMatrix matrix(double[][] rows, double[] targets) throws XGBoostError {
    int n = rows.length;
    int d = n == 0 ? 0 : rows[0].length;
    float[] flat = new float[n * d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        flat[i * d + j] = (float) rows[i][j];
      }
    }
    DMatrix matrix = new DMatrix(flat, n, d, Float.NaN);
    if (targets != null) {
      float[] y = new float[n];
      for (int i = 0; i < n; i++) {
        y[i] = (float) targets[i];
      }
      matrix.setLabel(y);
    }
    return matrix;
  }

  /** Trees used for prediction (the best validation round). */
  public int trees() {
    return trees;
  }

  /** The feature names, in column order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The predicted mean of each row. */
  public double[] predict(double[][] rows) {
    try {
      DMatrix matrix = matrix(rows, null);
      float[][] out = booster.predict(matrix, false, trees);
      matrix.dispose();
      double[] y = new double[rows.length];
      for (int i = 0; i < y.length; i++) {
        y[i] = out[i][0];
      }
      return y;
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost prediction failed: " + e.getMessage(), e);
    }
  }

  /** Writes the booster to {@code file} (format by extension, {@code .json} or {@code .ubj}). */
  public void save(Path file) {
    try {
      booster.saveModel(file.toString());
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot save the XGBoost model to " + file, e);
    }
  }

  /** Reads a booster written by {@link #save}, predicting with {@code trees} trees. */
  public static XgbRegressor load(Path file, List<String> featureNames, int trees) {
    try {
      return new XgbRegressor(XGBoost.loadModel(file.toString()), featureNames, trees);
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot read the XGBoost model " + file, e);
    }
  }
}
