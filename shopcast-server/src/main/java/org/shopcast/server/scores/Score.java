package org.shopcast.server.scores;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.shopcast.predict.explain.Explanation;

/**
 * One task's score of one user.
 *
 * @param task purchase, churn, clv or time-to-purchase
 * @param modelId the registry model that scored, e.g. {@code purchase-v3}
 * @param model the learner (xgboost, logistic)
 * @param horizonDays the model's window H
 * @param score purchase/churn: the probability within H; clv: expected spend within H;
 *     time-to-purchase: P(purchase within {@code withinDays}); null when the user is outside the
 *     task's population (churn needs a purchase) or the model cannot score
 * @param medianDays time-to-purchase: the median day of the next purchase (null beyond H or for
 *     other tasks)
 * @param withinDays time-to-purchase: the d of P(purchase within d days); null for other tasks
 * @param reasons the largest SHAP contributions (XGBoost purchase and churn models), largest first;
 *     empty for models without SHAP values
 * @param note why there is no score or no reasons, null otherwise
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Score(
    String task,
    String modelId,
    String model,
    int horizonDays,
    Double score,
    Double medianDays,
    Integer withinDays,
    List<Explanation.Reason> reasons,
    String note) {
  /** Copies the reasons. */
  public Score {
    reasons = List.copyOf(reasons);
  }
}
