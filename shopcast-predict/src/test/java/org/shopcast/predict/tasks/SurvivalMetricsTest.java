package org.shopcast.predict.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Harrell's C by hand, with censoring, and against the O(n^2) pair count. */
class SurvivalMetricsTest {
  @Test
  void concordance_byHand_withCensoring() {
    // A: event at 2, B: censored at 3, C: event at 5, D: censored at 1 (comparable to nobody
    // as the earlier one), E: censored at 2 (tied with A's event time: comparable, E later).
    double[] time = {2, 3, 5, 1, 2};
    boolean[] event = {true, false, true, false, false};
    double[] predicted = {4, 6, 3, 9, 4};
    // comparable pairs (i event first): A-B (4 < 6: concordant), A-C (4 > 3: discordant),
    // A-E (4 = 4: half); C has no later row. D, B, E are censored: they never lead a pair.
    assertThat(SurvivalMetrics.concordance(time, event, predicted))
        .isCloseTo(1.5 / 3, within(1e-12));
  }

  @Test
  void concordance_tiedEventTimes_areNotComparable() {
    double[] time = {2, 2};
    boolean[] event = {true, true};
    assertThat(SurvivalMetrics.concordance(time, event, new double[] {1, 2})).isNaN();
  }

  @Test
  void concordance_matchesNaivePairCount() {
    Random random = new Random(7);
    int n = 400;
    double[] time = new double[n];
    boolean[] event = new boolean[n];
    double[] predicted = new double[n];
    for (int i = 0; i < n; i++) {
      time[i] = 1 + random.nextInt(30);
      event[i] = random.nextDouble() < 0.6;
      predicted[i] = time[i] + random.nextInt(20);
    }
    double concordant = 0;
    double pairs = 0;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        boolean comparable =
            event[i] && (time[j] > time[i] || (time[j] == time[i] && !event[j])) && i != j;
        if (comparable) {
          pairs++;
          concordant += predicted[i] < predicted[j] ? 1 : predicted[i] == predicted[j] ? 0.5 : 0;
        }
      }
    }
    assertThat(SurvivalMetrics.concordance(time, event, predicted))
        .isCloseTo(concordant / pairs, within(1e-12));
  }

  @Test
  void maeObserved_ignoresCensoredRows() {
    double[] time = {3, 10, 5};
    boolean[] event = {true, false, true};
    double[] predicted = {4, 1, 2};
    assertThat(SurvivalMetrics.maeObserved(time, event, predicted)).isCloseTo(2, within(1e-12));
  }
}
