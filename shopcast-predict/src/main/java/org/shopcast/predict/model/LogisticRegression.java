package org.shopcast.predict.model;

import java.util.Objects;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.CholeskyDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * L2-regularised logistic regression fitted by iteratively reweighted least squares (Newton's
 * method; McCullagh &amp; Nelder, "Generalized Linear Models", 2nd ed., 1989, section 4.4; ridge
 * penalty as in Hastie, Tibshirani &amp; Friedman, "The Elements of Statistical Learning", 2009,
 * section 4.4.4). Features are transformed by sign(x) log(1 + |x|) (counts and amounts are heavy
 * tailed) and standardised on the training rows; the intercept is not penalised. Use it as the
 * linear baseline beside boosted trees, and for one-feature calibration of baseline scores.
 */
public final class LogisticRegression implements Classifier {
  private final String name;
  private final double[] mean;
  private final double[] scale;
  private final double[] weights;
  private final double intercept;

  private LogisticRegression(
      String name, double[] mean, double[] scale, double[] weights, double intercept) {
    this.name = name;
    this.mean = mean;
    this.scale = scale;
    this.weights = weights;
    this.intercept = intercept;
  }

  /**
   * Fits the model.
   *
   * @param name the name in reports
   * @param rows training features, row-major
   * @param labels training labels
   * @param lambda L2 penalty on the standardised weights (&gt;= 0)
   * @throws IllegalArgumentException when the sizes differ, there are no rows or lambda &lt; 0
   */
  public static LogisticRegression fit(
      String name, double[][] rows, boolean[] labels, double lambda) {
    Objects.requireNonNull(name, "name");
    if (rows.length == 0 || rows.length != labels.length) {
      throw new IllegalArgumentException(
          "need one label per row and at least one row, got "
              + rows.length
              + " rows and "
              + labels.length
              + " labels");
    }
    if (!(lambda >= 0)) {
      throw new IllegalArgumentException("lambda must be >= 0, got " + lambda);
    }
    int n = rows.length;
    int d = rows[0].length;
    double[] mean = new double[d];
    double[] scale = new double[d];
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        mean[j] += transform(row[j]) / n;
      }
    }
    for (double[] row : rows) {
      for (int j = 0; j < d; j++) {
        double z = transform(row[j]) - mean[j];
        scale[j] += z * z / n;
      }
    }
    for (int j = 0; j < d; j++) {
      scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 1;
    }
    double[][] x = new double[n][d + 1];
    for (int i = 0; i < n; i++) {
      x[i][0] = 1;
      for (int j = 0; j < d; j++) {
        x[i][j + 1] = (transform(rows[i][j]) - mean[j]) / scale[j];
      }
    }
    double[] beta = new double[d + 1];
    for (int iteration = 0; iteration < 50; iteration++) {
      double[][] hessian = new double[d + 1][d + 1];
      double[] gradient = new double[d + 1];
      for (int i = 0; i < n; i++) {
        double p = sigmoid(dot(beta, x[i]));
        double w = Math.max(p * (1 - p), 1e-10);
        double r = (labels[i] ? 1 : 0) - p;
        for (int a = 0; a <= d; a++) {
          gradient[a] += x[i][a] * r;
          double xa = x[i][a] * w;
          for (int b = a; b <= d; b++) {
            hessian[a][b] += xa * x[i][b];
          }
        }
      }
      for (int a = 0; a <= d; a++) {
        if (a > 0) {
          hessian[a][a] += lambda;
          gradient[a] -= lambda * beta[a];
        }
        for (int b = 0; b < a; b++) {
          hessian[a][b] = hessian[b][a];
        }
        hessian[a][a] += 1e-9;
      }
      RealMatrix h = new Array2DRowRealMatrix(hessian, false);
      RealVector step =
          new CholeskyDecomposition(h, 1e-14, 1e-14)
              .getSolver()
              .solve(new ArrayRealVector(gradient, false));
      double change = 0;
      for (int a = 0; a <= d; a++) {
        beta[a] += step.getEntry(a);
        change = Math.max(change, Math.abs(step.getEntry(a)));
      }
      if (change < 1e-8) {
        break;
      }
    }
    double[] weights = new double[d];
    System.arraycopy(beta, 1, weights, 0, d);
    return new LogisticRegression(name, mean, scale, weights, beta[0]);
  }

  private static double transform(double v) {
    return Math.signum(v) * Math.log1p(Math.abs(v));
  }

  private static double sigmoid(double z) {
    return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
  }

  private static double dot(double[] a, double[] b) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * b[i];
    }
    return s;
  }

  @Override
  public String name() {
    return name;
  }

  /** The weights on the standardised, log-transformed features. */
  public double[] weights() {
    return weights.clone();
  }

  /** The intercept (log-odds at the training mean). */
  public double intercept() {
    return intercept;
  }

  /**
   * The fitted state, for saving a model (see {@link #of(State)}).
   *
   * @param name the name in reports
   * @param mean training mean of each transformed feature
   * @param scale training standard deviation of each transformed feature (1 when constant)
   * @param weights weights on the standardised features
   * @param intercept the intercept
   */
  public record State(
      String name, double[] mean, double[] scale, double[] weights, double intercept) {}

  /** This model's fitted state (copies). */
  public State state() {
    return new State(name, mean.clone(), scale.clone(), weights.clone(), intercept);
  }

  /**
   * The model with a saved state.
   *
   * @throws IllegalArgumentException when the array lengths differ
   */
  public static LogisticRegression of(State state) {
    int d = state.weights().length;
    if (state.mean().length != d || state.scale().length != d) {
      throw new IllegalArgumentException(
          "mean, scale and weights must have the same length, got "
              + state.mean().length
              + ", "
              + state.scale().length
              + ", "
              + d);
    }
    return new LogisticRegression(
        state.name(),
        state.mean().clone(),
        state.scale().clone(),
        state.weights().clone(),
        state.intercept());
  }

  @Override
  public double[] predict(double[][] rows) {
    double[] p = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      if (rows[i].length != weights.length) {
        throw new IllegalArgumentException(
            "row " + i + " must have " + weights.length + " features, got " + rows[i].length);
      }
      double z = intercept;
      for (int j = 0; j < weights.length; j++) {
        z += weights[j] * (transform(rows[i][j]) - mean[j]) / scale[j];
      }
      p[i] = sigmoid(z);
    }
    return p;
  }
}
