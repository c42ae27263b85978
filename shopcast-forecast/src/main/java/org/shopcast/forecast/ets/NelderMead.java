package org.shopcast.forecast.ets;

import java.util.function.ToDoubleFunction;

/**
 * The Nelder-Mead simplex search (Nelder &amp; Mead 1965) in the variant of Nash (1990), <i>Compact
 * Numerical Methods for Computers</i>, 2nd ed., Algorithm 19, which R's {@code optim(method =
 * "Nelder-Mead")} implements and R's {@code forecast::ets} calls with reflection 1, contraction
 * 0.5, expansion 2, relative tolerance {@code sqrt(machine epsilon)} and at most 2,000 evaluations.
 *
 * <p>ETS is fitted with this variant rather than Hipparchus' {@code SimplexOptimizer} because the
 * search path matters, not only the optimum: the likelihood of a seasonal model with {@code m = 24}
 * has 28 free parameters and many local optima, and the starting simplex of Nash's method (every
 * coordinate moved by the same step, a tenth of the largest starting value) together with its
 * stopping rule (the spread of the simplex values below {@code reltol (|f(x0)| + reltol)}) is what
 * {@code forecast::ets}' fits, and the forecasts it is judged on, come from. Points where {@code f}
 * is not finite (parameters outside the bounds) count as a very large value. The evaluation limit
 * is applied as R's {@code nmmin} does: the step that crosses it is completed, and the best vertex
 * of the ordering before that step is returned (on M4 Hourly most seasonal fits stop there, so this
 * decides which point is returned, not only when).
 */
final class NelderMead {
  private static final double BIG = 1.0e35;
  private static final double REFLECT = 1.0;
  private static final double CONTRACT = 0.5;
  private static final double EXPAND = 2.0;

  private NelderMead() {}

  private static double eval(ToDoubleFunction<double[]> f, double[] x) {
    double v = f.applyAsDouble(x);
    return Double.isFinite(v) ? v : BIG;
  }

  /**
   * Minimises {@code f} from {@code start} (where it must be finite) with at most {@code maxEval}
   * evaluations and relative tolerance {@code reltol}; returns the best vertex.
   */
  static double[] minimize(
      ToDoubleFunction<double[]> f, double[] start, double reltol, int maxEval) {
    int n = start.length;
    double f0 = f.applyAsDouble(start);
    if (!Double.isFinite(f0) || n == 0) {
      return start.clone();
    }
    double convtol = reltol * (Math.abs(f0) + reltol);
    // simplex: n + 1 vertices, their values in v
    double[][] p = new double[n + 1][];
    double[] v = new double[n + 1];
    p[0] = start.clone();
    v[0] = f0;
    double step = 0;
    for (double x : start) {
      step = Math.max(step, 0.1 * Math.abs(x));
    }
    if (step == 0) {
      step = 0.1;
    }
    double size = 0;
    for (int j = 1; j <= n; j++) {
      p[j] = start.clone();
      double trystep = step;
      while (p[j][j - 1] == start[j - 1]) {
        p[j][j - 1] = start[j - 1] + trystep;
        trystep *= 10;
      }
      size += trystep;
    }
    double oldsize = size;
    int count = 1;
    int lo = 0;
    boolean calcvert = true;
    double[] centre = new double[n];
    double[] trial = new double[n];
    boolean first = true;
    while (true) {
      // R's loop is do { ... } while (funcount <= maxit): past the limit it returns the best vertex
      // of the last ordering, before the last step's new vertex is ranked
      if (!first && count > maxEval) {
        return p[lo].clone();
      }
      first = false;
      if (calcvert) {
        for (int j = 0; j <= n; j++) {
          if (j != lo) {
            v[j] = eval(f, p[j]);
            count++;
          }
        }
        calcvert = false;
      }
      double vl = v[lo];
      double vh = vl;
      int hi = lo;
      for (int j = 0; j <= n; j++) {
        if (j != lo) {
          if (v[j] < vl) {
            lo = j;
            vl = v[j];
          }
          if (v[j] > vh) {
            hi = j;
            vh = v[j];
          }
        }
      }
      if (vh <= vl + convtol) {
        return p[lo].clone();
      }
      for (int i = 0; i < n; i++) {
        double s = -p[hi][i];
        for (int j = 0; j <= n; j++) {
          s += p[j][i];
        }
        centre[i] = s / n;
      }
      for (int i = 0; i < n; i++) {
        trial[i] = (1 + REFLECT) * centre[i] - REFLECT * p[hi][i];
      }
      double vr = eval(f, trial);
      count++;
      if (vr < vl) {
        double[] reflected = trial.clone();
        for (int i = 0; i < n; i++) {
          trial[i] = EXPAND * reflected[i] + (1 - EXPAND) * centre[i];
        }
        double ve = eval(f, trial);
        count++;
        if (ve < vr) {
          p[hi] = trial.clone();
          v[hi] = ve;
        } else {
          p[hi] = reflected;
          v[hi] = vr;
        }
      } else {
        if (vr < vh) {
          p[hi] = trial.clone();
          v[hi] = vr;
        }
        for (int i = 0; i < n; i++) {
          trial[i] = (1 - CONTRACT) * p[hi][i] + CONTRACT * centre[i];
        }
        double vc = eval(f, trial);
        count++;
        if (vc < v[hi]) {
          p[hi] = trial.clone();
          v[hi] = vc;
        } else if (vr >= vh) {
          // shrink towards the best vertex
          calcvert = true;
          size = 0;
          for (int j = 0; j <= n; j++) {
            if (j != lo) {
              for (int i = 0; i < n; i++) {
                p[j][i] = CONTRACT * (p[j][i] - p[lo][i]) + p[lo][i];
                size += Math.abs(p[j][i] - p[lo][i]);
              }
            }
          }
          if (size < oldsize) {
            oldsize = size;
          } else {
            return p[lo].clone();
          }
        }
      }
    }
  }
}
