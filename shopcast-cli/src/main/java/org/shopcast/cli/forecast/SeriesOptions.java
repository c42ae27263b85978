package org.shopcast.cli.forecast;

import java.nio.file.Path;
import java.util.List;
import org.shopcast.forecast.MissingValues;
import org.shopcast.forecast.Series;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.io.SeriesCsv;
import picocli.CommandLine.Option;

/** The options both commands share: the series file, its layout, horizon, season and gaps. */
public final class SeriesOptions {
  @Option(
      names = "--csv",
      required = true,
      paramLabel = "FILE",
      description = "CSV file holding the series (see --layout).")
  Path csv;

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
      defaultValue = "1",
      paramLabel = "S",
      description =
          "Season period, e.g. 7 for daily, 24 for hourly data (default: ${DEFAULT-VALUE}).")
  int season;

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

  /** Checks the arguments, reads the file and prepares every series (gaps per --missing). */
  List<NamedSeries> read() {
    if (horizon < 1) {
      throw new IllegalArgumentException("--horizon must be >= 1, got " + horizon);
    }
    if (season < 1) {
      throw new IllegalArgumentException("--season must be >= 1, got " + season);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("--level must be in (0, 1), got " + level);
    }
    MissingValues policy =
        switch (missing) {
          case "refuse" -> MissingValues.REFUSE;
          case "interpolate" -> MissingValues.INTERPOLATE;
          default ->
              throw new IllegalArgumentException(
                  "--missing must be refuse or interpolate, got '" + missing + "'");
        };
    List<NamedSeries> all = SeriesCsv.read(csv, SeriesCsv.layout(layout));
    return all.stream()
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
  }
}
