package org.shopcast.recommend.workspace;

import org.shopcast.recommend.als.AlsOptions;
import org.shopcast.recommend.fbt.FbtOptions;
import org.shopcast.recommend.knn.ItemKnnOptions;

/**
 * Settings of {@link RecsTrainer}.
 *
 * @param model the model whose user lists are stored
 * @param n list length per user and per item
 * @param excludePurchased leave out of each user's list the items that user bought (the default)
 * @param itemKnn item-kNN settings (user lists of {@code iknn} and every similar-items list)
 * @param userNeighbours k of user-kNN
 * @param als ALS settings
 * @param fbt frequently-bought-together settings (user and item lists of {@code fbt})
 */
public record TrainRecsOptions(
    RecsModel model,
    int n,
    boolean excludePurchased,
    ItemKnnOptions itemKnn,
    int userNeighbours,
    AlsOptions als,
    FbtOptions fbt) {
  /** Validates the settings. */
  public TrainRecsOptions {
    if (model == null) {
      throw new IllegalArgumentException("model must not be null");
    }
    if (n < 1 || n > 1000) {
      throw new IllegalArgumentException("n must be in [1, 1000], got " + n);
    }
    if (itemKnn == null || als == null || fbt == null) {
      throw new IllegalArgumentException("itemKnn, als and fbt settings must not be null");
    }
    if (userNeighbours < 1) {
      throw new IllegalArgumentException("userNeighbours must be >= 1, got " + userNeighbours);
    }
  }

  /**
   * The defaults for {@code model} and {@code n}: purchased items excluded; item-kNN with 100
   * neighbours, λ 20, history decay 0.8 (as the live {@link StoreRecommender}); user-kNN k = 50;
   * ALS with 32 factors, λ 0.1, α 40, 10 sweeps of 3 conjugate-gradient steps, seed 42;
   * bought-together with the default {@link FbtOptions}.
   */
  public static TrainRecsOptions of(RecsModel model, int n) {
    return new TrainRecsOptions(
        model,
        n,
        true,
        new ItemKnnOptions(100, 20, 0.5, 0, 0.8),
        50,
        new AlsOptions(32, 0.1, 40, 10, 3, 42),
        new FbtOptions());
  }

  /** The settings as a small JSON object, stored with the lists. */
  String toJson() {
    return "{\"model\": \""
        + model.id()
        + "\", \"n\": "
        + n
        + ", \"excludePurchased\": "
        + excludePurchased
        + ", \"itemKnn\": {\"neighbours\": "
        + itemKnn.neighbours()
        + ", \"lambda\": "
        + itemKnn.lambda()
        + ", \"alpha\": "
        + itemKnn.alpha()
        + ", \"halfLifeHours\": "
        + itemKnn.halfLifeHours()
        + ", \"historyDecay\": "
        + itemKnn.historyDecay()
        + "}, \"userNeighbours\": "
        + userNeighbours
        + ", \"als\": {\"factors\": "
        + als.factors()
        + ", \"regularization\": "
        + als.regularization()
        + ", \"alpha\": "
        + als.alpha()
        + ", \"iterations\": "
        + als.iterations()
        + ", \"conjugateGradientSteps\": "
        + als.conjugateGradientSteps()
        + ", \"seed\": "
        + als.seed()
        + "}, \"fbt\": "
        + fbt.toJson()
        + "}";
  }
}
