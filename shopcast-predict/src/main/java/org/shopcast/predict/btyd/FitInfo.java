package org.shopcast.predict.btyd;

import java.util.Objects;

/**
 * Provenance of a BTYD model: how and on what it was fitted.
 *
 * @param logLikelihood the maximised log-likelihood (NaN when the parameters were given)
 * @param customers customers the likelihood covers (weights summed; 0 when given)
 * @param source the summary's source, or {@code "given"} for parameters set by hand
 * @param options the fit settings (null when given)
 * @param evaluations likelihood evaluations spent
 * @param converged true when the optimiser met its tolerance
 */
public record FitInfo(
    double logLikelihood,
    long customers,
    String source,
    FitOptions options,
    int evaluations,
    boolean converged) {

  /** Validates the counts. */
  public FitInfo {
    Objects.requireNonNull(source, "source");
    if (customers < 0) {
      throw new IllegalArgumentException("customers must be >= 0, got " + customers);
    }
    if (evaluations < 0) {
      throw new IllegalArgumentException("evaluations must be >= 0, got " + evaluations);
    }
  }

  /** Provenance of a model whose parameters were set by hand (e.g. from a paper). */
  public static FitInfo given() {
    return new FitInfo(Double.NaN, 0, "given", null, 0, false);
  }
}
