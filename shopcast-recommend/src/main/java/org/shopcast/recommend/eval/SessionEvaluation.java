package org.shopcast.recommend.eval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.gru.Gru4RecOptions;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Fits the named session models on the training sessions and scores each with {@link
 * NextItemEvaluator} on the test sessions; the popularity baseline is always included, first.
 */
public final class SessionEvaluation {
  private SessionEvaluation() {}

  /** Runs the evaluation; {@code models} are {@link SessionModels} names. */
  public static List<ModelScore> run(
      SessionDataset train, SessionDataset test, int k, List<String> models) {
    return run(train, test, k, models, new Gru4RecOptions());
  }

  /** Runs the evaluation with the given GRU4Rec settings. */
  public static List<ModelScore> run(
      SessionDataset train, SessionDataset test, int k, List<String> models, Gru4RecOptions gru) {
    Set<String> names = new LinkedHashSet<>();
    names.add(SessionModels.BASELINE);
    for (String name : models) {
      if (!SessionModels.NAMES.contains(name)) {
        throw new IllegalArgumentException(
            "unknown model '"
                + name
                + "', expected one of "
                + String.join(", ", SessionModels.NAMES));
      }
      names.add(name);
    }
    PopularityModel pop = PopularityModel.fit(train, new PopularityOptions());
    double[] popularity = new double[pop.itemCount()];
    for (int i = 0; i < popularity.length; i++) {
      popularity[i] = pop.score(i);
    }
    NextItemEvaluator evaluator = new NextItemEvaluator(k);
    List<ModelScore> out = new ArrayList<>();
    for (String name : names) {
      long start = System.nanoTime();
      Recommender model = SessionModels.fit(name, train, gru);
      double fit = (System.nanoTime() - start) / 1e9;
      out.add(evaluator.evaluate(model, test, popularity, fit));
    }
    return out;
  }
}
