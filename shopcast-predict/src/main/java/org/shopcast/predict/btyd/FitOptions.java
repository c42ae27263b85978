package org.shopcast.predict.btyd;

/**
 * Settings of the maximum-likelihood fit shared by all BTYD models. The defaults reach the
 * published CDNOW estimates to at least four significant digits.
 *
 * @param maxEvaluations likelihood evaluations allowed over all restarts (default 20,000)
 * @param relativeTolerance relative change of the log-likelihood that counts as converged (default
 *     1e-12)
 * @param maxRestarts simplex restarts from the best point after the first run (default 20)
 */
public record FitOptions(int maxEvaluations, double relativeTolerance, int maxRestarts) {

  /** Validates the settings. */
  public FitOptions {
    if (maxEvaluations < 10) {
      throw new IllegalArgumentException("maxEvaluations must be >= 10, got " + maxEvaluations);
    }
    if (!(relativeTolerance > 0 && relativeTolerance < 1)) {
      throw new IllegalArgumentException(
          "relativeTolerance must be in (0, 1), got " + relativeTolerance);
    }
    if (maxRestarts < 0) {
      throw new IllegalArgumentException("maxRestarts must be >= 0, got " + maxRestarts);
    }
  }

  /** The default settings. */
  public FitOptions() {
    this(20_000, 1e-12, 20);
  }
}
