package org.shopcast.cli.btyd;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.predict.btyd.CustomerSummary;
import org.shopcast.predict.btyd.FitInfo;
import org.shopcast.predict.btyd.FitOptions;
import org.shopcast.predict.btyd.GammaGammaModel;
import org.shopcast.predict.btyd.PurchaseModel;
import org.shopcast.predict.btyd.SummaryReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shopcast btyd fit}: maximum-likelihood fit of one BTYD model on a summary file. */
@Command(
    name = "fit",
    mixinStandardHelpOptions = true,
    description = {
      "Fit a BTYD model by maximum likelihood on a customer summary file and print its"
          + " parameters and log-likelihood.",
      "bgnbd, pareto-nbd and mbgnbd need frequency, recency and T; gamma-gamma needs frequency"
          + " and monetary (it is fitted on the repeat buyers)."
    })
public final class BtydFitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      required = true,
      converter = ModelNameConverter.class,
      paramLabel = "MODEL",
      description = "bgnbd | pareto-nbd | mbgnbd | gamma-gamma")
  ModelName model;

  @Option(
      names = "--summary",
      required = true,
      paramLabel = "FILE",
      description = "Customer summary CSV (id, frequency, recency, T[, monetary_value]).")
  Path summary;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: model, params (r, alpha, a, b; Pareto/NBD r, alpha, s, beta;"
              + " Gamma-Gamma p, q, v), logLikelihood, customers, converged, source.")
  boolean json;

  @Override
  public Integer call() {
    CustomerSummary data = SummaryReader.read(summary);
    FitOptions options = new FitOptions();
    Map<String, Double> params;
    FitInfo info;
    if (model == ModelName.GAMMA_GAMMA) {
      GammaGammaModel fitted = GammaGammaModel.fit(data, options);
      params = fitted.params();
      info = fitted.provenance();
    } else {
      PurchaseModel fitted = model.fitPurchases(data, options);
      params = fitted.params();
      info = fitted.provenance();
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("model", model.cliName());
    result.put("params", params);
    result.put("logLikelihood", info.logLikelihood());
    result.put("customers", info.customers());
    result.put("converged", info.converged());
    result.put("source", info.source());
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      Json.print(out, result);
    } else {
      out.printf("model %s on %s (%,d customers)%n", model.cliName(), summary, info.customers());
      params.forEach((name, value) -> out.printf("  %-6s %.6f%n", name, value));
      out.printf(
          "log-likelihood %.4f%s%n",
          info.logLikelihood(), info.converged() ? "" : "  (not converged)");
      out.flush();
    }
    return 0;
  }
}
