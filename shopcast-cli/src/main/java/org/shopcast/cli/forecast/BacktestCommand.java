package org.shopcast.cli.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.forecast.Forecaster;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.select.Backtest;
import org.shopcast.forecast.select.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code shopcast backtest}: rolling-origin scores per model over the series of a CSV file or a KPI
 * of the workspace.
 */
@Command(
    name = "backtest",
    mixinStandardHelpOptions = true,
    description = {
      "Score models by rolling-origin backtest on every series of a CSV file (--csv), or on a KPI"
          + " of the --workspace store (--metric orders --grain day), and print one row"
          + " per model: MASE (seasonal period --season), sMAPE, MAE, RMSE, MAPE, interval"
          + " coverage, averaged over windows and series.",
      "The last window ends at the last value; earlier ones step back by --step. A series too"
          + " short for a model is counted under 'failed' and the first reason is printed."
    })
public final class BacktestCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @ParentCommand RootCommand root;

  @Mixin SeriesOptions series;

  @Option(
      names = "--models",
      split = ",",
      defaultValue = "naive,snaive,ets,theta,arima",
      paramLabel = "M",
      description = "Comma-separated models (default: ${DEFAULT-VALUE}).")
  List<String> models;

  @Option(
      names = "--step",
      paramLabel = "N",
      description = "Distance between origins (default: the horizon).")
  Integer step;

  @Option(
      names = "--windows",
      defaultValue = "1",
      paramLabel = "W",
      description = "Number of origins (default: ${DEFAULT-VALUE}).")
  int windows;

  @Option(names = "--json", description = "Print {\"rows\":[{model, mase, smape, ...}]}.")
  boolean json;

  /**
   * One model's average scores.
   *
   * @param model the model
   * @param series series scored
   * @param failed series the model could not fit
   * @param mase mean MASE
   * @param smape mean sMAPE
   * @param mae mean MAE
   * @param rmse mean RMSE
   * @param mape mean MAPE
   * @param coverage mean interval coverage
   * @param error the first failure's reason, when a series failed; else absent
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Row(
      String model,
      int series,
      int failed,
      double mase,
      double smape,
      double mae,
      double rmse,
      double mape,
      double coverage,
      String error) {}

  /**
   * The JSON output.
   *
   * @param rows one per model
   * @param season the season period of the MASE (and of the seasonal models)
   */
  public record Output(List<Row> rows, int season) {}

  @Override
  public Integer call() {
    Backtest bt = new Backtest(series.horizon, step == null ? series.horizon : step, windows);
    SeriesOptions.Input input = series.read(root.workspace());
    List<NamedSeries> all = input.series();
    List<Row> rows = new ArrayList<>();
    int threads = series.threads <= 0 ? Runtime.getRuntime().availableProcessors() : series.threads;
    ForkJoinPool pool = new ForkJoinPool(threads);
    try {
      for (String name : models) {
        Forecaster f = Models.create(name.trim(), input.season(), input.periods(), series.horizon);
        List<Object> scores =
            pool.submit(
                    () ->
                        IntStream.range(0, all.size())
                            .parallel()
                            .mapToObj(i -> score(bt, f, all.get(i), input.season()))
                            .toList())
                .join();
        rows.add(row(f.name(), scores));
      }
    } finally {
      pool.shutdown();
    }
    PrintWriter pw = spec.commandLine().getOut();
    if (json) {
      Json.print(pw, new Output(rows, input.season()));
      return 0;
    }
    KpiSource.Loaded kpi = input.kpi();
    if (kpi != null) {
      pw.printf(
          Locale.ROOT,
          "%s per %s, %d buckets %s .. %s, season %d, %d window(s) of %d%n",
          kpi.metric(),
          kpi.grain().name().toLowerCase(Locale.ROOT),
          kpi.values().length,
          kpi.times().get(0),
          kpi.times().get(kpi.times().size() - 1),
          input.season(),
          windows,
          series.horizon);
    }
    pw.printf(
        "%-10s %7s %7s %10s %10s %12s %10s %10s %9s%n",
        "model", "series", "failed", "MASE", "sMAPE", "MAE", "RMSE", "MAPE", "coverage");
    for (Row r : rows) {
      pw.printf(
          Locale.ROOT,
          "%-10s %7d %7d %10.4f %10.4f %12.4f %10.4f %10.4f %9.3f%n",
          r.model(),
          r.series(),
          r.failed(),
          r.mase(),
          r.smape(),
          r.mae(),
          r.rmse(),
          r.mape(),
          r.coverage());
    }
    for (Row r : rows) {
      if (r.error() != null) {
        pw.printf("%s failed: %s%n", r.model(), r.error());
      }
    }
    pw.flush();
    return 0;
  }

  /** The scores of {@code f} on one series, or the reason it failed (a String). */
  private Object score(Backtest bt, Forecaster f, NamedSeries s, int season) {
    try {
      return bt.evaluate(f, s.values(), season, series.level);
    } catch (RuntimeException e) {
      return s.id() + ": " + e.getMessage();
    }
  }

  private static Row row(String model, List<Object> scores) {
    double[] s = new double[6];
    int ok = 0;
    String error = null;
    for (Object o : scores) {
      if (!(o instanceof Backtest.Score sc)) {
        error = error == null ? (String) o : error;
        continue;
      }
      ok++;
      s[0] += sc.mase();
      s[1] += sc.smape();
      s[2] += sc.mae();
      s[3] += sc.rmse();
      s[4] += sc.mape();
      s[5] += sc.coverage();
    }
    for (int i = 0; i < s.length; i++) {
      s[i] = ok == 0 ? Double.NaN : s[i] / ok;
    }
    return new Row(model, ok, scores.size() - ok, s[0], s[1], s[2], s[3], s[4], s[5], error);
  }
}
