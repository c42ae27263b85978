package org.shopcast.cli.btyd;

import java.util.Locale;
import org.shopcast.predict.btyd.BgNbdModel;
import org.shopcast.predict.btyd.CustomerSummary;
import org.shopcast.predict.btyd.FitOptions;
import org.shopcast.predict.btyd.MbgNbdModel;
import org.shopcast.predict.btyd.ParetoNbdModel;
import org.shopcast.predict.btyd.PurchaseModel;

/** The model names {@code --model} accepts. */
enum ModelName {
  BGNBD("bgnbd"),
  PARETO_NBD("pareto-nbd"),
  MBGNBD("mbgnbd"),
  GAMMA_GAMMA("gamma-gamma");

  private final String cliName;

  ModelName(String cliName) {
    this.cliName = cliName;
  }

  String cliName() {
    return cliName;
  }

  /** Picocli converter: the model with this command-line name. */
  static ModelName parse(String text) {
    for (ModelName name : values()) {
      if (name.cliName.equals(text.toLowerCase(Locale.ROOT))) {
        return name;
      }
    }
    throw new IllegalArgumentException(
        "--model must be one of bgnbd, pareto-nbd, mbgnbd, gamma-gamma, got '" + text + "'");
  }

  /** Fits this purchase model. */
  PurchaseModel fitPurchases(CustomerSummary summary, FitOptions options) {
    return switch (this) {
      case BGNBD -> BgNbdModel.fit(summary, options);
      case PARETO_NBD -> ParetoNbdModel.fit(summary, options);
      case MBGNBD -> MbgNbdModel.fit(summary, options);
      case GAMMA_GAMMA ->
          throw new IllegalArgumentException(
              "--model gamma-gamma is a spend model; predict needs a purchase model"
                  + " (bgnbd, pareto-nbd, mbgnbd)");
    };
  }

  @Override
  public String toString() {
    return cliName;
  }
}
