package org.shopcast.predict.btyd;

import static org.shopcast.predict.btyd.internal.SpecialFunctions.hyp2f1;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logAddExp;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logBeta;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logGamma;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.shopcast.predict.btyd.internal.ChunkedSum;

/**
 * The BG/NBD model of Fader, Hardie &amp; Lee (2005), "Counting Your Customers the Easy Way: An
 * Alternative to the Pareto/NBD Model", Marketing Science 24(2), 275-284: while alive a customer
 * buys as a Poisson process with a gamma(r, alpha) distributed rate and after each repeat purchase
 * drops out with a beta(a, b) distributed probability. Use it for non-contractual, continuous-time
 * repeat buying (retail, e-commerce); it fits as well as Pareto/NBD and is cheaper and more robust
 * to compute. The likelihood (eq. 6), P(alive) (eq. 11), E[X(t)] (eq. 9), the conditional
 * expectation (eq. 10) and the pmf (eq. 8) follow the paper.
 *
 * @param r gamma shape of the purchase rate
 * @param alpha gamma scale of the purchase rate
 * @param a beta parameter of the dropout probability
 * @param b beta parameter of the dropout probability
 * @param provenance how the model was fitted
 */
public record BgNbdModel(double r, double alpha, double a, double b, FitInfo provenance)
    implements PurchaseModel {

  /** Validates the parameters. */
  public BgNbdModel {
    Fitting.requirePositive("r", r);
    Fitting.requirePositive("alpha", alpha);
    Fitting.requirePositive("a", a);
    Fitting.requirePositive("b", b);
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A model with given parameters (for example published ones), not fitted. */
  public static BgNbdModel of(double r, double alpha, double a, double b) {
    return new BgNbdModel(r, alpha, a, b, FitInfo.given());
  }

  /**
   * Fits the model to a summary by maximum likelihood.
   *
   * @throws IllegalArgumentException when the summary lacks recency or age, or is empty
   */
  public static BgNbdModel fit(CustomerSummary summary, FitOptions options) {
    summary.requireRecencyAndAge("bgnbd");
    Fitting.Fitted fitted =
        Fitting.run(
            summary,
            summary.customers(),
            options,
            p -> totalLogLikelihood(summary, p[0], p[1], p[2], p[3]),
            new double[] {1, 1, 1, 1});
    double[] p = fitted.params();
    return new BgNbdModel(p[0], p[1], p[2], p[3], fitted.info());
  }

  /** The summed log-likelihood, with the x-only terms tabulated once per call. */
  static double totalLogLikelihood(CustomerSummary s, double r, double alpha, double a, double b) {
    int maxX = s.maxFrequency();
    double[] byX = new double[maxX + 1];
    double[] logOdds = new double[maxX + 1];
    double logGammaRatio = 0;
    double logBetaRatio = 0;
    double constant = r * Math.log(alpha);
    for (int x = 0; x <= maxX; x++) {
      if (x > 0) {
        logGammaRatio += Math.log(r + x - 1);
        logBetaRatio += Math.log(b + x - 1) - Math.log(a + b + x - 1);
        logOdds[x] = Math.log(a) - Math.log(b + x - 1);
      }
      byX[x] = logGammaRatio + logBetaRatio + constant;
    }
    return ChunkedSum.sum(
        s.size(),
        i -> {
          int x = s.frequency(i);
          double late = -(r + x) * Math.log(alpha + s.age(i));
          double ll =
              x == 0
                  ? late
                  : logAddExp(late, logOdds[x] - (r + x) * Math.log(alpha + s.recency(i)));
          return s.weight(i) * (byX[x] + ll);
        });
  }

  @Override
  public String name() {
    return "bgnbd";
  }

  @Override
  public Map<String, Double> params() {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("r", r);
    params.put("alpha", alpha);
    params.put("a", a);
    params.put("b", b);
    return params;
  }

  @Override
  public double logLikelihood(int x, double tx, double age) {
    Fitting.requireHistory(x, tx, age);
    double head =
        logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x) - logBeta(a, b);
    double late = -(r + x) * Math.log(alpha + age);
    if (x == 0) {
      return head + late;
    }
    return head + logAddExp(late, Math.log(a / (b + x - 1)) - (r + x) * Math.log(alpha + tx));
  }

  @Override
  public double probabilityAlive(int x, double tx, double age) {
    Fitting.requireHistory(x, tx, age);
    if (x == 0) {
      return 1;
    }
    double logOdds =
        Math.log(a / (b + x - 1)) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  }

  @Override
  public double expectedPurchases(double t) {
    requireTime(t);
    double hyp = hyp2f1(r, b, a + b - 1, t / (alpha + t));
    return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + t), r) * hyp);
  }

  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    requireTime(t);
    Fitting.requireHistory(x, tx, age);
    double hyp = hyp2f1(r + x, b + x, a + b + x - 1, t / (alpha + age + t));
    double ahead =
        (a + b + x - 1) / (a - 1) * (1 - Math.pow((alpha + age) / (alpha + age + t), r + x) * hyp);
    return ahead * probabilityAlive(x, tx, age);
  }

  /**
   * P(X(t) = n): the probability that a new customer makes exactly n repeat purchases in (0, t]
   * (eq. 8 of the paper).
   */
  public double probabilityOfPurchases(double t, int n) {
    requireTime(t);
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, got " + n);
    }
    double logShare = Math.log(t / (alpha + t));
    double logKeep = r * Math.log(alpha / (alpha + t));
    double betaRatio = Math.exp(logBeta(a, b + n) - logBeta(a, b));
    double nbd = Math.exp(logNbd(n, logKeep, logShare));
    if (n == 0) {
      return betaRatio * nbd;
    }
    double cdf = 0;
    for (int j = 0; j < n; j++) {
      cdf += Math.exp(logNbd(j, logKeep, logShare));
    }
    return betaRatio * nbd + a / (b + n - 1) * betaRatio * (1 - cdf);
  }

  private double logNbd(int j, double logKeep, double logShare) {
    return logGamma(r + j) - logGamma(r) - logGamma(j + 1.0) + logKeep + j * logShare;
  }

  static void requireTime(double t) {
    if (!(t >= 0) || Double.isInfinite(t)) {
      throw new IllegalArgumentException("t must be >= 0 and finite, got " + t);
    }
  }
}
