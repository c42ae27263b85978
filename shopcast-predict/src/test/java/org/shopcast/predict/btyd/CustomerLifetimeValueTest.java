package org.shopcast.predict.btyd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

class CustomerLifetimeValueTest {
  private final BgNbdModel purchases = BgNbdModel.of(0.2426, 4.4137, 0.7930, 2.4262);
  private final GammaGammaModel spend = GammaGammaModel.of(6.25, 3.74, 15.44);

  @Test
  void of_withoutDiscountIsSpendTimesExpectedPurchases() {
    double clv =
        CustomerLifetimeValue.of(
            purchases, spend, 2, 30.43, 38.86, 22.35, new ClvOptions(12, 4.345, 0));
    double expected =
        spend.conditionalExpectedAverageSpend(2, 22.35)
            * purchases.conditionalExpectedPurchases(12 * 4.345, 2, 30.43, 38.86);
    assertThat(clv).isCloseTo(expected, withinPercentage(1e-9));
  }

  @Test
  void of_discountingLowersValue() {
    double plain =
        CustomerLifetimeValue.of(purchases, spend, 5, 35, 38.86, 40, new ClvOptions(12, 4.345, 0));
    double discounted =
        CustomerLifetimeValue.of(
            purchases, spend, 5, 35, 38.86, 40, new ClvOptions(12, 4.345, 0.05));
    assertThat(discounted).isLessThan(plain).isGreaterThan(plain / Math.pow(1.05, 12));
  }
}
