package org.shopcast.predict.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Person-period expansion, censoring and the survival curve of the discrete-time hazard model. */
class HazardModelTest {
  @Test
  void periods_coverTheHorizon() {
    assertThat(HazardModel.periodDays(30, 6)).isEqualTo(5);
    assertThat(HazardModel.periodDays(90, 6)).isEqualTo(15);
    assertThat(HazardModel.periodDays(10, 4)).isEqualTo(3);
    assertThat(HazardModel.periods(10, 3)).isEqualTo(4);
    assertThat(HazardModel.periodDays(3, 6)).isEqualTo(1);
  }

  @Test
  void expand_eventAndCensoredRows() {
    double[][] base = {{7}, {8}, {9}};
    // H = 10, w = 3: periods 1-3, 4-6, 7-9, 10. Row 0 buys on day 5 (period 2), row 1 is
    // censored (4 rows of 0), row 2 buys on day 10 (period 4, the short last one).
    HazardModel.Expanded e = HazardModel.expand(base, new int[] {5, 0, 10}, 10, 3);
    assertThat(e.rows()).hasNumberOfRows(2 + 4 + 4);
    assertThat(e.labels())
        .containsExactly(false, true, false, false, false, false, false, false, false, true);
    // columns: base, period, dummies for periods 2, 3, 4
    assertThat(e.rows()[1]).containsExactly(7, 2, 1, 0, 0);
    assertThat(e.rows()[0]).containsExactly(7, 1, 0, 0, 0);
    assertThat(e.rows()[9]).containsExactly(9, 4, 0, 0, 1);
    assertThat(HazardModel.periodColumns(4))
        .containsExactly("period", "period_2", "period_3", "period_4");
  }

  @Test
  void curve_constantDailyHazardWithinPeriods() {
    // H = 4, w = 2, hazards 0.5 then 0.2
    double[] s = HazardModel.curve(new double[] {0.5, 0.2}, 4, 2);
    assertThat(s[0]).isEqualTo(1);
    assertThat(s[1]).isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(s[2]).isCloseTo(0.5, within(1e-12));
    assertThat(s[3]).isCloseTo(0.5 * Math.sqrt(0.8), within(1e-12));
    assertThat(s[4]).isCloseTo(0.4, within(1e-12));
    assertThat(HazardModel.median(s)).isEqualTo(2);
    assertThat(HazardModel.probabilityWithin(s, 4)).isCloseTo(0.6, within(1e-12));
    // 1 - S(d) over 0.6: day 1 0.488 < 0.5, day 2 0.833
    assertThat(HazardModel.conditionalMedian(s)).isEqualTo(2);
    assertThat(HazardModel.restrictedMean(s))
        .isCloseTo(1 + Math.sqrt(0.5) + 0.5 + 0.5 * Math.sqrt(0.8), within(1e-12));
    double[] flat = HazardModel.curve(new double[] {0.1, 0.1}, 4, 2);
    assertThat(HazardModel.median(flat)).isNaN();
  }
}
