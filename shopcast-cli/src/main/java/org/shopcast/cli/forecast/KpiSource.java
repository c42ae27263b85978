package org.shopcast.cli.forecast;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shopcast.analytics.kpi.KpiOptions;
import org.shopcast.analytics.kpi.KpiSeries;
import org.shopcast.analytics.kpi.Kpis;
import org.shopcast.data.store.EventStore;
import org.shopcast.forecast.ForecastException;

/**
 * Reads one KPI of the workspace store as a forecastable series: the zero-filled buckets of {@link
 * Kpis#compute} (no SQL of its own), oldest first, with the bucket start times.
 */
final class KpiSource {
  private KpiSource() {}

  /**
   * One KPI series.
   *
   * @param metric the KPI column
   * @param grain the bucket width
   * @param zone the time zone of the buckets
   * @param times bucket starts (local time), oldest first
   * @param values the KPI per bucket
   */
  record Loaded(
      String metric,
      KpiOptions.Grain grain,
      ZoneId zone,
      List<LocalDateTime> times,
      double[] values) {
    /**
     * The starts of the {@code horizon} buckets after the last one, ISO-8601 local time with the
     * zone's offset (as {@code analyze kpis} prints them).
     */
    List<String> futureTimes(int horizon) {
      LocalDateTime last = times.get(times.size() - 1);
      List<String> out = new ArrayList<>(horizon);
      for (int h = 1; h <= horizon; h++) {
        out.add(KpiSource.step(last, grain, h).atZone(zone).toOffsetDateTime().toString());
      }
      return out;
    }
  }

  /** The season period that suits a grain: 7 for day, 24 for hour, 52 for week. */
  static int defaultSeason(KpiOptions.Grain grain) {
    return switch (grain) {
      case HOUR -> 24;
      case DAY -> 7;
      case WEEK -> 52;
    };
  }

  static LocalDateTime step(LocalDateTime t, KpiOptions.Grain grain, int n) {
    return switch (grain) {
      case HOUR -> t.plusHours(n);
      case DAY -> t.plusDays(n);
      case WEEK -> t.plusWeeks(n);
    };
  }

  /**
   * Loads {@code metric} from the store of {@code workspace}.
   *
   * @throws IllegalArgumentException for an unknown metric (listing the known ones)
   * @throws IllegalStateException for an empty store
   * @throws ForecastException when every bucket holds the same value
   */
  static Loaded load(Path workspace, String metric, KpiOptions.Grain grain, ZoneId zone) {
    KpiSeries series;
    try (EventStore store = EventStore.open(workspace)) {
      if (store.stats().events() == 0) {
        throw new IllegalStateException(
            "the store in "
                + workspace
                + " holds no events; import some first (shopcast import), or forecast a file"
                + " with --csv");
      }
      series =
          Kpis.compute(store.connection(), new KpiOptions(grain, zone, KpiOptions.Split.NONE, 1));
    }
    List<Map<String, Object>> rows = series.rows();
    Set<String> known = new LinkedHashSet<>(rows.get(0).keySet());
    known.remove("t");
    known.remove("g");
    if (!known.contains(metric)) {
      throw new IllegalArgumentException(
          "--metric: unknown KPI '" + metric + "'; known: " + String.join(", ", known));
    }
    double[] values = new double[rows.size()];
    List<LocalDateTime> times = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      values[i] = ((Number) rows.get(i).get(metric)).doubleValue();
      times.add(OffsetDateTime.parse((String) rows.get(i).get("t")).toLocalDateTime());
    }
    boolean constant = true;
    for (double v : values) {
      constant &= v == values[0];
    }
    if (constant && values.length > 1) {
      throw new ForecastException(
          ForecastException.Problem.Constant,
          "KPI "
              + metric
              + " is "
              + values[0]
              + " in all "
              + values.length
              + " "
              + grain.name().toLowerCase(java.util.Locale.ROOT)
              + " buckets of "
              + workspace
              + (metric.equals("revenue") || metric.equals("aov")
                  ? " (were prices imported? online-retail-invoices leaves them empty)"
                  : ""));
    }
    return new Loaded(metric, grain, zone, times, values);
  }
}
