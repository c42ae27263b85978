package org.shopcast.cli.btyd;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.btyd.ClvOptions;
import org.shopcast.predict.btyd.CustomerLifetimeValue;
import org.shopcast.predict.btyd.CustomerSummary;
import org.shopcast.predict.btyd.FitOptions;
import org.shopcast.predict.btyd.GammaGammaModel;
import org.shopcast.predict.btyd.PurchaseModel;
import org.shopcast.predict.btyd.StoreSummaries;
import org.shopcast.predict.btyd.SummaryReader;
import org.shopcast.predict.btyd.SummaryUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code shopcast btyd predict}: fits a purchase model (and Gamma-Gamma when spend is known) and
 * predicts each customer's expected purchases, P(alive) and CLV.
 */
@Command(
    name = "predict",
    mixinStandardHelpOptions = true,
    description = {
      "Fit a purchase model and predict per customer: expected purchases in the next"
          + " --horizon units, the probability of being alive, and (when spend is known)"
          + " the discounted lifetime value from a Gamma-Gamma spend model.",
      "Reads --summary FILE, or else builds the summary from the workspace store's purchases"
          + " on or before --cutoff (default: the last purchase day)."
    })
public final class BtydPredictCommand implements Callable<Integer> {
  @ParentCommand BtydCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = "--model",
      converter = ModelNameConverter.class,
      paramLabel = "MODEL",
      defaultValue = "bgnbd",
      description = "Purchase model: bgnbd | pareto-nbd | mbgnbd (default: ${DEFAULT-VALUE}).")
  ModelName model;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "Customer summary CSV; without it the summary is built from the store.")
  Path summary;

  @Option(
      names = "--cutoff",
      paramLabel = "DATE",
      description = "Last calibration day (YYYY-MM-DD) when reading the store.")
  LocalDate cutoff;

  @Option(
      names = "--unit",
      paramLabel = "UNIT",
      defaultValue = "weeks",
      description = "Time unit of a summary built from the store: weeks | days (default: weeks).")
  String unit;

  @Option(
      names = "--horizon",
      paramLabel = "T",
      defaultValue = "52",
      description = "Prediction horizon in the summary's unit (default: ${DEFAULT-VALUE}).")
  double horizon;

  @Option(
      names = "--top",
      paramLabel = "N",
      defaultValue = "10",
      description = "Customers shown, by expected purchases; 0 shows all (default: 10).")
  int top;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Also write every customer's predictions to this CSV file.")
  Path out;

  @Option(
      names = "--json",
      description =
          "Print one JSON object: model, params, spendParams, source, customers, horizon,"
              + " predictions [{id, frequency, recency, T, expectedPurchases, pAlive, clv}].")
  boolean json;

  @Override
  public Integer call() {
    if (!(horizon > 0) || Double.isInfinite(horizon)) {
      throw new IllegalArgumentException("--horizon must be > 0, got " + horizon);
    }
    if (top < 0) {
      throw new IllegalArgumentException("--top must be >= 0, got " + top);
    }
    SummaryUnit summaryUnit = parseUnit(unit);
    CustomerSummary data = readSummary(summaryUnit);
    FitOptions options = new FitOptions();
    PurchaseModel purchases = model.fitPurchases(data, options);
    GammaGammaModel spend = fitSpend(data, options);
    ClvOptions clv =
        new ClvOptions(
            12, summary == null && summaryUnit == SummaryUnit.DAYS ? 30.44 : 4.345, 0.01);
    List<Prediction> rows = new ArrayList<>(data.size());
    for (int i = 0; i < data.size(); i++) {
      int x = data.frequency(i);
      double tx = data.recency(i);
      double age = data.age(i);
      rows.add(
          new Prediction(
              data.id(i),
              x,
              tx,
              age,
              purchases.conditionalExpectedPurchases(horizon, x, tx, age),
              purchases.probabilityAlive(x, tx, age),
              spend == null
                  ? null
                  : CustomerLifetimeValue.of(purchases, spend, x, tx, age, data.monetary(i), clv)));
    }
    rows.sort(Comparator.comparingDouble(Prediction::expectedPurchases).reversed());
    if (out != null) {
      writeCsv(rows, spend != null);
    }
    List<Prediction> shown = top == 0 ? rows : rows.subList(0, Math.min(top, rows.size()));
    PrintWriter writer = spec.commandLine().getOut();
    if (json) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("model", model.cliName());
      result.put("params", purchases.params());
      result.put("spendParams", spend == null ? null : spend.params());
      result.put("source", data.source());
      result.put("customers", data.size());
      result.put("horizon", horizon);
      result.put("predictions", shown.stream().map(Prediction::toMap).toList());
      Json.print(writer, result);
    } else {
      writer.printf(
          "model %s on %s (%,d customers) %s%n",
          model.cliName(), data.source(), data.size(), purchases.params());
      writer.printf(
          "%-12s %5s %8s %8s %10s %7s %10s%n",
          "id", "x", "t_x", "T", "E[purch]", "P(alive)", "CLV");
      for (Prediction row : shown) {
        writer.printf(
            Locale.ROOT,
            "%-12s %5d %8.2f %8.2f %10.3f %7.3f %10s%n",
            row.id(),
            row.frequency(),
            row.recency(),
            row.age(),
            row.expectedPurchases(),
            row.pAlive(),
            row.clv() == null ? "-" : String.format(Locale.ROOT, "%.2f", row.clv()));
      }
      writer.flush();
    }
    return 0;
  }

  private static SummaryUnit parseUnit(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "weeks" -> SummaryUnit.WEEKS;
      case "days" -> SummaryUnit.DAYS;
      default -> throw new IllegalArgumentException("--unit must be weeks or days, got " + text);
    };
  }

  private CustomerSummary readSummary(SummaryUnit summaryUnit) {
    if (summary != null) {
      if (cutoff != null) {
        throw new IllegalArgumentException("--cutoff applies to the store, not to --summary");
      }
      CustomerSummary data = SummaryReader.read(summary);
      if (!data.hasRecencyAndAge()) {
        throw new IllegalArgumentException(
            "summary " + summary + " needs recency (t_x) and T columns to predict purchases");
      }
      return data;
    }
    try (EventStore store = EventStore.open(parent.root().workspace())) {
      return StoreSummaries.fromStore(store.connection(), cutoff, summaryUnit);
    }
  }

  private static GammaGammaModel fitSpend(CustomerSummary data, FitOptions options) {
    if (!data.hasMonetary()) {
      return null;
    }
    for (int i = 0; i < data.size(); i++) {
      if (data.frequency(i) > 0 && data.monetary(i) > 0) {
        return GammaGammaModel.fit(data, options);
      }
    }
    return null;
  }

  private void writeCsv(List<Prediction> rows, boolean withClv) {
    try (Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      writer.write(
          "id,frequency,recency,T,expected_purchases,p_alive" + (withClv ? ",clv" : "") + "\n");
      for (Prediction row : rows) {
        writer.write(
            row.id()
                + ','
                + row.frequency()
                + ','
                + row.recency()
                + ','
                + row.age()
                + ','
                + row.expectedPurchases()
                + ','
                + row.pAlive()
                + (withClv ? "," + row.clv() : "")
                + "\n");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + out, e);
    }
  }

  /** One customer's predictions. */
  private record Prediction(
      String id,
      int frequency,
      double recency,
      double age,
      double expectedPurchases,
      double pAlive,
      Double clv) {
    Map<String, Object> toMap() {
      Map<String, Object> map = new LinkedHashMap<>();
      map.put("id", id);
      map.put("frequency", frequency);
      map.put("recency", recency);
      map.put("T", age);
      map.put("expectedPurchases", expectedPurchases);
      map.put("pAlive", pAlive);
      if (clv != null) {
        map.put("clv", clv);
      }
      return map;
    }
  }
}
