package org.shopcast.recommend.als;

import java.util.SplittableRandom;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * Alternating least squares for implicit feedback, after Hu, Koren &amp; Volinsky, "Collaborative
 * Filtering for Implicit Feedback Datasets", ICDM 2008. Every (row, column) cell has a preference p
 * = 1 when the strength r &gt; 0, else 0, and a confidence c = 1 + α r; the factors minimise
 *
 * <pre>sum c (p - x_u·y_i)² + λ (sum |x_u|² + sum |y_i|²)</pre>
 *
 * <p>over all cells, solved row by row with {@code x_u = (YᵀY + Yᵀ(Cᵘ - I)Y + λI)⁻¹ Yᵀ Cᵘ p(u)} so
 * that each solve costs only the row's non-zeros plus f³, using the precomputed YᵀY. The solve is
 * exact (Cholesky, Hipparchus) or a few conjugate-gradient steps (Takács, Pilászy &amp; Tikk,
 * "Applications of the conjugate gradient method for implicit feedback collaborative filtering",
 * RecSys 2011).
 */
public final class ImplicitAls {
  private ImplicitAls() {}

  /** The factor matrices of a fitted model, row-major {@code rows x f} and {@code cols x f}. */
  public record Factors(double[][] user, double[][] item) {}

  /** Fits the factors of the sparse matrix {@code data}. */
  public static Factors fit(SparseMatrix data, AlsOptions options) {
    int f = options.factors();
    SplittableRandom random = new SplittableRandom(options.seed());
    double[][] x = new double[data.rows()][f];
    double[][] y = new double[data.cols()][f];
    double scale = 0.01;
    for (double[] row : y) {
      for (int k = 0; k < f; k++) {
        row[k] = scale * random.nextDouble(-1, 1);
      }
    }
    for (double[] row : x) {
      for (int k = 0; k < f; k++) {
        row[k] = scale * random.nextDouble(-1, 1);
      }
    }
    SparseMatrix transposed = data.transpose();
    for (int it = 0; it < options.iterations(); it++) {
      sweep(data, y, x, options);
      sweep(transposed, x, y, options);
    }
    return new Factors(x, y);
  }

  /** Solves every row of {@code data} for {@code out} given the fixed {@code fixed} factors. */
  static void sweep(SparseMatrix data, double[][] fixed, double[][] out, AlsOptions options) {
    double[][] gram = gram(fixed, options.factors());
    for (int u = 0; u < data.rows(); u++) {
      out[u] = solveRow(data, u, fixed, gram, out[u], options);
    }
  }

  /** {@code YᵀY} of the factors. */
  public static double[][] gram(double[][] factors, int f) {
    double[][] g = new double[f][f];
    for (double[] row : factors) {
      for (int a = 0; a < f; a++) {
        double ra = row[a];
        for (int b = a; b < f; b++) {
          g[a][b] += ra * row[b];
        }
      }
    }
    for (int a = 0; a < f; a++) {
      for (int b = 0; b < a; b++) {
        g[a][b] = g[b][a];
      }
    }
    return g;
  }

  /**
   * The least-squares factor vector for one row (a user, or a session folded in) with strengths
   * {@code values} on {@code columns}, given the other side's factors and their Gram matrix.
   */
  public static double[] solve(
      int[] columns, double[] values, double[][] fixed, double[][] gram, AlsOptions options) {
    return solveRow(
        SparseMatrix.ofRow(columns, values, fixed.length),
        0,
        fixed,
        gram,
        new double[options.factors()],
        options);
  }

  private static double[] solveRow(
      SparseMatrix data, int u, double[][] fixed, double[][] gram, double[] start, AlsOptions o) {
    int f = o.factors();
    int begin = data.begin(u);
    int end = data.end(u);
    double[] b = new double[f];
    for (int p = begin; p < end; p++) {
      double c = 1 + o.alpha() * data.value(p);
      double[] yi = fixed[data.col(p)];
      for (int k = 0; k < f; k++) {
        b[k] += c * yi[k];
      }
    }
    if (o.conjugateGradientSteps() > 0) {
      return conjugateGradient(data, u, fixed, gram, start, b, o);
    }
    double[][] a = new double[f][];
    for (int k = 0; k < f; k++) {
      a[k] = gram[k].clone();
      a[k][k] += o.regularization();
    }
    for (int p = begin; p < end; p++) {
      double extra = o.alpha() * data.value(p);
      double[] yi = fixed[data.col(p)];
      for (int r = 0; r < f; r++) {
        double er = extra * yi[r];
        for (int c = 0; c < f; c++) {
          a[r][c] += er * yi[c];
        }
      }
    }
    RealVector solution =
        new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 1e-14)
            .getSolver()
            .solve(new ArrayRealVector(b, false));
    return solution.toArray();
  }

  private static double[] conjugateGradient(
      SparseMatrix data,
      int u,
      double[][] fixed,
      double[][] gram,
      double[] start,
      double[] b,
      AlsOptions o) {
    int f = o.factors();
    double[] x = start.clone();
    double[] r = b.clone();
    double[] ax = multiply(data, u, fixed, gram, x, o);
    for (int k = 0; k < f; k++) {
      r[k] -= ax[k];
    }
    double[] p = r.clone();
    double rr = dot(r, r);
    for (int step = 0; step < o.conjugateGradientSteps() && rr > 1e-20; step++) {
      double[] ap = multiply(data, u, fixed, gram, p, o);
      double alpha = rr / dot(p, ap);
      for (int k = 0; k < f; k++) {
        x[k] += alpha * p[k];
        r[k] -= alpha * ap[k];
      }
      double next = dot(r, r);
      for (int k = 0; k < f; k++) {
        p[k] = r[k] + next / rr * p[k];
      }
      rr = next;
    }
    return x;
  }

  /** {@code (YᵀY + Yᵀ(Cᵘ - I)Y + λI) v} without forming the matrix. */
  private static double[] multiply(
      SparseMatrix data, int u, double[][] fixed, double[][] gram, double[] v, AlsOptions o) {
    int f = v.length;
    double[] out = new double[f];
    for (int a = 0; a < f; a++) {
      out[a] = dot(gram[a], v) + o.regularization() * v[a];
    }
    for (int p = data.begin(u); p < data.end(u); p++) {
      double[] yi = fixed[data.col(p)];
      double s = o.alpha() * data.value(p) * dot(yi, v);
      for (int k = 0; k < f; k++) {
        out[k] += s * yi[k];
      }
    }
    return out;
  }

  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += a[k] * b[k];
    }
    return s;
  }
}
