package org.shopcast.predict.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.testkit.Fixtures;

/** Gamma-Gamma parity on CDNOW with the figures in shared/data/cdnow/SOURCE.md. */
class GammaGammaModelTest {
  private static CustomerSummary cdnow;
  private static GammaGammaModel model;

  @BeforeAll
  static void fit() {
    cdnow =
        SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary_with_transactions.csv"));
    model = GammaGammaModel.fit(cdnow, new FitOptions());
  }

  @Test
  void fit_matchesPublishedCdnowParameters() {
    // Published to 2 decimals ("Hardie paper" in lifetimes, decimal=2: |error| < 0.015); 0.1%
    // would be tighter than that precision, so the stated tolerance is used.
    assertThat(model.p()).isCloseTo(6.25, within(0.015));
    assertThat(model.q()).isCloseTo(3.74, within(0.015));
    assertThat(model.v()).isCloseTo(15.44, within(0.015));
    assertThat(model.provenance().customers()).isEqualTo(946);
  }

  @Test
  void conditionalExpectedAverageSpend_matchesHardieSpreadsheet() {
    GammaGammaModel published = GammaGammaModel.of(6.25, 3.74, 15.44);
    double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
    for (int i = 0; i < expected.length; i++) {
      assertThat(published.conditionalExpectedAverageSpend(cdnow.frequency(i), cdnow.monetary(i)))
          .as("row %d", i + 1)
          .isCloseTo(expected[i], within(0.1));
    }
  }

  @Test
  void conditionalExpectedAverageSpend_ofNewCustomerIsPopulationMean() {
    assertThat(model.conditionalExpectedAverageSpend(0, 0))
        .isCloseTo(model.expectedAverageSpend(), withinPercentage(1e-9));
  }

  @Test
  void fit_rejectsSummaryWithoutMonetaryColumn() {
    CustomerSummary plain = SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary.csv"));
    assertThatThrownBy(() -> GammaGammaModel.fit(plain, new FitOptions()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "model gamma-gamma needs a monetary (monetary_value or zbar) column, but ")
        .hasMessageEndingWith("cdnow_customers_summary.csv has none");
  }
}
