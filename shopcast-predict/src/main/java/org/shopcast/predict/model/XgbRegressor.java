package org.shopcast.predict.model;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

  private final XgbBooster booster;

  private XgbRegressor(XgbBooster booster) {
    this.booster = booster;
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
    Map<String, Object> objective = new LinkedHashMap<>();
    objective.put("objective", "reg:tweedie");
    objective.put("tweedie_variance_power", TWEEDIE_POWER);
    objective.put("eval_metric", "tweedie-nloglik@" + TWEEDIE_POWER);
    return new XgbRegressor(
        XgbBooster.train(
            featureNames,
            objective,
            train,
            targets(trainTargets),
            valid,
            targets(validTargets),
            options));
  }

  private static float[] targets(double[] targets) {
    float[] y = new float[targets.length];
    for (int i = 0; i < targets.length; i++) {
      if (!(targets[i] >= 0) || Double.isInfinite(targets[i])) {
        throw new IllegalArgumentException(
            "target " + i + " must be finite and >= 0, got " + targets[i]);
      }
      y[i] = (float) targets[i];
    }
    return y;
  }

  /** Trees used for prediction (the best validation round). */
  public int trees() {
    return booster.trees();
  }

  /** The feature names, in column order. */
  public List<String> featureNames() {
    return booster.featureNames();
  }

  /** The predicted mean of each row. */
  public double[] predict(double[][] rows) {
    return booster.predict(rows);
  }

  /** Writes the booster to {@code file} (format by extension, {@code .json} or {@code .ubj}). */
  public void save(Path file) {
    booster.save(file);
  }

  /** Reads a booster written by {@link #save}, predicting with {@code trees} trees. */
  public static XgbRegressor load(Path file, List<String> featureNames, int trees) {
    return new XgbRegressor(XgbBooster.load(file, featureNames, trees));
  }
}
