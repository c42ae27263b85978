package org.shopcast.predict.btyd;

import static org.shopcast.predict.btyd.internal.SpecialFunctions.hyp2f1;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logAddExp;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logGamma;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logSubExp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.shopcast.predict.btyd.internal.ChunkedSum;

/**
 * The Pareto/NBD model of Schmittlein, Morrison &amp; Colombo (1987), "Counting Your Customers: Who
 * Are They and What Will They Do Next?", Management Science 33(1), 1-24: while alive a customer
 * buys as a Poisson process with a gamma(r, alpha) rate and has an exponential lifetime with a
 * gamma(s, beta) dropout rate. The likelihood, P(alive) and the conditional expectation follow
 * Fader &amp; Hardie (2005), "A Note on Deriving the Pareto/NBD Model and Related Expressions"
 * (brucehardie.com note 009), eq. 22 with the A0 term written as a log-difference of hypergeometric
 * terms so that it neither overflows nor loses precision. Use it when dropout can happen at any
 * time, not only right after a purchase; BG/NBD is the cheaper alternative.
 *
 * @param r gamma shape of the purchase rate
 * @param alpha gamma scale of the purchase rate
 * @param s gamma shape of the dropout rate
 * @param beta gamma scale of the dropout rate
 * @param provenance how the model was fitted
 */
public record ParetoNbdModel(double r, double alpha, double s, double beta, FitInfo provenance)
    implements PurchaseModel {

  /** Validates the parameters. */
  public ParetoNbdModel {
    Fitting.requirePositive("r", r);
    Fitting.requirePositive("alpha", alpha);
    Fitting.requirePositive("s", s);
    Fitting.requirePositive("beta", beta);
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A model with given parameters (for example published ones), not fitted. */
  public static ParetoNbdModel of(double r, double alpha, double s, double beta) {
    return new ParetoNbdModel(r, alpha, s, beta, FitInfo.given());
  }

  /**
   * Fits the model to a summary by maximum likelihood.
   *
   * @throws IllegalArgumentException when the summary lacks recency or age, or is empty
   */
  public static ParetoNbdModel fit(CustomerSummary summary, FitOptions options) {
    summary.requireRecencyAndAge("pareto-nbd");
    Fitting.Fitted fitted =
        Fitting.run(
            summary,
            summary.customers(),
            options,
            p -> totalLogLikelihood(summary, p[0], p[1], p[2], p[3]),
            new double[] {1, 1, 1, 1});
    double[] p = fitted.params();
    return new ParetoNbdModel(p[0], p[1], p[2], p[3], fitted.info());
  }

  static double totalLogLikelihood(
      CustomerSummary summary, double r, double alpha, double s, double beta) {
    int maxX = summary.maxFrequency();
    double[] byX = new double[maxX + 1];
    double head = r * Math.log(alpha) + s * Math.log(beta);
    double logGammaRatio = 0;
    for (int x = 0; x <= maxX; x++) {
      if (x > 0) {
        logGammaRatio += Math.log(r + x - 1);
      }
      byX[x] = logGammaRatio + head;
    }
    return ChunkedSum.sum(
        summary.size(),
        i -> {
          int x = summary.frequency(i);
          double tail = tail(r, alpha, s, beta, x, summary.recency(i), summary.age(i));
          return summary.weight(i) * (byX[x] + tail);
        });
  }

  /** log of the bracket in eq. 22: the alive-at-T term plus the died-in-(t_x, T] term. */
  private static double tail(
      double r, double alpha, double s, double beta, int x, double tx, double age) {
    double alive = -(r + x) * Math.log(alpha + age) - s * Math.log(beta + age);
    double died = Math.log(s) - Math.log(r + s + x) + logA0(r, alpha, s, beta, x, tx, age);
    return logAddExp(alive, died);
  }

  /**
   * log A0 of the note (eq. 20-21): the hypergeometric form for alpha &gt;= beta or alpha &lt;
   * beta, evaluated so that the argument of 2F1 stays in [0, 1).
   */
  static double logA0(double r, double alpha, double s, double beta, int x, double tx, double age) {
    double max;
    double b;
    double diff;
    if (alpha >= beta) {
      max = alpha;
      b = s + 1;
      diff = alpha - beta;
    } else {
      max = beta;
      b = r + x;
      diff = beta - alpha;
    }
    double rsx = r + s + x;
    double first = Math.log(hyp2f1(rsx, b, rsx + 1, diff / (max + tx))) - rsx * Math.log(max + tx);
    double second =
        Math.log(hyp2f1(rsx, b, rsx + 1, diff / (max + age))) - rsx * Math.log(max + age);
    return logSubExp(first, Math.min(first, second));
  }

  @Override
  public String name() {
    return "pareto-nbd";
  }

  @Override
  public Map<String, Double> params() {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("r", r);
    params.put("alpha", alpha);
    params.put("s", s);
    params.put("beta", beta);
    return params;
  }

  @Override
  public double logLikelihood(int x, double tx, double age) {
    Fitting.requireHistory(x, tx, age);
    return logGamma(r + x)
        - logGamma(r)
        + r * Math.log(alpha)
        + s * Math.log(beta)
        + tail(r, alpha, s, beta, x, tx, age);
  }

  @Override
  public double probabilityAlive(int x, double tx, double age) {
    Fitting.requireHistory(x, tx, age);
    double logOdds =
        Math.log(s)
            - Math.log(r + s + x)
            + (r + x) * Math.log(alpha + age)
            + s * Math.log(beta + age)
            + logA0(r, alpha, s, beta, x, tx, age);
    return 1 / (1 + Math.exp(logOdds));
  }

  @Override
  public double expectedPurchases(double t) {
    BgNbdModel.requireTime(t);
    return r * beta / (alpha * (s - 1)) * (1 - Math.pow(beta / (beta + t), s - 1));
  }

  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    BgNbdModel.requireTime(t);
    double rate = (r + x) * (beta + age) / ((alpha + age) * (s - 1));
    double horizon = 1 - Math.pow((beta + age) / (beta + age + t), s - 1);
    return rate * horizon * probabilityAlive(x, tx, age);
  }
}
