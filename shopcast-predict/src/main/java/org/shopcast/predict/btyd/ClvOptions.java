package org.shopcast.predict.btyd;

/**
 * Settings of the discounted customer lifetime value.
 *
 * @param periods number of cash-flow periods summed (default 12)
 * @param periodLength length of one period in the model's time unit (default 4.345: a month in
 *     weeks)
 * @param discountRate discount rate per period (default 0.01)
 */
public record ClvOptions(int periods, double periodLength, double discountRate) {

  /** Validates the settings. */
  public ClvOptions {
    if (periods < 1) {
      throw new IllegalArgumentException("periods must be >= 1, got " + periods);
    }
    if (!(periodLength > 0) || Double.isInfinite(periodLength)) {
      throw new IllegalArgumentException(
          "periodLength must be > 0 and finite, got " + periodLength);
    }
    if (!(discountRate >= 0) || Double.isInfinite(discountRate)) {
      throw new IllegalArgumentException(
          "discountRate must be >= 0 and finite, got " + discountRate);
    }
  }

  /** Twelve monthly periods in weeks at 1% a month. */
  public ClvOptions() {
    this(12, 4.345, 0.01);
  }
}
