package org.shopcast.predict.btyd;

import java.util.Map;

/**
 * A fitted buy-till-you-die model of repeat purchasing. Time is in the unit of the summary it was
 * fitted on (weeks for CDNOW; periods for the discrete BG/BB model); x is the number of repeat
 * transactions, t_x the time of the last one and T the customer's age, both measured from the first
 * transaction.
 */
public sealed interface PurchaseModel permits BgNbdModel, ParetoNbdModel, MbgNbdModel, BgBbModel {

  /** The model's command-line name ({@code bgnbd}, {@code pareto-nbd}, ...). */
  String name();

  /** The parameters by their names in the papers, in the papers' order. */
  Map<String, Double> params();

  /** How the model was fitted. */
  FitInfo provenance();

  /** The log-likelihood of one customer's summary. */
  double logLikelihood(int x, double tx, double age);

  /** The probability that a customer with this history is still alive at the end of T. */
  double probabilityAlive(int x, double tx, double age);

  /** Expected repeat purchases of a new customer in (0, t]. */
  double expectedPurchases(double t);

  /** Expected purchases in (T, T + t] of a customer with this history. */
  double conditionalExpectedPurchases(double t, int x, double tx, double age);
}
