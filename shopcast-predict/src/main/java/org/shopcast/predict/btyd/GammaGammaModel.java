package org.shopcast.predict.btyd;

import static org.shopcast.predict.btyd.internal.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.shopcast.predict.btyd.internal.ChunkedSum;

/**
 * The Gamma-Gamma spend model of Fader, Hardie &amp; Lee (2005), "RFM and CLV: Using Iso-Value
 * Curves for Customer Base Analysis", Journal of Marketing Research 42(4), 415-430, in the form of
 * Fader &amp; Hardie's note "The Gamma-Gamma Model of Monetary Value" (2013): each transaction's
 * value is gamma(p, nu) with a customer-level nu that is gamma(q, v) across customers. Fitted on
 * customers with at least one repeat transaction and their mean spend per repeat transaction
 * (zbar). Use it with a purchase model for CLV when spend is independent of purchase frequency
 * (check their correlation first).
 *
 * @param p shape of the transaction value
 * @param q shape of the customers' rate distribution
 * @param v scale of the customers' rate distribution (gamma in the paper)
 * @param provenance how the model was fitted
 */
public record GammaGammaModel(double p, double q, double v, FitInfo provenance) {

  /** Validates the parameters. */
  public GammaGammaModel {
    Fitting.requirePositive("p", p);
    Fitting.requirePositive("q", q);
    Fitting.requirePositive("v", v);
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A model with given parameters (for example published ones), not fitted. */
  public static GammaGammaModel of(double p, double q, double v) {
    return new GammaGammaModel(p, q, v, FitInfo.given());
  }

  /**
   * Fits the model by maximum likelihood on the customers with frequency &gt; 0.
   *
   * @throws IllegalArgumentException when the summary has no monetary column, no repeat buyer, or a
   *     repeat buyer with a mean spend that is not positive
   */
  public static GammaGammaModel fit(CustomerSummary summary, FitOptions options) {
    if (!summary.hasMonetary()) {
      throw new IllegalArgumentException(
          "model gamma-gamma needs a monetary (monetary_value or zbar) column, but "
              + summary.source()
              + " has none");
    }
    int[] rows = repeatBuyers(summary);
    long customers = 0;
    for (int i : rows) {
      customers += summary.weight(i);
    }
    Fitting.Fitted fitted =
        Fitting.run(
            summary,
            customers,
            options,
            par ->
                ChunkedSum.sum(
                    rows.length,
                    k -> {
                      int i = rows[k];
                      return summary.weight(i)
                          * logLikelihood(
                              par[0], par[1], par[2], summary.frequency(i), summary.monetary(i));
                    }),
            new double[] {1, 1, 1});
    double[] par = fitted.params();
    return new GammaGammaModel(par[0], par[1], par[2], fitted.info());
  }

  private static int[] repeatBuyers(CustomerSummary summary) {
    int[] rows = new int[summary.size()];
    int n = 0;
    for (int i = 0; i < summary.size(); i++) {
      if (summary.frequency(i) > 0) {
        if (!(summary.monetary(i) > 0)) {
          throw new IllegalArgumentException(
              "model gamma-gamma needs monetary > 0 for every customer with frequency > 0, but "
                  + summary.source()
                  + " customer "
                  + summary.id(i)
                  + " has "
                  + summary.monetary(i));
        }
        rows[n++] = i;
      }
    }
    return Arrays.copyOf(rows, n);
  }

  private static double logLikelihood(double p, double q, double v, int x, double m) {
    double px = p * x;
    return logGamma(px + q)
        - logGamma(px)
        - logGamma(q)
        + q * Math.log(v)
        + (px - 1) * Math.log(m)
        + px * Math.log(x)
        - (px + q) * Math.log(v + m * x);
  }

  /** The parameters by name: p, q, v. */
  public Map<String, Double> params() {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("p", p);
    params.put("q", q);
    params.put("v", v);
    return params;
  }

  /** The log-likelihood of a mean spend {@code m} over {@code x} &gt; 0 transactions. */
  public double logLikelihood(int x, double m) {
    if (x < 1 || !(m > 0)) {
      throw new IllegalArgumentException("need x >= 1 and m > 0, got x=" + x + ", m=" + m);
    }
    return logLikelihood(p, q, v, x, m);
  }

  /** The population mean spend per transaction, p v / (q - 1) (infinite when q &lt;= 1). */
  public double expectedAverageSpend() {
    return q > 1 ? p * v / (q - 1) : Double.POSITIVE_INFINITY;
  }

  /**
   * E[M | x, zbar]: the expected spend per transaction of a customer with x repeat transactions of
   * mean value zbar, a weighted mean of the population mean and zbar (eq. 5 of the note). With x =
   * 0 it is the population mean.
   */
  public double conditionalExpectedAverageSpend(int x, double zbar) {
    if (x < 0 || !(zbar >= 0) || Double.isInfinite(zbar)) {
      throw new IllegalArgumentException(
          "need x >= 0 and a finite zbar >= 0, got x=" + x + ", zbar=" + zbar);
    }
    return p * (v + zbar * x) / (p * x + q - 1);
  }
}
