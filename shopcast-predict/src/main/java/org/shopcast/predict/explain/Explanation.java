package org.shopcast.predict.explain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Why the model scores a user as it does.
 *
 * @param user the user
 * @param task the task name
 * @param horizonDays the prediction window
 * @param cutoff the features are of the events before this instant
 * @param probability the model's probability for the user
 * @param baseProbability the probability at the model's expected margin (the SHAP bias)
 * @param reasons the largest contributions, largest first
 * @param importance mean absolute SHAP value per feature over all users, largest first (top 10)
 */
public record Explanation(
    String user,
    String task,
    int horizonDays,
    Instant cutoff,
    double probability,
    double baseProbability,
    List<Reason> reasons,
    Map<String, Double> importance) {

  /**
   * One reason.
   *
   * @param feature the feature name
   * @param value the user's value
   * @param contribution the SHAP value in log-odds (positive raises the probability)
   * @param text the reason in plain words, e.g. "3 cart adds in the last 7 days: +0.21"
   */
  public record Reason(String feature, double value, double contribution, String text) {}
}
