package org.shopcast.analytics.kpi;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;

/**
 * Settings of a KPI series.
 *
 * @param grain the bucket width
 * @param zone the time zone whose local hours, days and weeks (Monday first) bucket the events
 * @param split a series per category or channel, or one series ({@link Split#NONE})
 * @param topGroups with a split, only the groups with the most events, at least 1
 */
public record KpiOptions(Grain grain, ZoneId zone, Split split, int topGroups) {
  /** The bucket width. */
  public enum Grain {
    /** One bucket per local hour. */
    HOUR,
    /** One bucket per local day. */
    DAY,
    /** One bucket per local ISO week (Monday to Sunday). */
    WEEK;

    /** The DuckDB {@code date_trunc} part name. */
    String sqlPart() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** What a series is split by. */
  public enum Split {
    /** One series for the whole shop. */
    NONE,
    /** One series per item category. */
    CATEGORY,
    /** One series per channel. */
    CHANNEL
  }

  /** Validates the settings. */
  public KpiOptions {
    Objects.requireNonNull(grain, "grain");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(split, "split");
    if (topGroups < 1) {
      throw new IllegalArgumentException("topGroups must be >= 1, got " + topGroups);
    }
  }

  /** Daily, UTC, unsplit. */
  public KpiOptions() {
    this(Grain.DAY, ZoneOffset.UTC, Split.NONE, 10);
  }
}
