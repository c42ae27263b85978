package org.shopcast.forecast.decompose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassicalTest {
  @Test
  void additiveIndices_recoverPatternOnLinearTrend() {
    double[] s = {3, -1, -4, 2};
    double[] y = new double[40];
    for (int t = 0; t < y.length; t++) {
      y[t] = 10 + 0.5 * t + s[t % 4];
    }
    // the 2x4 centred average of a linear trend plus a zero-sum pattern is the trend exactly
    assertThat(Classical.trend(y, 4)[10]).isCloseTo(15, within(1e-12));
    assertThat(Classical.seasonalIndices(y, 4, false)).containsExactly(s, within(1e-12));
  }

  @Test
  void multiplicativeIndices_recoverPatternOnConstantLevel() {
    double[] s = {1.2, 0.7, 1.1};
    double[] y = new double[30];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 * s[t % 3];
    }
    assertThat(Classical.seasonalIndices(y, 3, true)).containsExactly(s, within(1e-12));
    double[] adj = Classical.adjust(y, Classical.seasonalIndices(y, 3, true));
    assertThat(adj[7]).isCloseTo(50, within(1e-9));
  }

  @Test
  void seasonalityTest_detectsSineAndNotNoise() {
    Random rnd = new Random(7);
    double[] sine = new double[96];
    double[] noise = new double[96];
    for (int t = 0; t < 96; t++) {
      sine[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 12) + rnd.nextGaussian();
      noise[t] = 100 + rnd.nextGaussian();
    }
    assertThat(Classical.isSeasonal(sine, 12)).isTrue();
    // independent check of the M4 statistic on the noise series
    double[] r = Classical.acf(noise, 12);
    double s = 1;
    for (int k = 0; k < 11; k++) {
      s += 2 * r[k] * r[k];
    }
    boolean expected = Math.abs(r[11]) > 1.645 / Math.sqrt(96) * Math.sqrt(s);
    assertThat(Classical.isSeasonal(noise, 12)).isEqualTo(expected);
    assertThat(Classical.isSeasonal(sine, 1)).isFalse();
    assertThat(Classical.isSeasonal(new double[20], 12)).isFalse();
  }

  @Test
  void acf_matchesDirectFormula() {
    double[] y = {1, 3, 2, 5, 4};
    // mean 3; deviations -2, 0, -1, 2, 1; c0 = 10; lag 1: 0 + 0 - 2 + 2 = 0; lag 2: 2 + 0 - 1 = 1
    assertThat(Classical.acf(y, 2)).containsExactly(new double[] {0, 0.1}, within(1e-12));
  }
}
