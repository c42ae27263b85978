package org.shopcast.predict.eval;

import java.util.ArrayList;
import java.util.List;
import org.shopcast.predict.btyd.BgNbdModel;
import org.shopcast.predict.btyd.CustomerSummary;
import org.shopcast.predict.btyd.FitOptions;
import org.shopcast.predict.features.TrainingSet;

/**
 * The BTYD baseline of one cutoff: a BG/NBD model (Fader, Hardie &amp; Lee 2005) fitted on the
 * purchase summaries of the users at that cutoff (x = purchase days - 1, t_x and T in weeks from
 * the first purchase day, all from the point-in-time features), giving each user's expected
 * purchases in the horizon and P(alive); users without a purchase get 0 for both.
 */
final class BtydScores {
  final double[] expected;
  final double[] alive;

  private BtydScores(double[] expected, double[] alive) {
    this.expected = expected;
    this.alive = alive;
  }

  /** Fits on the rows of {@code set} (one cutoff) and scores them. */
  static BtydScores of(TrainingSet set) {
    int n = set.size();
    double[] purchaseDays = set.column("purchase_days");
    double[] first = set.column("days_since_first_purchase");
    double[] last = set.column("days_since_last_purchase");
    List<String> ids = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (purchaseDays[i] > 0) {
        ids.add(set.user(i));
        rows.add(i);
      }
    }
    double[] expected = new double[n];
    double[] alive = new double[n];
    if (rows.size() < 10) {
      return new BtydScores(expected, alive);
    }
    int m = rows.size();
    int[] x = new int[m];
    double[] tx = new double[m];
    double[] age = new double[m];
    for (int k = 0; k < m; k++) {
      int i = rows.get(k);
      x[k] = (int) purchaseDays[i] - 1;
      age[k] = Math.floor(first[i]) / 7;
      tx[k] = x[k] == 0 ? 0 : Math.max(0, Math.floor(first[i]) - Math.floor(last[i])) / 7;
      tx[k] = Math.min(tx[k], age[k]);
    }
    CustomerSummary summary = CustomerSummary.of("cutoff", ids, x, tx, age, null, null);
    BgNbdModel model = BgNbdModel.fit(summary, new FitOptions(4000, 1e-10, 3));
    double weeks = set.horizonDays() / 7.0;
    for (int k = 0; k < m; k++) {
      int i = rows.get(k);
      expected[i] = model.conditionalExpectedPurchases(weeks, x[k], tx[k], age[k]);
      alive[i] = model.probabilityAlive(x[k], tx[k], age[k]);
    }
    return new BtydScores(expected, alive);
  }
}
