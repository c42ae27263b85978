package org.shopcast.cli.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.select.Batch;
import org.shopcast.forecast.select.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code shopcast forecast}: forecasts every series of a CSV file, or a KPI of the workspace. */
@Command(
    name = "forecast",
    mixinStandardHelpOptions = true,
    description = {
      "Forecast every series of a CSV file (--csv), or a KPI of the --workspace store (--metric"
          + " orders --grain day: the zero-filled series of `shopcast analyze kpis`), with"
          + " intervals, in parallel over all cores.",
      "Models: naive, snaive, drift, mean, ma, naive2, ets (AutoETS), theta, otm (optimised"
          + " Theta), arima (AutoARIMA), mstl (MSTL over --seasons with AutoETS on the"
          + " seasonally adjusted series; mstl-arima with AutoARIMA), auto (per-series choice by"
          + " backtest), ensemble (median of the 3 best by backtest).",
      "A series that does not suit the model (too short, constant, gaps) fails the command"
          + " with a message naming it."
    })
public final class ForecastCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand RootCommand root;

  @Mixin SeriesOptions series;

  @Option(
      names = "--model",
      defaultValue = "auto",
      paramLabel = "M",
      description = "Model name (default: ${DEFAULT-VALUE}).")
  String model;

  @Option(
      names = "--json",
      description =
          "Print {\"model\",\"series\":[{\"id\",\"model\",\"forecast\",\"lower\",\"upper\"}]}"
              + " with series in file order; with --metric the id is the KPI, and \"grain\","
              + " \"season\" and \"dates\" (bucket starts of the forecasts) are added.")
  boolean json;

  /**
   * The JSON output.
   *
   * @param model the model asked for
   * @param series one entry per series in file order
   * @param grain with --metric, the bucket width; else absent
   * @param season with --metric, the season period used; else absent
   * @param dates with --metric, the start of each forecast bucket (local time); else absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Output(
      String model,
      List<SeriesForecast> series,
      String grain,
      Integer season,
      List<String> dates) {}

  /**
   * One series' forecast.
   *
   * @param id the series id
   * @param model the model used (for auto, the one chosen)
   * @param forecast point forecasts
   * @param lower lower interval bounds
   * @param upper upper interval bounds
   */
  public record SeriesForecast(
      String id, String model, double[] forecast, double[] lower, double[] upper) {}

  @Override
  public Integer call() {
    SeriesOptions.Input input = series.read(root.workspace());
    List<NamedSeries> all = input.series();
    var forecaster = Models.create(model, input.season(), input.periods(), series.horizon);
    List<Batch.Result> results =
        Batch.forecastAll(
            all.stream().map(NamedSeries::values).toList(),
            forecaster,
            series.horizon,
            series.level,
            series.threads);
    List<SeriesForecast> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      Batch.Result r = results.get(i);
      if (r.error() != null) {
        throw new IllegalStateException(
            input.source(series.csv) + ": series " + all.get(i).id() + ": " + r.error());
      }
      Forecast f = r.forecast();
      out.add(new SeriesForecast(all.get(i).id(), f.model(), f.point(), f.lower(), f.upper()));
    }
    PrintWriter pw = spec.commandLine().getOut();
    KpiSource.Loaded kpi = input.kpi();
    List<String> dates = kpi == null ? null : kpi.futureTimes(series.horizon);
    if (json) {
      Json.print(
          pw,
          kpi == null
              ? new Output(model, out, null, null, null)
              : new Output(
                  model, out, kpi.grain().name().toLowerCase(Locale.ROOT), input.season(), dates));
      return 0;
    }
    if (kpi != null) {
      SeriesForecast s = out.get(0);
      pw.printf(
          Locale.ROOT,
          "%s per %s, %d buckets %s .. %s, season %d, model %s%n",
          s.id(),
          kpi.grain().name().toLowerCase(Locale.ROOT),
          kpi.values().length,
          kpi.times().get(0),
          kpi.times().get(kpi.times().size() - 1),
          input.season(),
          s.model());
      pw.printf("  %-19s %14s %14s %14s%n", "t", "forecast", "lower", "upper");
      for (int h = 0; h < s.forecast().length; h++) {
        pw.printf(
            Locale.ROOT,
            "  %-19s %14.4f %14.4f %14.4f%n",
            dates.get(h),
            s.forecast()[h],
            s.lower()[h],
            s.upper()[h]);
      }
      pw.flush();
      return 0;
    }
    for (SeriesForecast s : out) {
      pw.printf("%s  %s%n", s.id(), s.model());
      pw.printf("  %4s %14s %14s %14s%n", "h", "forecast", "lower", "upper");
      for (int h = 0; h < s.forecast().length; h++) {
        pw.printf(
            Locale.ROOT,
            "  %4d %14.4f %14.4f %14.4f%n",
            h + 1,
            s.forecast()[h],
            s.lower()[h],
            s.upper()[h]);
      }
    }
    pw.flush();
    return 0;
  }
}
