package org.shopcast.recommend.als;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ImplicitAlsTest {
  /**
   * One user, one item, strength r, f = 1: the updates are x = c y / (c y² + λ) and y = c x / (c x²
   * + λ) with c = 1 + α r, whose positive symmetric fixed point is x = y = sqrt((c - λ) / c).
   */
  @Test
  void oneByOne_convergesToTheClosedFormFixedPoint() {
    double alpha = 4;
    double lambda = 0.5;
    SparseMatrix m = SparseMatrix.of(1, 1, new int[] {0}, new int[] {0}, new double[] {2});
    AlsOptions options = new AlsOptions(1, lambda, alpha, 200, 0, 7);
    ImplicitAls.Factors f = ImplicitAls.fit(m, options);
    double c = 1 + alpha * 2;
    double expected = Math.sqrt((c - lambda) / c);
    assertThat(Math.abs(f.user()[0][0])).isCloseTo(expected, within(1e-6));
    assertThat(f.user()[0][0] * f.item()[0][0]).isCloseTo(expected * expected, within(1e-6));
  }

  /** The exact row solve satisfies the normal equations built naively over every column. */
  @Test
  void solve_satisfiesTheNormalEquationsOverAllColumns() {
    int items = 6;
    int f = 3;
    SplittableRandom random = new SplittableRandom(3);
    double[][] y = new double[items][f];
    for (double[] row : y) {
      for (int k = 0; k < f; k++) {
        row[k] = random.nextDouble(-1, 1);
      }
    }
    AlsOptions options = new AlsOptions(f, 0.3, 10, 1, 0, 1);
    int[] cols = {1, 4};
    double[] vals = {1, 3};
    double[] x = ImplicitAls.solve(cols, vals, y, ImplicitAls.gram(y, f), options);
    // gradient of sum_i c_i (p_i - x.y_i)^2 + lambda |x|^2, every item written out
    double[] r = new double[items];
    r[1] = 1;
    r[4] = 3;
    for (int k = 0; k < f; k++) {
      double gradient = options.regularization() * x[k];
      for (int i = 0; i < items; i++) {
        double c = 1 + options.alpha() * r[i];
        double p = r[i] > 0 ? 1 : 0;
        gradient -= c * (p - ImplicitAls.dot(x, y[i])) * y[i][k];
      }
      assertThat(gradient).isCloseTo(0, within(1e-9));
    }
  }

  @Test
  void conjugateGradient_withFSteps_matchesTheExactSolve() {
    int f = 4;
    SplittableRandom random = new SplittableRandom(5);
    double[][] y = new double[10][f];
    for (double[] row : y) {
      for (int k = 0; k < f; k++) {
        row[k] = random.nextDouble(-1, 1);
      }
    }
    int[] cols = {0, 3, 7};
    double[] vals = {1, 2, 1};
    double[][] gram = ImplicitAls.gram(y, f);
    double[] exact = ImplicitAls.solve(cols, vals, y, gram, new AlsOptions(f, 0.1, 5, 1, 0, 1));
    double[] cg = ImplicitAls.solve(cols, vals, y, gram, new AlsOptions(f, 0.1, 5, 1, f, 1));
    for (int k = 0; k < f; k++) {
      assertThat(cg[k]).isCloseTo(exact[k], within(1e-6));
    }
  }

  /**
   * Two disjoint blocks (users 0-2 use items 0-2, users 3-5 use items 3-5) with user 0 missing item
   * 2: its best unseen item must come from its own block.
   */
  @Test
  void blockStructure_recommendsWithinTheBlock() {
    int[] rows = {0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4, 5, 5, 5};
    int[] cols = {0, 1, 0, 1, 2, 0, 1, 2, 3, 4, 5, 3, 4, 5, 3, 4, 5};
    double[] vals = new double[rows.length];
    java.util.Arrays.fill(vals, 1);
    SparseMatrix m = SparseMatrix.of(6, 6, rows, cols, vals);
    ImplicitAls.Factors f = ImplicitAls.fit(m, new AlsOptions(2, 0.1, 10, 30, 0, 11));
    double own = ImplicitAls.dot(f.user()[0], f.item()[2]);
    for (int other = 3; other < 6; other++) {
      assertThat(own).isGreaterThan(ImplicitAls.dot(f.user()[0], f.item()[other]) + 0.3);
    }
  }

  @Test
  void sparseMatrix_sumsDuplicatesAndTransposes() {
    SparseMatrix m =
        SparseMatrix.of(2, 3, new int[] {1, 0, 1}, new int[] {2, 1, 2}, new double[] {1, 5, 2});
    assertThat(m.nonZeros()).isEqualTo(2);
    SparseMatrix t = m.transpose();
    assertThat(t.rows()).isEqualTo(3);
    assertThat(t.value(t.begin(2))).isEqualTo(3);
    assertThat(t.col(t.begin(1))).isZero();
  }
}
