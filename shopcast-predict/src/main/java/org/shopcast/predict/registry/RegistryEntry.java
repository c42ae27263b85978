package org.shopcast.predict.registry;

import java.util.List;
import java.util.Map;

/**
 * One registered model: a row of the {@code model_registry} table and the {@code manifest.json}
 * beside the model file.
 *
 * @param id the model id, {@code <task>-v<n>}
 * @param task the task name (purchase, churn, clv, time-to-purchase)
 * @param model the learner (xgboost, logistic)
 * @param horizonDays the label window H
 * @param options the training settings (training cutoffs, booster settings, lambda, periods)
 * @param dataFingerprint a hash of the store's events when trained ({@link Fingerprint})
 * @param trainCutoffs the training cutoffs (ISO instants)
 * @param validationCutoff the early-stopping cutoff
 * @param testCutoff the holdout cutoff the metrics are on
 * @param metrics the holdout metrics of the model and its baselines
 * @param featureNames the model's input columns, in order
 * @param trees trees used for prediction (XGBoost; 0 otherwise)
 * @param codeVersion the Shopcast version that trained it
 * @param seed the random seed
 * @param createdAt when it was registered (ISO instant)
 * @param path the model directory, relative to the workspace
 */
public record RegistryEntry(
    String id,
    String task,
    String model,
    int horizonDays,
    Map<String, Object> options,
    String dataFingerprint,
    List<String> trainCutoffs,
    String validationCutoff,
    String testCutoff,
    Map<String, Object> metrics,
    List<String> featureNames,
    int trees,
    String codeVersion,
    long seed,
    String createdAt,
    String path) {

  /** Copies the collections. */
  public RegistryEntry {
    options = Map.copyOf(options);
    trainCutoffs = List.copyOf(trainCutoffs);
    metrics = Map.copyOf(metrics);
    featureNames = List.copyOf(featureNames);
  }
}
