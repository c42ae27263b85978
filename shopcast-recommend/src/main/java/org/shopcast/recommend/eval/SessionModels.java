package org.shopcast.recommend.eval;

import java.util.List;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.als.AlsModel;
import org.shopcast.recommend.als.AlsOptions;
import org.shopcast.recommend.gru.Gru4RecModel;
import org.shopcast.recommend.gru.Gru4RecOptions;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.knn.ItemKnnOptions;
import org.shopcast.recommend.knn.SessionKnnModel;
import org.shopcast.recommend.knn.SessionKnnOptions;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.SessionDataset;

/** The session models by name, each with its default settings, for evaluations and the CLI. */
public final class SessionModels {
  /** Every model name, in report order. */
  public static final List<String> NAMES =
      List.of("popular", "trending", "iknn", "sknn", "vsknn", "als", "gru4rec");

  /** The baseline always reported beside the others. */
  public static final String BASELINE = "popular";

  private SessionModels() {}

  /**
   * Fits the named model on the training sessions.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Recommender fit(String name, SessionDataset train) {
    return fit(name, train, new Gru4RecOptions());
  }

  /**
   * Fits the named model; {@code gru4rec} with the given settings, the others with their defaults.
   *
   * @throws IllegalArgumentException for an unknown name, listing the known ones
   */
  public static Recommender fit(String name, SessionDataset train, Gru4RecOptions gru) {
    return switch (name) {
      case "popular" -> PopularityModel.fit(train, new PopularityOptions());
      case "trending" -> PopularityModel.fit(train, PopularityOptions.trending(24));
      case "iknn" -> ItemKnnModel.fit(train, new ItemKnnOptions());
      case "sknn" -> SessionKnnModel.fit(train, SessionKnnOptions.sknn());
      case "vsknn" -> SessionKnnModel.fit(train, SessionKnnOptions.vsknn());
      case "als" -> AlsModel.fit(train, new AlsOptions(32, 0.1, 40, 10, 3, 42));
      case "gru4rec" -> Gru4RecModel.fit(train, gru);
      default ->
          throw new IllegalArgumentException(
              "unknown model '" + name + "', expected one of " + String.join(", ", NAMES));
    };
  }
}
