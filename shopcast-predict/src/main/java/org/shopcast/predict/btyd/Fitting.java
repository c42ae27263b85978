package org.shopcast.predict.btyd;

import java.util.function.ToDoubleFunction;
import org.shopcast.predict.btyd.internal.LikelihoodMaximizer;

/** Runs a likelihood maximisation and records its provenance. */
final class Fitting {
  private Fitting() {}

  /** The maximising parameters and the provenance of the fit. */
  record Fitted(double[] params, FitInfo info) {}

  static Fitted run(
      CustomerSummary summary,
      long customers,
      FitOptions options,
      ToDoubleFunction<double[]> logLikelihood,
      double[] start) {
    if (customers == 0) {
      throw new IllegalArgumentException(
          "summary " + summary.source() + " has no customers to fit on");
    }
    LikelihoodMaximizer.Result result =
        LikelihoodMaximizer.maximize(
            logLikelihood,
            start,
            options.maxEvaluations(),
            options.relativeTolerance(),
            options.maxRestarts());
    FitInfo info =
        new FitInfo(
            result.logLikelihood(),
            customers,
            summary.source(),
            options,
            result.evaluations(),
            result.converged());
    return new Fitted(result.params(), info);
  }

  static void requirePositive(String name, double value) {
    if (!(value > 0) || Double.isInfinite(value)) {
      throw new IllegalArgumentException(name + " must be > 0 and finite, got " + value);
    }
  }

  static void requireHistory(int x, double tx, double age) {
    if (x < 0 || !(tx >= 0) || !(age >= tx) || Double.isInfinite(age)) {
      throw new IllegalArgumentException(
          "history must have x >= 0 and 0 <= t_x <= T, got x=" + x + ", t_x=" + tx + ", T=" + age);
    }
  }
}
