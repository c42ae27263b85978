package org.shopcast.recommend.als;

/**
 * Settings of {@link ImplicitAls}.
 *
 * @param factors latent dimensions f
 * @param regularization λ, the L2 penalty on every factor vector
 * @param alpha confidence slope: an observed strength r gives confidence {@code 1 + alpha r}
 * @param iterations alternating sweeps (users, then items)
 * @param conjugateGradientSteps 0 solves each least-squares system exactly (Cholesky); a positive
 *     number runs that many conjugate-gradient steps from the previous solution instead (Takács,
 *     Pilászy &amp; Tikk 2011), much cheaper for large f
 * @param seed seed of the random initial factors
 */
public record AlsOptions(
    int factors,
    double regularization,
    double alpha,
    int iterations,
    int conjugateGradientSteps,
    long seed) {
  /** Validates the settings. */
  public AlsOptions {
    if (factors < 1) {
      throw new IllegalArgumentException("factors must be >= 1, got " + factors);
    }
    if (!(regularization > 0) || Double.isInfinite(regularization)) {
      throw new IllegalArgumentException("regularization must be > 0, got " + regularization);
    }
    if (!(alpha >= 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be >= 0, got " + alpha);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be >= 1, got " + iterations);
    }
    if (conjugateGradientSteps < 0) {
      throw new IllegalArgumentException(
          "conjugateGradientSteps must be >= 0, got " + conjugateGradientSteps);
    }
  }

  /** 64 factors, λ = 0.1, α = 40 (the paper's choice), 15 sweeps, exact solves, seed 42. */
  public AlsOptions() {
    this(64, 0.1, 40, 15, 0, 42);
  }
}
