package org.shopcast.predict.btyd;

import static org.shopcast.predict.btyd.internal.SpecialFunctions.logAddExp;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logBeta;
import static org.shopcast.predict.btyd.internal.SpecialFunctions.logGamma;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.shopcast.predict.btyd.internal.ChunkedSum;

/**
 * The BG/BB model of Fader, Hardie &amp; Shang (2010), "Customer-Base Analysis in a Discrete-Time
 * Noncontractual Setting", Marketing Science 29(6), 1086-1108: at each of n discrete transaction
 * opportunities an alive customer buys with a beta(alpha, beta) distributed probability and, before
 * each next opportunity, drops out with a beta(gamma, delta) distributed probability. Use it when
 * purchases can only happen at discrete occasions (yearly donations, events, issues); recency t_x
 * and age n are whole numbers of periods. Likelihood (eq. 5), P(alive) (eq. 11), E[X(n)] (eq. 7),
 * the conditional expectation (eq. 13) and the pmf (eq. 6) follow the paper.
 *
 * @param alpha beta parameter of the purchase probability
 * @param beta beta parameter of the purchase probability
 * @param gamma beta parameter of the dropout probability
 * @param delta beta parameter of the dropout probability
 * @param provenance how the model was fitted
 */
public record BgBbModel(double alpha, double beta, double gamma, double delta, FitInfo provenance)
    implements PurchaseModel {

  /** Validates the parameters. */
  public BgBbModel {
    Fitting.requirePositive("alpha", alpha);
    Fitting.requirePositive("beta", beta);
    Fitting.requirePositive("gamma", gamma);
    Fitting.requirePositive("delta", delta);
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A model with given parameters, not fitted. */
  public static BgBbModel of(double alpha, double beta, double gamma, double delta) {
    return new BgBbModel(alpha, beta, gamma, delta, FitInfo.given());
  }

  /**
   * Fits the model to a summary of whole-period recencies and ages by maximum likelihood; rows are
   * weighted by their {@code weights} column when present.
   *
   * @throws IllegalArgumentException when a recency or age is not a whole number, or columns lack
   */
  public static BgBbModel fit(CustomerSummary summary, FitOptions options) {
    summary.requireRecencyAndAge("bgbb");
    for (int i = 0; i < summary.size(); i++) {
      if (summary.recency(i) != Math.rint(summary.recency(i))
          || summary.age(i) != Math.rint(summary.age(i))
          || summary.frequency(i) > summary.recency(i)) {
        throw new IllegalArgumentException(
            "model bgbb needs whole-number periods with x <= t_x <= n, but "
                + summary.source()
                + " customer "
                + summary.id(i)
                + " has x="
                + summary.frequency(i)
                + ", t_x="
                + summary.recency(i)
                + ", n="
                + summary.age(i));
      }
    }
    Fitting.Fitted fitted =
        Fitting.run(
            summary,
            summary.customers(),
            options,
            p ->
                ChunkedSum.sum(
                    summary.size(),
                    i ->
                        summary.weight(i)
                            * logLikelihood(
                                p,
                                summary.frequency(i),
                                (int) summary.recency(i),
                                (int) summary.age(i))),
            new double[] {1, 1, 1, 1});
    double[] p = fitted.params();
    return new BgBbModel(p[0], p[1], p[2], p[3], fitted.info());
  }

  private static double logLikelihood(double[] p, int x, int tx, int n) {
    double alpha = p[0];
    double beta = p[1];
    double gamma = p[2];
    double delta = p[3];
    double purchase = logBeta(alpha, beta);
    double dropout = logBeta(gamma, delta);
    double ll = logBeta(alpha + x, beta + n - x) - purchase + logBeta(gamma, delta + n) - dropout;
    for (int i = 0; i < n - tx; i++) {
      ll =
          logAddExp(
              ll,
              logBeta(alpha + x, beta + tx - x + i)
                  - purchase
                  + logBeta(gamma + 1, delta + tx + i)
                  - dropout);
    }
    return ll;
  }

  @Override
  public String name() {
    return "bgbb";
  }

  @Override
  public Map<String, Double> params() {
    Map<String, Double> params = new LinkedHashMap<>();
    params.put("alpha", alpha);
    params.put("beta", beta);
    params.put("gamma", gamma);
    params.put("delta", delta);
    return params;
  }

  private double[] array() {
    return new double[] {alpha, beta, gamma, delta};
  }

  private static int periods(String name, double value) {
    if (!(value >= 0) || value != Math.rint(value) || value > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be a whole number >= 0, got " + value);
    }
    return (int) value;
  }

  private static void requireDiscreteHistory(int x, double tx, double n) {
    Fitting.requireHistory(x, tx, n);
    periods("t_x", tx);
    periods("n", n);
    if (x > tx) {
      throw new IllegalArgumentException("x must be <= t_x, got x=" + x + ", t_x=" + tx);
    }
  }

  @Override
  public double logLikelihood(int x, double tx, double age) {
    requireDiscreteHistory(x, tx, age);
    return logLikelihood(array(), x, (int) tx, (int) age);
  }

  /** P(alive at period n + 1): the probability of being alive at the next opportunity. */
  @Override
  public double probabilityAlive(int x, double tx, double age) {
    return probabilityAlive(1, x, tx, age);
  }

  /** The probability of still being alive at opportunity n + m. */
  public double probabilityAlive(int m, int x, double tx, double age) {
    requireDiscreteHistory(x, tx, age);
    if (m < 0) {
      throw new IllegalArgumentException("m must be >= 0, got " + m);
    }
    int n = (int) age;
    double alive =
        logBeta(alpha + x, beta + n - x)
            - logBeta(alpha, beta)
            + logBeta(gamma, delta + n + m)
            - logBeta(gamma, delta);
    return Math.exp(alive - logLikelihood(array(), x, (int) tx, n));
  }

  /** Expected purchases of a new customer in the first n opportunities (n whole). */
  @Override
  public double expectedPurchases(double n) {
    int periods = periods("n", n);
    double ratio =
        Math.exp(
            logGamma(gamma + delta)
                - logGamma(1 + delta)
                + logGamma(1 + delta + periods)
                - logGamma(gamma + delta + periods));
    return alpha / (alpha + beta) * delta / (gamma - 1) * (1 - ratio);
  }

  /** Expected purchases in the next nStar opportunities of a customer with this history. */
  @Override
  public double conditionalExpectedPurchases(double nStar, int x, double tx, double age) {
    requireDiscreteHistory(x, tx, age);
    int m = periods("nStar", nStar);
    int n = (int) age;
    double head =
        logBeta(alpha + x + 1, beta + n - x)
            - logBeta(alpha, beta)
            + logGamma(gamma + delta)
            - logGamma(1 + delta)
            - logLikelihood(array(), x, (int) tx, n);
    double now = Math.exp(logGamma(1 + delta + n) - logGamma(gamma + delta + n));
    double later = Math.exp(logGamma(1 + delta + n + m) - logGamma(gamma + delta + n + m));
    return Math.exp(head) * delta / (gamma - 1) * (now - later);
  }

  /** P(X(n) = x): the probability of exactly x purchases in the first n opportunities. */
  public double probabilityOfPurchases(int n, int x) {
    if (n < 0 || x < 0 || x > n) {
      throw new IllegalArgumentException("need 0 <= x <= n, got x=" + x + ", n=" + n);
    }
    double purchase = logBeta(alpha, beta);
    double dropout = logBeta(gamma, delta);
    double total =
        Math.exp(
            logChoose(n, x)
                + logBeta(alpha + x, beta + n - x)
                - purchase
                + logBeta(gamma, delta + n)
                - dropout);
    for (int i = x; i < n; i++) {
      total +=
          Math.exp(
              logChoose(i, x)
                  + logBeta(alpha + x, beta + i - x)
                  - purchase
                  + logBeta(gamma + 1, delta + i)
                  - dropout);
    }
    return total;
  }

  private static double logChoose(int n, int k) {
    return logGamma(n + 1.0) - logGamma(k + 1.0) - logGamma(n - k + 1.0);
  }
}
