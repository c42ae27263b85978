package org.shopcast.forecast.internal;

import java.util.function.ToDoubleFunction;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;

/**
 * Nelder-Mead minimisation (Hipparchus {@link SimplexOptimizer}) that returns the best point seen
 * even when the evaluation budget runs out, as R's {@code optim} does. Constraints are expressed by
 * the objective returning {@link Double#POSITIVE_INFINITY} or a large penalty.
 */
public final class Minimizer {
  private Minimizer() {}

  /** The best point found from {@code start} with initial simplex {@code steps}. */
  public static double[] minimize(
      ToDoubleFunction<double[]> f, double[] start, double[] steps, int maxEval) {
    double[] best = start.clone();
    double[] bestValue = {f.applyAsDouble(start)};
    ObjectiveFunction objective =
        new ObjectiveFunction(
            x -> {
              double v = f.applyAsDouble(x);
              if (!Double.isFinite(v)) {
                v = 1e300;
              }
              if (v < bestValue[0]) {
                bestValue[0] = v;
                System.arraycopy(x, 0, best, 0, x.length);
              }
              return v;
            });
    SimplexOptimizer opt = new SimplexOptimizer(1e-8, 1e-10);
    try {
      opt.optimize(
          new MaxEval(maxEval),
          objective,
          GoalType.MINIMIZE,
          new InitialGuess(start),
          new NelderMeadSimplex(steps));
    } catch (MathIllegalStateException e) {
      // evaluation budget exhausted: keep the best point seen, as optim() does
      return best;
    }
    return best;
  }

  /** The {@code p}-quantile (0..1) of {@code sorted} by linear interpolation (R type 7). */
  public static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
