package org.shopcast.predict.btyd.internal;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.PointValuePair;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Maximises a log-likelihood over strictly positive parameters with the Nelder-Mead simplex
 * (Hipparchus {@link SimplexOptimizer}) on the log of each parameter, restarting from the best
 * point until a restart no longer improves the likelihood. Deterministic: the same data, start and
 * settings give the same parameters bit for bit.
 */
public final class LikelihoodMaximizer {
  private LikelihoodMaximizer() {}

  /**
   * The result of one maximisation.
   *
   * @param params the maximising parameters on their natural (positive) scale
   * @param logLikelihood the log-likelihood at {@code params}
   * @param evaluations likelihood evaluations spent
   * @param converged true when the last restart moved the likelihood by less than the tolerance
   */
  public record Result(double[] params, double logLikelihood, int evaluations, boolean converged) {
    /** Copies the parameter array. */
    public Result {
      params = params.clone();
    }

    @Override
    public double[] params() {
      return params.clone();
    }
  }

  /**
   * Maximises {@code logLikelihood} starting from {@code start}.
   *
   * @param logLikelihood the log-likelihood of the positive parameters; NaN counts as -infinity
   * @param start positive starting parameters
   * @param maxEvaluations evaluations allowed in all restarts together
   * @param relativeTolerance relative change of the likelihood that counts as converged
   * @param maxRestarts restarts allowed after the first run
   */
  public static Result maximize(
      ToDoubleFunction<double[]> logLikelihood,
      double[] start,
      int maxEvaluations,
      double relativeTolerance,
      int maxRestarts) {
    double[] point = new double[start.length];
    for (int i = 0; i < start.length; i++) {
      if (!(start[i] > 0)) {
        throw new IllegalArgumentException(
            "start[" + i + "] must be > 0 and finite, got " + start[i]);
      }
      point[i] = Math.log(start[i]);
    }
    ObjectiveFunction objective =
        new ObjectiveFunction(
            logParams -> {
              double[] params = new double[logParams.length];
              for (int i = 0; i < params.length; i++) {
                params[i] = Math.exp(logParams[i]);
              }
              double value = -logLikelihood.applyAsDouble(params);
              return Double.isNaN(value) ? Double.POSITIVE_INFINITY : value;
            });
    double best = objective.getObjectiveFunction().value(point);
    int used = 1;
    boolean converged = false;
    for (int run = 0; run <= maxRestarts && used < maxEvaluations; run++) {
      SimplexOptimizer optimizer = new SimplexOptimizer(relativeTolerance, 1e-12);
      PointValuePair found;
      try {
        found =
            optimizer.optimize(
                new MaxEval(maxEvaluations - used),
                objective,
                GoalType.MINIMIZE,
                new InitialGuess(point),
                new NelderMeadSimplex(point.length, run == 0 ? 1.0 : 0.1));
      } catch (MathIllegalStateException tooManyEvaluations) {
        used = maxEvaluations;
        break;
      }
      used += optimizer.getEvaluations();
      double value = found.getValue();
      boolean improved = value < best;
      double change = Math.abs(best - value);
      if (improved) {
        best = value;
        point = found.getPoint();
      }
      if (run > 0 && change <= relativeTolerance * Math.abs(best) * 10) {
        converged = true;
        break;
      }
    }
    double[] params = new double[point.length];
    for (int i = 0; i < params.length; i++) {
      params[i] = Math.exp(point[i]);
    }
    return new Result(params, -best, used, converged);
  }
}
