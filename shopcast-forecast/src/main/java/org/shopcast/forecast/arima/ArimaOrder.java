package org.shopcast.forecast.arima;

/**
 * The order of a seasonal ARIMA(p,d,q)(P,D,Q)[m] model with or without a constant (a mean when
 * {@code d + D = 0}, a drift when {@code d + D = 1}; never with more differencing).
 *
 * @param p non-seasonal AR order
 * @param d non-seasonal differences
 * @param q non-seasonal MA order
 * @param sp seasonal AR order P
 * @param sd seasonal differences D
 * @param sq seasonal MA order Q
 * @param m season period (1 = non-seasonal)
 * @param constant whether a mean or drift is estimated
 */
public record ArimaOrder(int p, int d, int q, int sp, int sd, int sq, int m, boolean constant) {
  /** Validates the orders. */
  public ArimaOrder {
    if (p < 0 || d < 0 || q < 0 || sp < 0 || sd < 0 || sq < 0 || m < 1) {
      throw new IllegalArgumentException(
          "ARIMA orders must be >= 0 and m >= 1, got " + describe(p, d, q, sp, sd, sq, m));
    }
    if (m == 1 && (sp > 0 || sd > 0 || sq > 0)) {
      throw new IllegalArgumentException("seasonal orders need m > 1, got m = 1");
    }
    if (d + sd > 1 && constant) {
      throw new IllegalArgumentException("a constant needs d + D <= 1, got d + D = " + (d + sd));
    }
  }

  /** The number of ARMA coefficients plus the constant. */
  public int coefficients() {
    return p + q + sp + sq + (constant ? 1 : 0);
  }

  private static String describe(int p, int d, int q, int sp, int sd, int sq, int m) {
    return "(" + p + "," + d + "," + q + ")(" + sp + "," + sd + "," + sq + ")[" + m + "]";
  }

  @Override
  public String toString() {
    String s =
        m > 1 ? "ARIMA" + describe(p, d, q, sp, sd, sq, m) : "ARIMA(" + p + "," + d + "," + q + ")";
    if (!constant) {
      return s;
    }
    return s + (d + sd == 0 ? " with mean" : " with drift");
  }
}
