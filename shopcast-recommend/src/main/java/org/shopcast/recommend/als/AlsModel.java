package org.shopcast.recommend.als;

import java.util.LinkedHashMap;
import java.util.Map;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.popular.BehaviourWeights;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Implicit ALS ({@link ImplicitAls}) as a recommender: trained on the sessions (or user histories)
 * with strength = sum of the behaviour weights of the row's events on an item; a new context is
 * folded in by solving its own least-squares factor vector against the fixed item factors, so any
 * session or user history can be scored without retraining. Use it for "recommended for you" on
 * users with some history; on short anonymous sessions the neighbourhood models are stronger.
 */
public final class AlsModel implements Recommender {
  private final double[][] itemFactors;
  private final double[][] gram;
  private final AlsOptions options;

  private AlsModel(double[][] itemFactors, AlsOptions options) {
    this.itemFactors = itemFactors;
    this.options = options;
    this.gram = ImplicitAls.gram(itemFactors, options.factors());
  }

  /** Fits the factors on the training sessions. */
  public static AlsModel fit(SessionDataset train, AlsOptions options) {
    int cells = 0;
    for (Session s : train.sessions()) {
      cells += s.size();
    }
    int[] rows = new int[cells];
    int[] cols = new int[cells];
    double[] values = new double[cells];
    int n = 0;
    for (int r = 0; r < train.sessions().size(); r++) {
      Session s = train.sessions().get(r);
      for (int i = 0; i < s.size(); i++) {
        rows[n] = r;
        cols[n] = s.item(i);
        values[n++] = BehaviourWeights.of(s.type(i));
      }
    }
    SparseMatrix matrix =
        SparseMatrix.of(train.sessions().size(), train.items().size(), rows, cols, values);
    return new AlsModel(ImplicitAls.fit(matrix, options).item(), options);
  }

  @Override
  public String name() {
    return "als";
  }

  @Override
  public int itemCount() {
    return itemFactors.length;
  }

  /** The fitted factor vector of {@code item} (a copy). */
  public double[] itemFactor(int item) {
    return itemFactors[item].clone();
  }

  @Override
  public void score(Context context, Scores scores) {
    Map<Integer, Double> strength = new LinkedHashMap<>();
    for (int i = 0; i < context.size(); i++) {
      int item = context.item(i);
      if (item >= 0 && item < itemFactors.length) {
        strength.merge(item, BehaviourWeights.of(context.type(i)), Double::sum);
      }
    }
    if (strength.isEmpty()) {
      return;
    }
    int[] columns = strength.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] values = strength.values().stream().mapToDouble(Double::doubleValue).toArray();
    double[] user = ImplicitAls.solve(columns, values, itemFactors, gram, options);
    for (int item = 0; item < itemFactors.length; item++) {
      scores.add(item, ImplicitAls.dot(user, itemFactors[item]));
    }
  }
}
