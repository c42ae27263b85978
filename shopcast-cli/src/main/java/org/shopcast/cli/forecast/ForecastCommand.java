package org.shopcast.cli.forecast;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.cli.Json;
import org.shopcast.cli.RootCommand;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.arima.AutoArima;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.regression.Covariates;
import org.shopcast.forecast.regression.LinearRegression;
import org.shopcast.forecast.regression.RegressorCsv;
import org.shopcast.forecast.select.Batch;
import org.shopcast.forecast.select.Models;
import org.shopcast.forecast.var.Var;
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
          + " Theta), arima (AutoARIMA; with --regressors a regression with ARIMA errors), mstl (MSTL over --seasons with AutoETS on the"
          + " seasonally adjusted series; mstl-arima with AutoARIMA), auto (per-series choice by"
          + " backtest), ensemble (median of the 3 best by backtest), regression (trend, Fourier"
          + " terms per season, with --metric day-of-week and month dummies, and the"
          + " --regressors file; intervals from the residual variance and leverage), var (vector"
          + " autoregression of all the series together, e.g. --metric views,carts,orders; order"
          + " by AIC), gru (a GRU over sliding windows of the series, trained with DJL on the"
          + " PyTorch CPU engine; intervals from validation-window residuals).",
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
      names = "--regressors",
      paramLabel = "FILE",
      description =
          "With --model regression or arima: CSV of external regressors (header time,NAME,...; e.g. promo"
              + " or holiday 0/1), one row per bucket of the history AND the horizon (future"
              + " values are required). With --metric rows are matched by bucket time (ISO date"
              + " or local date-time); with --csv they are taken in order (history + horizon"
              + " rows).")
  Path regressors;

  @Option(
      names = "--html",
      paramLabel = "FILE",
      description =
          "Also write a self-contained HTML page (ECharts inlined) with one chart per series:"
              + " the last part of the history, the forecast and the interval band.")
  Path html;

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
    boolean covariates = "regression".equals(model) && (input.kpi() != null || regressors != null);
    if (regressors != null && !"regression".equals(model) && !"arima".equals(model)) {
      throw new IllegalArgumentException(
          "--regressors applies to --model regression or arima only, got --model " + model);
    }
    List<Batch.Result> results =
        covariates
            ? regression(input, (LinearRegression) forecaster)
            : regressors != null
                ? arimaWithRegressors(input, (AutoArima) forecaster)
                : "var".equals(model)
                    ? ((Var) forecaster)
                            .fit(all.stream().map(NamedSeries::values).toArray(double[][]::new))
                            .forecast(series.horizon, series.level)
                            .stream()
                            .map(f -> new Batch.Result(f, null))
                            .toList()
                    : Batch.forecastAll(
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
    if (html != null) {
      writeHtml(all, out, kpi, dates);
    }
    if (json) {
      Json.print(
          pw,
          kpi == null
              ? new Output(model, out, null, null, null)
              : new Output(
                  model, out, kpi.grain().name().toLowerCase(Locale.ROOT), input.season(), dates));
      return 0;
    }
    for (SeriesForecast s : kpi == null ? List.<SeriesForecast>of() : out) {
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
    }
    if (kpi != null) {
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

  /**
   * Linear regression with calendar terms (with --metric: day of week below the week grain, month)
   * and the regressors of --regressors.
   */
  private List<Batch.Result> regression(SeriesOptions.Input input, LinearRegression lr) {
    RegressorCsv file = regressors == null ? null : RegressorCsv.read(regressors);
    KpiSource.Loaded kpi = input.kpi();
    List<Batch.Result> out = new ArrayList<>();
    for (NamedSeries s : input.series()) {
      double[] y = s.values();
      int total = y.length + series.horizon;
      List<LocalDateTime> times = null;
      if (kpi != null) {
        times = new ArrayList<>(kpi.times());
        LocalDateTime last = times.get(times.size() - 1);
        for (int h = 1; h <= series.horizon; h++) {
          times.add(KpiSource.step(last, kpi.grain(), h));
        }
      }
      List<double[]> values =
          file == null
              ? List.of()
              : times != null ? file.valuesAt(times, y.length) : file.valuesInOrder(total, s.id());
      Covariates cov =
          new Covariates(
              times,
              kpi != null && kpi.grain() != KpiOptions.Grain.WEEK,
              kpi != null,
              file == null ? List.of() : file.names(),
              values);
      out.add(new Batch.Result(lr.fit(y, cov, series.horizon, series.level).forecast(), null));
    }
    return out;
  }

  /**
   * AutoARIMA with the regressors of --regressors (regression with ARIMA errors), rows matched as
   * for the regression model.
   */
  private List<Batch.Result> arimaWithRegressors(SeriesOptions.Input input, AutoArima arima) {
    RegressorCsv file = RegressorCsv.read(regressors);
    KpiSource.Loaded kpi = input.kpi();
    List<Batch.Result> out = new ArrayList<>();
    for (NamedSeries s : input.series()) {
      double[] y = s.values();
      int total = y.length + series.horizon;
      List<double[]> rows;
      if (kpi != null) {
        List<LocalDateTime> times = new ArrayList<>(kpi.times());
        LocalDateTime last = times.get(times.size() - 1);
        for (int h = 1; h <= series.horizon; h++) {
          times.add(KpiSource.step(last, kpi.grain(), h));
        }
        rows = file.valuesAt(times, y.length);
      } else {
        rows = file.valuesInOrder(total, s.id());
      }
      double[][] cols = new double[file.names().size()][total];
      for (int t = 0; t < total; t++) {
        for (int j = 0; j < cols.length; j++) {
          cols[j][t] = rows.get(t)[j];
        }
      }
      try {
        out.add(new Batch.Result(arima.forecast(y, cols, series.horizon, series.level), null));
      } catch (RuntimeException e) {
        out.add(new Batch.Result(null, e.getMessage()));
      }
    }
    return out;
  }

  private void writeHtml(
      List<NamedSeries> all, List<SeriesForecast> out, KpiSource.Loaded kpi, List<String> dates) {
    List<ForecastHtml.Chart> charts = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      double[] y = all.get(i).values();
      List<String> past = new ArrayList<>();
      List<String> future = new ArrayList<>();
      for (int t = 0; t < y.length; t++) {
        past.add(kpi == null ? Integer.toString(t + 1) : kpi.times().get(t).toString());
      }
      for (int h = 0; h < series.horizon; h++) {
        future.add(kpi == null ? Integer.toString(y.length + h + 1) : dates.get(h));
      }
      SeriesForecast f = out.get(i);
      charts.add(
          new ForecastHtml.Chart(
              f.id(),
              f.model(),
              boxed(y),
              past,
              future,
              boxed(f.forecast()),
              boxed(f.lower()),
              boxed(f.upper()),
              series.level));
    }
    String title =
        "Forecast, model "
            + model
            + ", horizon "
            + series.horizon
            + (kpi == null ? "" : ", " + kpi.grain().name().toLowerCase(Locale.ROOT) + " grain");
    try {
      java.nio.file.Files.writeString(html, ForecastHtml.page(title, charts));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write " + html, e);
    }
  }

  private static List<Double> boxed(double[] v) {
    return java.util.Arrays.stream(v).boxed().toList();
  }
}
