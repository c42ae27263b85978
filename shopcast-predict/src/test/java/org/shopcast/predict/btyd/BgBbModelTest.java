package org.shopcast.predict.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.testkit.Fixtures;

/** BG/BB parity on the 1995 donor cohort with the figures in shared/data/cdnow/SOURCE.md. */
class BgBbModelTest {
  private static CustomerSummary donations;
  private static BgBbModel model;

  @BeforeAll
  static void fit() {
    donations = SummaryReader.read(Fixtures.path("cdnow/donations.csv"));
    model = BgBbModel.fit(donations, new FitOptions());
  }

  @Test
  void fit_matchesPublishedDonationParameters() {
    assertThat(model.alpha()).isCloseTo(1.203507, withinPercentage(0.1));
    assertThat(model.beta()).isCloseTo(0.7497667, withinPercentage(0.1));
    assertThat(model.gamma()).isCloseTo(0.6567568, withinPercentage(0.1));
    assertThat(model.delta()).isCloseTo(2.783887, withinPercentage(0.1));
    assertThat(model.provenance().logLikelihood()).isCloseTo(-33225.58, withinPercentage(0.1));
    assertThat(model.provenance().customers()).isEqualTo(11_104);
  }

  @Test
  void expectations_matchVignette() {
    assertThat(model.expectedPurchases(10)).isCloseTo(3.179805, withinPercentage(0.1));
    assertThat(model.conditionalExpectedPurchases(10, 0, 0, 6))
        .isCloseTo(0.1302169, withinPercentage(0.1));
    assertThat(model.conditionalExpectedPurchases(10, 4, 5, 6))
        .isCloseTo(3.627858, withinPercentage(0.1));
  }

  @Test
  void probabilityAlive_matchesLifetimes() {
    // Published to 2 decimals (lifetimes decimal=2, |error| < 0.015), looser than 0.1%.
    assertThat(model.probabilityAlive(0, 0, 6)).isCloseTo(0.11, within(0.015));
    assertThat(model.probabilityAlive(2, 4, 6)).isCloseTo(0.59, within(0.015));
    assertThat(model.probabilityAlive(6, 6, 6)).isCloseTo(0.93, within(0.015));
  }

  @Test
  void weightedConditionalExpectation_matchesHardieSheet() {
    double total = 0;
    for (int i = 0; i < donations.size(); i++) {
      total +=
          donations.weight(i)
              * model.conditionalExpectedPurchases(
                  5, donations.frequency(i), donations.recency(i), donations.age(i));
    }
    assertThat(total).isCloseTo(12884.2, withinPercentage(0.1));
  }

  @Test
  void pmf_matchesHardieInSampleFit() {
    assertThat(11_104 * model.probabilityOfPurchases(6, 0))
        .isCloseTo(3454.9, withinPercentage(0.1));
    assertThat(11_104 * model.probabilityOfPurchases(6, 6))
        .isCloseTo(1253.1, withinPercentage(0.1));
    double total = 0;
    for (int x = 0; x <= 6; x++) {
      total += model.probabilityOfPurchases(6, x);
    }
    assertThat(total).isCloseTo(1.0, within(1e-9));
  }

  @Test
  void fit_rejectsFractionalPeriods() {
    CustomerSummary cdnow = SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary.csv"));
    assertThatThrownBy(() -> BgBbModel.fit(cdnow, new FitOptions()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("model bgbb needs whole-number periods");
  }
}
