package org.shopcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.hipparchus.complex.Complex;
import org.hipparchus.linear.EigenDecompositionNonSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/**
 * The Schur-Cohn root test of {@link EtsBounds} against the eigenvalues of the companion matrix
 * (Hipparchus), and the admissible region against known points.
 */
class EtsBoundsTest {
  private static double maxRoot(double[] c) {
    int d = c.length - 1;
    RealMatrix comp = MatrixUtils.createRealMatrix(d, d);
    for (int j = 0; j < d; j++) {
      comp.setEntry(0, j, -c[j + 1] / c[0]);
    }
    for (int i = 1; i < d; i++) {
      comp.setEntry(i, i - 1, 1);
    }
    double max = 0;
    for (Complex z : new EigenDecompositionNonSymmetric(comp).getEigenvalues()) {
      max = Math.max(max, z.norm());
    }
    return max;
  }

  @Test
  void schurCohn_agreesWithCompanionEigenvalues() {
    SplittableRandom rnd = new SplittableRandom(7);
    int inside = 0;
    int tested = 0;
    for (int k = 0; k < 2000; k++) {
      int m = 2 + rnd.nextInt(23);
      double a = rnd.nextDouble(0, 1);
      double b = rnd.nextDouble(0, 1);
      double g = rnd.nextDouble(0, 1);
      double phi = rnd.nextDouble(0.8, 1);
      double[] c = EtsBounds.characteristic(m, a, b, g, phi);
      double r = maxRoot(c);
      if (Math.abs(r - 1) < 1e-6) {
        continue; // too close to the circle for the eigenvalue solver to decide
      }
      tested++;
      boolean in = EtsBounds.rootsInside(c, 1 + 1e-10);
      assertThat(in)
          .as("m=%d a=%f b=%f g=%f phi=%f max|root|=%f", m, a, b, g, phi, r)
          .isEqualTo(r < 1);
      inside += in ? 1 : 0;
    }
    assertThat(tested).isGreaterThan(1900);
    assertThat(inside).isBetween(100, tested - 100);
  }

  @Test
  void admissibleRegion() {
    EtsSpec aaa = EtsSpec.parse("AAA");
    // near R's fit of ETS(A,A,A) on M4 H4 (alpha 0.9999, beta 0.0333, gamma 0.0001)
    assertThat(EtsBounds.ok(aaa, 24, 0.9998, 0.0333, 0.0001, 1)).isTrue();
    // max |root| 0.99943 and 1.0000517: a small change of beta crosses the circle when m = 24
    assertThat(EtsBounds.ok(aaa, 24, 0.5, 0.01, 0.1, 1)).isTrue();
    assertThat(EtsBounds.ok(aaa, 24, 0.5, 0.05, 0.1, 1)).isFalse();
    // no trend: a root exactly on the circle (z = 1), admitted within R's tolerance 1e-10
    assertThat(EtsBounds.ok(EtsSpec.parse("ANA"), 24, 0.5, 0, 0.1, 1)).isTrue();
    // large beta with a seasonal model pushes a root outside the unit circle
    assertThat(EtsBounds.admissible(aaa, 24, 0.9564, 0.9564, 0.0088, 1)).isFalse();
    // the usual bounds: beta <= alpha, gamma <= 1 - alpha, 0.8 <= phi <= 0.98
    assertThat(EtsBounds.usual(aaa, 0.5, 0.6, 0.1, 1)).isFalse();
    assertThat(EtsBounds.usual(aaa, 0.5, 0.1, 0.6, 1)).isFalse();
    assertThat(EtsBounds.usual(EtsSpec.parse("AAdN"), 0.5, 0.1, 0, 0.99)).isFalse();
    assertThat(EtsBounds.ok(EtsSpec.parse("ANN"), 1, 0.5, 0, 0, 1)).isTrue();
  }
}
