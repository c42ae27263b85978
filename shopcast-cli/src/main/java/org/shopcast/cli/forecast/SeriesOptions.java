package org.shopcast.cli.forecast;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.forecast.MissingValues;
import org.shopcast.forecast.Series;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.io.SeriesCsv;
import org.shopcast.forecast.select.Models;
import picocli.CommandLine.Option;

/**
 * The options both commands share: the series (a file, or a KPI of the workspace store), horizon,
 * season and gaps.
 */
public final class SeriesOptions {
  @Option(
      names = "--csv",
      paramLabel = "FILE",
      description = "CSV file holding the series (see --layout); or use --metric.")
  Path csv;

  @Option(
      names = "--metric",
      paramLabel = "KPI",
      description =
          "A KPI of the --workspace store instead of a file (the zero-filled series of `shopcast"
              + " analyze kpis`): orders, revenue, views, users, carts, favourites, buyers,"
              + " items_sold, aov, the conversion rates; several comma-separated (views,carts,"
              + "orders) are forecast one by one, or together with --model var.")
  String metric;

  @Option(
      names = "--grain",
      defaultValue = "day",
      paramLabel = "hour|day|week",
      description = "With --metric: bucket width (default: ${DEFAULT-VALUE}).")
  KpiOptions.Grain grain;

  @Option(
      names = "--tz",
      defaultValue = "UTC",
      paramLabel = "ZONE",
      description = "With --metric: time zone of the buckets (default: ${DEFAULT-VALUE}).")
  ZoneId zone;

  @Option(
      names = "--layout",
      defaultValue = "long",
      paramLabel = "LAYOUT",
      description =
          "long: header id,time,value, one row per observation in time order; wide: header"
              + " time,A,B,... one column per series; m4: one row per series id,v1,v2,... as the"
              + " M4 competition files (default: ${DEFAULT-VALUE}).")
  String layout;

  @Option(
      names = "--horizon",
      required = true,
      paramLabel = "H",
      description = "Steps to forecast (>= 1).")
  int horizon;

  @Option(
      names = "--season",
      paramLabel = "S",
      description =
          "Season period, e.g. 7 for daily, 24 for hourly data (default: 1 with --csv; with"
              + " --metric 7 for day, 24 for hour, 52 for week grain).")
  Integer season;

  @Option(
      names = "--seasons",
      split = ",",
      paramLabel = "P,Q",
      description =
          "Seasonal periods of the multi-season models (mstl), e.g. 24,168 for hourly data"
              + " (default: 24,168 when the season is 24, else the season alone).")
  int[] seasons;

  @Option(
      names = "--missing",
      defaultValue = "refuse",
      paramLabel = "POLICY",
      description =
          "Missing values: refuse (error naming the value) or interpolate (linear) (default:"
              + " ${DEFAULT-VALUE}).")
  String missing;

  @Option(
      names = "--level",
      defaultValue = "0.95",
      paramLabel = "L",
      description = "Prediction interval coverage in (0, 1) (default: ${DEFAULT-VALUE}).")
  double level;

  @Option(
      names = "--threads",
      defaultValue = "0",
      paramLabel = "N",
      description = "Worker threads; 0 = all cores. Results do not depend on it (default: 0).")
  int threads;

  /**
   * The series to work on and where they come from.
   *
   * @param series the series, in file order (one, named after the metric, with --metric)
   * @param season the season period in force
   * @param seasons the seasonal periods of the multi-season models
   * @param kpi with --metric, the KPI series and its bucket times; else null
   */
  record Input(List<NamedSeries> series, int season, List<Integer> seasons, KpiSource.Loaded kpi) {
    /** The seasonal periods as an array. */
    int[] periods() {
      return seasons.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Where the series come from, for messages. */
    String source(Path csvFile) {
      return kpi == null ? csvFile.toString() : "KPI " + kpi.metric();
    }
  }

  /**
   * Checks the arguments and reads the series: the file's (gaps per --missing) or the workspace
   * KPI's.
   */
  Input read(Path workspace) {
    if ((csv == null) == (metric == null)) {
      throw new IllegalArgumentException(
          "give either --csv FILE or --metric KPI (a series of the --workspace store)");
    }
    int m = season != null ? season : csv != null ? 1 : KpiSource.defaultSeason(grain);
    if (horizon < 1) {
      throw new IllegalArgumentException("--horizon must be >= 1, got " + horizon);
    }
    if (m < 1) {
      throw new IllegalArgumentException("--season must be >= 1, got " + m);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("--level must be in (0, 1), got " + level);
    }
    if (seasons != null && season == null) {
      m = seasons[0];
    }
    int[] ps = seasons != null ? seasons : Models.defaultSeasons(m);
    for (int p : ps) {
      if (p < 1) {
        throw new IllegalArgumentException("--seasons: every period must be >= 1, got " + p);
      }
    }
    List<Integer> periods = java.util.Arrays.stream(ps).boxed().toList();
    MissingValues policy =
        switch (missing) {
          case "refuse" -> MissingValues.REFUSE;
          case "interpolate" -> MissingValues.INTERPOLATE;
          default ->
              throw new IllegalArgumentException(
                  "--missing must be refuse or interpolate, got '" + missing + "'");
        };
    if (metric != null) {
      List<NamedSeries> kpis = new java.util.ArrayList<>();
      KpiSource.Loaded first = null;
      for (String one : metric.split(",")) {
        KpiSource.Loaded kpi = KpiSource.load(workspace, one.trim(), grain, zone);
        first = first == null ? kpi : first;
        kpis.add(new NamedSeries(one.trim(), kpi.values()));
      }
      return new Input(kpis, m, periods, first);
    }
    List<NamedSeries> all = SeriesCsv.read(csv, SeriesCsv.layout(layout));
    List<NamedSeries> prepared =
        all.stream()
            .map(
                s -> {
                  try {
                    return new NamedSeries(s.id(), Series.prepare(s.values(), policy));
                  } catch (org.shopcast.forecast.ForecastException e) {
                    throw new org.shopcast.forecast.ForecastException(
                        e.problem(), csv + ": series " + s.id() + ": " + e.getMessage());
                  }
                })
            .toList();
    return new Input(prepared, m, periods, null);
  }
}
