package org.shopcast.predict.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.predict.btyd.BgNbdModel;
import org.shopcast.predict.btyd.CustomerSummary;
import org.shopcast.predict.btyd.FitOptions;
import org.shopcast.predict.btyd.GammaGammaModel;
import org.shopcast.predict.features.TrainingSet;

/**
 * The BTYD baselines of the rows of one cutoff: BG/NBD (Fader, Hardie &amp; Lee 2005) fitted on the
 * point-in-time purchase summaries (x = purchase days - 1, t_x and T in weeks from the first
 * purchase day) and Gamma-Gamma (Fader, Hardie &amp; Lee 2005, "RFM and CLV") on the repeat buyers'
 * spend per purchase day. Gives each row's expected spend in the horizon (expected purchases times
 * the conditional mean spend) and P(at least one purchase within t days), which for BG/NBD is
 * P(alive) (1 - ((alpha + T) / (alpha + T + t))^(r + x)): an alive customer's rate has the
 * posterior gamma(r + x, alpha + T) and a customer can only drop out right after a purchase. Users
 * without a purchase before the cutoff get 0; fewer than 10 buyers give 0 for everyone.
 */
final class BtydRows {
  private final BgNbdModel model;
  private final GammaGammaModel spend;
  private final boolean[] buyer;
  private final int[] x;
  private final double[] tx;
  private final double[] age;
  private final double[] zbar;

  private BtydRows(
      BgNbdModel model,
      GammaGammaModel spend,
      boolean[] buyer,
      int[] x,
      double[] tx,
      double[] age,
      double[] zbar) {
    this.model = model;
    this.spend = spend;
    this.buyer = buyer;
    this.x = x;
    this.tx = tx;
    this.age = age;
    this.zbar = zbar;
  }

  /** Fits on the rows of {@code set}, which must all have the same cutoff. */
  static BtydRows of(TrainingSet set) {
    int n = set.size();
    double[] purchaseDays = set.column("purchase_days");
    double[] first = set.column("days_since_first_purchase");
    double[] last = set.column("days_since_last_purchase");
    double[] monetary = set.column("monetary_total");
    boolean[] buyer = new boolean[n];
    int[] x = new int[n];
    double[] tx = new double[n];
    double[] age = new double[n];
    double[] zbar = new double[n];
    List<String> ids = new ArrayList<>();
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (purchaseDays[i] > 0) {
        buyer[i] = true;
        x[i] = (int) purchaseDays[i] - 1;
        age[i] = Math.floor(first[i]) / 7;
        tx[i] = x[i] == 0 ? 0 : Math.max(0, Math.floor(first[i]) - Math.floor(last[i])) / 7;
        tx[i] = Math.min(tx[i], age[i]);
        zbar[i] = Math.max(0, monetary[i] / purchaseDays[i]);
        ids.add(set.user(i));
        rows.add(i);
      }
    }
    if (rows.size() < 10) {
      return new BtydRows(null, null, buyer, x, tx, age, zbar);
    }
    int m = rows.size();
    int[] fx = new int[m];
    double[] ftx = new double[m];
    double[] fage = new double[m];
    for (int k = 0; k < m; k++) {
      int i = rows.get(k);
      fx[k] = x[i];
      ftx[k] = tx[i];
      fage[k] = age[i];
    }
    FitOptions options = new FitOptions(4000, 1e-10, 3);
    BgNbdModel model =
        BgNbdModel.fit(CustomerSummary.of("cutoff", ids, fx, ftx, fage, null, null), options);
    List<String> repeatIds = new ArrayList<>();
    List<Integer> repeat = new ArrayList<>();
    for (int i : rows) {
      if (x[i] > 0 && zbar[i] > 0) {
        repeatIds.add(set.user(i));
        repeat.add(i);
      }
    }
    GammaGammaModel spend = null;
    if (repeat.size() >= 10) {
      int[] gx = new int[repeat.size()];
      double[] gm = new double[repeat.size()];
      for (int k = 0; k < gx.length; k++) {
        gx[k] = x[repeat.get(k)];
        gm[k] = zbar[repeat.get(k)];
      }
      spend =
          GammaGammaModel.fit(
              CustomerSummary.of("cutoff", repeatIds, gx, null, null, gm, null), options);
      if (!(spend.q() > 1)) {
        spend = null;
      }
    }
    return new BtydRows(model, spend, buyer, x, tx, age, zbar);
  }

  /** Fits one model per cutoff of {@code set} and returns them by cutoff. */
  static Map<java.time.Instant, BtydRows> byCutoff(TrainingSet set) {
    Map<java.time.Instant, BtydRows> out = new HashMap<>();
    for (int i = 0; i < set.size(); i++) {
      java.time.Instant c = set.cutoff(i);
      if (!out.containsKey(c)) {
        out.put(c, of(set.atCutoff(c)));
      }
    }
    return out;
  }

  /** The fitted BG/NBD model, or null when there were too few buyers. */
  BgNbdModel model() {
    return model;
  }

  /** Row {@code i}'s expected spend in the next {@code days} days. */
  double expectedSpend(int i, double days) {
    if (model == null || !buyer[i]) {
      return 0;
    }
    double purchases = model.conditionalExpectedPurchases(days / 7, x[i], tx[i], age[i]);
    double perPurchase =
        spend == null ? zbar[i] : spend.conditionalExpectedAverageSpend(x[i], zbar[i]);
    return purchases * perPurchase;
  }

  /** Row {@code i}'s P(at least one purchase within {@code days} days). */
  double probabilityWithin(int i, double days) {
    if (model == null || !buyer[i]) {
      return 0;
    }
    double alive = model.probabilityAlive(x[i], tx[i], age[i]);
    double weeks = days / 7;
    double none =
        Math.pow((model.alpha() + age[i]) / (model.alpha() + age[i] + weeks), model.r() + x[i]);
    return alive * (1 - none);
  }
}
