package org.shopcast.predict.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.testkit.Fixtures;

/**
 * CDNOW parity of the BG/NBD model with the figures in shared/data/cdnow/SOURCE.md (BTYD vignette
 * v2.4.3 and lifetimes' tests); "0.1%" is {@code withinPercentage(0.1)}.
 */
class BgNbdModelTest {
  private static BgNbdModel model;

  @BeforeAll
  static void fit() {
    CustomerSummary cdnow = SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary.csv"));
    model = BgNbdModel.fit(cdnow, new FitOptions());
  }

  @Test
  void fit_matchesPublishedCdnowParameters() {
    assertThat(model.r()).isCloseTo(0.2425982, withinPercentage(0.1));
    assertThat(model.alpha()).isCloseTo(4.4136842, withinPercentage(0.1));
    assertThat(model.a()).isCloseTo(0.7929899, withinPercentage(0.1));
    assertThat(model.b()).isCloseTo(2.4261667, withinPercentage(0.1));
    assertThat(model.provenance().logLikelihood()).isCloseTo(-9582.429, withinPercentage(0.1));
    assertThat(model.provenance().customers()).isEqualTo(2357);
    assertThat(model.provenance().converged()).isTrue();
  }

  @Test
  void expectation_matchesVignetteAt52Weeks() {
    assertThat(model.expectedPurchases(52)).isCloseTo(1.444004, withinPercentage(0.1));
  }

  @Test
  void customer1516_matchesVignette() {
    assertThat(model.conditionalExpectedPurchases(52, 26, 30.85714, 31))
        .isCloseTo(25.75659, withinPercentage(0.1));
    assertThat(model.probabilityAlive(26, 30.85714, 31))
        .isCloseTo(0.9688523, withinPercentage(0.1));
  }

  @Test
  void conditionalExpectations_matchVignetteForRecency20() {
    double[] expected = {0.3474606, 0.04283391, 0.004158973, 0.0003583685};
    int[] x = {10, 15, 20, 25};
    for (int i = 0; i < x.length; i++) {
      assertThat(model.conditionalExpectedPurchases(52, x[i], 20, 39))
          .as("x=%d", x[i])
          .isCloseTo(expected[i], withinPercentage(0.1));
    }
  }

  @Test
  void conditionalExpectation_matchesHardieSpreadsheet() {
    // lifetimes asserts 1.226 with absolute tolerance 0.001 (published to 3 decimals).
    assertThat(model.conditionalExpectedPurchases(39, 2, 30.43, 38.86))
        .isCloseTo(1.226, within(0.001));
  }

  @Test
  void expectationCurve_matchesHardieSpreadsheet() {
    // Published to 3-4 decimals (lifetimes asserts decimal=3): tolerance half a unit in the 3rd.
    double[] t = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
    double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
    for (int i = 0; i < t.length; i++) {
      assertThat(model.expectedPurchases(t[i]))
          .as("t=%s", t[i])
          .isCloseTo(expected[i], within(0.0015));
    }
  }

  @Test
  void pmf_matchesBtydWithPublishedParameters() {
    BgNbdModel published = BgNbdModel.of(0.243, 4.414, 0.793, 2.426);
    assertThat(published.probabilityOfPurchases(2, 10))
        .isCloseTo(1.07869e-07, withinPercentage(0.1));
    assertThat(published.probabilityOfPurchases(39, 0)).isCloseTo(0.5737864, withinPercentage(0.1));
    double[] expected = {
      0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
      0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260
    };
    for (int n = 11; n <= 20; n++) {
      assertThat(published.probabilityOfPurchases(30, n))
          .as("n=%d", n)
          .isCloseTo(expected[n - 11], withinPercentage(0.1));
    }
  }

  @Test
  void pmf_sumsToOne() {
    double total = 0;
    for (int n = 0; n < 400; n++) {
      total += model.probabilityOfPurchases(10, n);
    }
    assertThat(total).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void totalLogLikelihood_equalsSumOfCustomerTerms() {
    CustomerSummary cdnow = SummaryReader.read(Fixtures.path("cdnow/cdnow_customers_summary.csv"));
    double sum = 0;
    for (int i = 0; i < cdnow.size(); i++) {
      sum += model.logLikelihood(cdnow.frequency(i), cdnow.recency(i), cdnow.age(i));
    }
    assertThat(sum).isCloseTo(model.provenance().logLikelihood(), within(1e-6));
  }

  @Test
  void of_rejectsNonPositiveParameter() {
    assertThatThrownBy(() -> BgNbdModel.of(0.2, -1, 0.8, 2.4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("alpha must be > 0 and finite, got -1.0");
  }
}
