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
 * The XGBoost4J booster behind {@link XgbClassifier} and {@link XgbRegressor}: the shared tree
 * settings, training with early stopping on a validation set, the dense {@code DMatrix} conversion,
 * prediction with the best round's trees, SHAP contributions, saving and loading. The two models
 * differ only in the objective and the labels they pass.
 */
final class XgbBooster {
  private final Booster booster;
  private final List<String> featureNames;
  private final int trees;

  private XgbBooster(Booster booster, List<String> featureNames, int trees) {
    this.booster = booster;
    this.featureNames = List.copyOf(featureNames);
    this.trees = trees;
  }

  /**
   * Trains with {@code objective} (objective and eval_metric, plus any objective setting) and the
   * shared tree settings, stopping early on {@code valid}'s eval_metric.
   *
   * @throws IllegalStateException when XGBoost fails
   */
  static XgbBooster train(
      List<String> featureNames,
      Map<String, Object> objective,
      double[][] train,
      float[] trainLabels,
      double[][] valid,
      float[] validLabels,
      XgbClassifier.Options options) {
    try {
      DMatrix dtrain = matrix(train, trainLabels);
      DMatrix dvalid = matrix(valid, validLabels);
      Map<String, Object> params = new HashMap<>(objective);
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
      return new XgbBooster(booster, featureNames, trees);
    } catch (XGBoostError e) {
      throw new IllegalStateException("XGBoost training failed: " + e.getMessage(), e);
    }
  }

  /** A dense matrix of {@code rows} (NaN = missing), with {@code labels} unless null. */
  private static DMatrix matrix(double[][] rows, float[] labels) throws XGBoostError {
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
      matrix.setLabel(labels);
    }
    return matrix;
  }

  /** Trees used for prediction (the best validation round). */
  int trees() {
    return trees;
  }

  /** The feature names, in column order. */
  List<String> featureNames() {
    return featureNames;
  }

  /** The prediction of each row (probability or mean, after the objective's link). */
  double[] predict(double[][] rows) {
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

  /** SHAP contributions on the margin: one value per feature and the bias last, per row. */
  double[][] contributions(double[][] rows) {
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

  /**
   * Writes the booster to {@code file} (XGBoost's own format, by extension: {@code .json} or {@code
   * .ubj}); trees and feature names are kept by the caller.
   */
  void save(Path file) {
    try {
      booster.saveModel(file.toString());
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot save the XGBoost model to " + file, e);
    }
  }

  /** Reads a booster written by {@link #save}, predicting with {@code trees} trees. */
  static XgbBooster load(Path file, List<String> featureNames, int trees) {
    try {
      return new XgbBooster(XGBoost.loadModel(file.toString()), featureNames, trees);
    } catch (XGBoostError e) {
      throw new IllegalStateException("cannot read the XGBoost model " + file, e);
    }
  }
}
