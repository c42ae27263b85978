package org.shopcast.predict.btyd;

import java.util.Objects;

/**
 * Discounted customer lifetime value: the Gamma-Gamma expected spend per transaction times the
 * purchase model's expected transactions in each future period, discounted per period, as in Fader,
 * Hardie &amp; Lee (2005), "RFM and CLV: Using Iso-Value Curves for Customer Base Analysis", JMR
 * 42(4), 415-430 (with the discounted sum over discrete periods instead of their continuous DERT).
 * CLV = sum over k = 1..K of E[M | x, zbar] * (E[Y(k L) | history] - E[Y((k - 1) L) | history]) /
 * (1 + d)^k.
 */
public final class CustomerLifetimeValue {
  private CustomerLifetimeValue() {}

  /**
   * The discounted value of one customer over the horizon in {@code options}.
   *
   * @param purchases the fitted purchase model
   * @param spend the fitted spend model
   * @param x repeat transactions
   * @param tx recency
   * @param age age T
   * @param zbar mean spend per repeat transaction (ignored when x = 0)
   */
  public static double of(
      PurchaseModel purchases,
      GammaGammaModel spend,
      int x,
      double tx,
      double age,
      double zbar,
      ClvOptions options) {
    Objects.requireNonNull(purchases, "purchases");
    Objects.requireNonNull(spend, "spend");
    double value = spend.conditionalExpectedAverageSpend(x, x == 0 ? 0 : zbar);
    double total = 0;
    double before = 0;
    for (int k = 1; k <= options.periods(); k++) {
      double cumulative =
          purchases.conditionalExpectedPurchases(k * options.periodLength(), x, tx, age);
      total += value * (cumulative - before) / Math.pow(1 + options.discountRate(), k);
      before = cumulative;
    }
    return total;
  }
}
