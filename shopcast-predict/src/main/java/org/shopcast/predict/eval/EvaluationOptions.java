package org.shopcast.predict.eval;

import java.util.List;
import java.util.Objects;
import org.shopcast.predict.model.XgbClassifier;

/**
 * Settings of a temporal-holdout evaluation.
 *
 * @param trainCutoffs training cutoffs before the validation cutoff, one horizon apart (default 3)
 * @param lambda L2 penalty of the logistic regression (default 1)
 * @param xgboost the booster's settings
 * @param topFractions the top-k% shares reported (default 5%, 10%, 20%)
 */
public record EvaluationOptions(
    int trainCutoffs, double lambda, XgbClassifier.Options xgboost, List<Double> topFractions) {

  /** Validates the settings. */
  public EvaluationOptions {
    if (trainCutoffs < 1) {
      throw new IllegalArgumentException("trainCutoffs must be >= 1, got " + trainCutoffs);
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
    }
    Objects.requireNonNull(xgboost, "xgboost");
    topFractions = List.copyOf(topFractions);
    for (double f : topFractions) {
      if (!(f > 0 && f <= 1)) {
        throw new IllegalArgumentException("top fractions must be in (0, 1], got " + f);
      }
    }
  }

  /** The defaults. */
  public EvaluationOptions() {
    this(3, 1.0, new XgbClassifier.Options(), List.of(0.05, 0.1, 0.2));
  }

  /** These settings with {@code n} training cutoffs. */
  public EvaluationOptions withTrainCutoffs(int n) {
    return new EvaluationOptions(n, lambda, xgboost, topFractions);
  }
}
