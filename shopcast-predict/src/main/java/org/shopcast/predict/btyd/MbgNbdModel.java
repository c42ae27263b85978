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
 * The MBG/NBD model of Batislam, Denizel &amp; Filiztekin (2007), "Empirical validation and
 * comparison of models for customer base analysis", International Journal of Research in Marketing
 * 24(3), 201-209: BG/NBD in which a customer may also drop out right after the first purchase, so
 * customers with no repeat purchase are not all certainly alive. Use it instead of BG/NBD when many
 * one-time buyers should be allowed to have churned.
 *
 * @param r gamma shape of the purchase rate
 * @param alpha gamma scale of the purchase rate
 * @param a beta parameter of the dropout probability
 * @param b beta parameter of the dropout probability
 * @param provenance how the model was fitted
 */
public record MbgNbdModel(double r, double alpha, double a, double b, FitInfo provenance)
    implements PurchaseModel {

  /** Validates the parameters. */
  public MbgNbdModel {
    Fitting.requirePositive("r", r);
    Fitting.requirePositive("alpha", alpha);
    Fitting.requirePositive("a", a);
    Fitting.requirePositive("b", b);
    Objects.requireNonNull(provenance, "provenance");
  }

  /** A model with given parameters, not fitted. */
  public static MbgNbdModel of(double r, double alpha, double a, double b) {
    return new MbgNbdModel(r, alpha, a, b, FitInfo.given());
  }

  /**
   * Fits the model to a summary by maximum likelihood.
   *
   * @throws IllegalArgumentException when the summary lacks recency or age, or is empty
   */
  public static MbgNbdModel fit(CustomerSummary summary, FitOptions options) {
    summary.requireRecencyAndAge("mbgnbd");
    Fitting.Fitted fitted =
        Fitting.run(
            summary,
            summary.customers(),
            options,
            p -> totalLogLikelihood(summary, p[0], p[1], p[2], p[3]),
            new double[] {1, 1, 1, 1});
    double[] p = fitted.params();
    return new MbgNbdModel(p[0], p[1], p[2], p[3], fitted.info());
  }

  static double totalLogLikelihood(CustomerSummary s, double r, double alpha, double a, double b) {
    int maxX = s.maxFrequency();
    double[] byX = new double[maxX + 1];
    double[] logOdds = new double[maxX + 1];
    double logGammaRatio = 0;
    // log B(a, b + x + 1) - log B(a, b), built up from x = 0
    double logBetaRatio = Math.log(b) - Math.log(a + b);
    double constant = r * Math.log(alpha);
    for (int x = 0; x <= maxX; x++) {
      if (x > 0) {
        logGammaRatio += Math.log(r + x - 1);
        logBetaRatio += Math.log(b + x) - Math.log(a + b + x);
      }
      logOdds[x] = Math.log(a) - Math.log(b + x);
      byX[x] = logGammaRatio + logBetaRatio + constant;
    }
    return ChunkedSum.sum(
        s.size(),
        i -> {
          int x = s.frequency(i);
          double late = -(r + x) * Math.log(alpha + s.age(i));
          double early = logOdds[x] - (r + x) * Math.log(alpha + s.recency(i));
          return s.weight(i) * (byX[x] + logAddExp(late, early));
        });
  }

  @Override
  public String name() {
    return "mbgnbd";
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
        logGamma(r + x) - logGamma(r) + r * Math.log(alpha) + logBeta(a, b + x + 1) - logBeta(a, b);
    double late = -(r + x) * Math.log(alpha + age);
    double early = Math.log(a / (b + x)) - (r + x) * Math.log(alpha + tx);
    return head + logAddExp(late, early);
  }

  @Override
  public double probabilityAlive(int x, double tx, double age) {
    Fitting.requireHistory(x, tx, age);
    double logOdds =
        Math.log(a / (b + x)) + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
    return 1 / (1 + Math.exp(logOdds));
  }

  @Override
  public double expectedPurchases(double t) {
    BgNbdModel.requireTime(t);
    double hyp = hyp2f1(r, b + 1, a + b, t / (alpha + t));
    return b / (a - 1) * (1 - hyp * Math.pow(alpha / (alpha + t), r));
  }

  @Override
  public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
    BgNbdModel.requireTime(t);
    Fitting.requireHistory(x, tx, age);
    double hyp = hyp2f1(r + x, b + x + 1, a + b + x, t / (alpha + age + t));
    double ahead =
        (a + b + x) / (a - 1) * (1 - hyp * Math.pow((alpha + age) / (alpha + age + t), r + x));
    return ahead * probabilityAlive(x, tx, age);
  }
}
