package org.shopcast.predict.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Metrics on cases worked by hand, and AUC against the brute-force pair count. */
class MetricsTest {
  // scores 0.9 0.8 0.7 0.6 0.5 0.4 with labels 1 0 1 1 0 0
  private static final double[] S = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
  private static final boolean[] Y = {true, false, true, true, false, false};

  @Test
  void auc_handComputed() {
    // pairs (pos above neg): 0.9 beats 3 negatives, 0.7 beats 2, 0.6 beats 2 -> 7 of 9
    assertThat(Metrics.auc(S, Y)).isCloseTo(7.0 / 9, within(1e-12));
  }

  @Test
  void auc_tiesCountHalf() {
    assertThat(Metrics.auc(new double[] {0.5, 0.5}, new boolean[] {true, false})).isEqualTo(0.5);
    assertThat(Metrics.auc(new double[] {1, 1}, new boolean[] {true, true})).isNaN();
  }

  @Test
  void auc_equalsBruteForcePairCount() {
    Random random = new Random(7);
    double[] s = new double[300];
    boolean[] y = new boolean[300];
    for (int i = 0; i < s.length; i++) {
      s[i] = random.nextInt(20) / 20.0;
      y[i] = random.nextDouble() < 0.3 + 0.4 * s[i];
    }
    double pairs = 0;
    long n = 0;
    for (int i = 0; i < s.length; i++) {
      for (int j = 0; j < s.length; j++) {
        if (y[i] && !y[j]) {
          n++;
          pairs += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
        }
      }
    }
    assertThat(Metrics.auc(s, y)).isCloseTo(pairs / n, within(1e-12));
  }

  @Test
  void averagePrecision_handComputed() {
    // positives at ranks 1, 3, 4: (1/1 + 2/3 + 3/4) / 3
    assertThat(Metrics.averagePrecision(S, Y))
        .isCloseTo((1 + 2.0 / 3 + 3.0 / 4) / 3, within(1e-12));
  }

  @Test
  void logLossAndBrier_handComputed() {
    double[] p = {0.8, 0.4};
    boolean[] y = {true, false};
    assertThat(Metrics.logLoss(p, y))
        .isCloseTo(-(Math.log(0.8) + Math.log(0.6)) / 2, within(1e-12));
    assertThat(Metrics.brier(p, y)).isCloseTo((0.04 + 0.16) / 2, within(1e-12));
    assertThat(Metrics.logLoss(new double[] {0}, new boolean[] {true}))
        .isCloseTo(-Math.log(1e-15), within(1e-9));
  }

  @Test
  void atThreshold_handComputed() {
    // >= 0.65: predicted 0.9 0.8 0.7 -> tp 2, fp 1, fn 1
    double[] prf = Metrics.atThreshold(S, Y, 0.65);
    assertThat(prf[0]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(prf[1]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(prf[2]).isCloseTo(2.0 / 3, within(1e-12));
  }

  @Test
  void bestF1Threshold_picksTheBestCut() {
    // cut at 0.6 -> tp 3 fp 1 fn 0: P 0.75 R 1 F1 6/7, the best
    assertThat(Metrics.bestF1Threshold(S, Y)).isEqualTo(0.6);
  }

  @Test
  void topFraction_handComputed() {
    // top 50% = 3 rows (0.9, 0.8, 0.7): 2 positives of 3; base rate 0.5 -> lift 4/3
    double[] top = Metrics.topFraction(S, Y, 0.5);
    assertThat(top[0]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(top[1]).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(top[2]).isCloseTo(4.0 / 3, within(1e-12));
    assertThatThrownBy(() -> Metrics.topFraction(S, Y, 0))
        .hasMessageContaining("fraction must be in (0, 1], got 0.0");
  }

  @Test
  void calibration_binsByPredictedProbability() {
    List<Metrics.CalibrationBin> table =
        Metrics.calibration(
            new double[] {0.05, 0.15, 0.12, 0.95, 1.0},
            new boolean[] {false, true, false, true, true},
            10);
    assertThat(table).hasSize(3);
    assertThat(table.get(1).rows()).isEqualTo(2);
    assertThat(table.get(1).meanPredicted()).isCloseTo(0.135, within(1e-12));
    assertThat(table.get(1).observedRate()).isEqualTo(0.5);
    assertThat(table.get(2).rows()).isEqualTo(2);
  }

  @Test
  void mismatchedLengths_areRejected() {
    assertThatThrownBy(() -> Metrics.auc(new double[] {1}, new boolean[] {true, false}))
        .hasMessageContaining("same length, got 1 and 2");
  }
}
