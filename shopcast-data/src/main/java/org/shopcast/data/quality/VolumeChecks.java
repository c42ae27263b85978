package org.shopcast.data.quality;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Volume over time: events per UTC day and hour, days and hours with no events, and days and hours
 * whose volume is abnormal by a robust z-score.
 *
 * <p>The robust z-score of a count {@code n} against a reference set is {@code |n - median| /
 * max(1.4826 * MAD, sqrt(median), 1)}; a count is abnormal above {@value #Z_FENCE}. This is the
 * modified z-score of Iglewicz and Hoaglin ("How to Detect and Handle Outliers", ASQC 1993), with
 * the Poisson standard deviation {@code sqrt(median)} as a floor so that a perfectly regular series
 * (MAD 0) does not flag every small wobble. Days are compared with the other non-empty days; hours
 * with the same hour of day on the other days. The first and last day (and hour) are partial and
 * never judged.
 */
final class VolumeChecks {
  /** Robust z-score above which a day's or hour's volume is abnormal. */
  static final double Z_FENCE = 3.5;

  /** An empty hour is a gap only when the median of its hour of day is at least this. */
  static final double GAP_MIN_EXPECTED = 20;

  /** Hours of one hour of day needed before that hour of day is judged. */
  static final int MIN_DAYS_PER_HOUR = 3;

  private static final String ROBUST_Z =
      "abs(n - med) / greatest(1.4826 * mad, sqrt(greatest(med, 1)), 1)";

  private VolumeChecks() {}

  /** The daily series and the checks. */
  record Result(List<DailyVolume> days, List<QualityCheck> checks) {}

  static Result run(Connection connection) throws SQLException {
    List<DailyVolume> days = days(connection);
    List<QualityCheck> checks = new ArrayList<>();
    checks.add(emptyDays(days));
    checks.add(abnormalDays(days));
    checks.addAll(hours(connection));
    return new Result(days, checks);
  }

  private static List<DailyVolume> days(Connection connection) throws SQLException {
    List<String[]> rows =
        Queries.rows(
            connection,
            "WITH b AS (SELECT date_trunc('day', min(ts)) AS lo, date_trunc('day', max(ts)) AS hi"
                + " FROM events),"
                + " d AS (SELECT unnest(generate_series(lo, hi, INTERVAL 1 DAY)) AS dy FROM b),"
                + " c AS (SELECT date_trunc('day', ts) AS dy, count(*) AS n FROM events GROUP BY"
                + " 1),"
                + " v AS (SELECT d.dy, coalesce(c.n, 0) AS n, d.dy > b.lo AND d.dy < b.hi AS"
                + " interior FROM d LEFT JOIN c USING (dy), b),"
                + " s AS (SELECT median(n) AS med FROM v WHERE interior AND n > 0),"
                + " m AS (SELECT median(abs(n - s.med)) AS mad FROM v, s WHERE interior AND n > 0)"
                + " SELECT strftime(v.dy, '%Y-%m-%d'), v.n, coalesce(v.interior AND v.n > 0 AND "
                + ROBUST_Z
                + " > "
                + Z_FENCE
                + ", false) FROM v, s, m ORDER BY v.dy");
    Map<String, Map<String, Long>> byType = new LinkedHashMap<>();
    for (String[] r :
        Queries.rows(
            connection,
            "SELECT strftime(date_trunc('day', ts), '%Y-%m-%d'), type, count(*) FROM events"
                + " GROUP BY ALL ORDER BY 1, 3 DESC, 2")) {
      byType.computeIfAbsent(r[0], k -> new LinkedHashMap<>()).put(r[1], Long.parseLong(r[2]));
    }
    List<DailyVolume> days = new ArrayList<>();
    for (String[] r : rows) {
      days.add(
          new DailyVolume(
              LocalDate.parse(r[0]),
              Long.parseLong(r[1]),
              byType.getOrDefault(r[0], Map.of()),
              Boolean.parseBoolean(r[2])));
    }
    return days;
  }

  private static QualityCheck emptyDays(List<DailyVolume> days) {
    List<LocalDate> empty = days.stream().filter(d -> d.events() == 0).map(d -> d.day()).toList();
    double share = (double) empty.size() / days.size();
    return QualityCheck.of(
        "volume.emptyDays",
        CheckStatus.atMost(share, 0, 0.1),
        empty.size(),
        String.format(
                Locale.ROOT,
                "%d of %d days from the first to the last event have no events",
                empty.size(),
                days.size())
            + list(empty)
            + " (warn > 0, fail > 10% of days)",
        1);
  }

  private static QualityCheck abnormalDays(List<DailyVolume> days) {
    long judged =
        days.size() < 3
            ? 0
            : days.subList(1, days.size() - 1).stream().filter(d -> d.events() > 0).count();
    if (judged < 3) {
      return QualityCheck.of(
          "volume.abnormalDays",
          CheckStatus.PASS,
          Double.NaN,
          "fewer than 3 full days with events: not judged",
          1);
    }
    List<String> abnormal =
        days.stream().filter(DailyVolume::abnormal).map(d -> d.day() + " " + d.events()).toList();
    return QualityCheck.of(
        "volume.abnormalDays",
        CheckStatus.atMost((double) abnormal.size() / judged, 0, 0.1),
        abnormal.size(),
        String.format(
                Locale.ROOT,
                "%d of %d full days have a volume with robust z > %.1f",
                abnormal.size(),
                judged,
                Z_FENCE)
            + list(abnormal)
            + " (warn > 0, fail > 10% of days)",
        1);
  }

  private static List<QualityCheck> hours(Connection connection) throws SQLException {
    String base =
        "WITH b AS (SELECT date_trunc('hour', min(ts)) AS lo, date_trunc('hour', max(ts)) AS hi"
            + " FROM events),"
            + " h AS (SELECT unnest(generate_series(lo, hi, INTERVAL 1 HOUR)) AS hr FROM b),"
            + " c AS (SELECT date_trunc('hour', ts) AS hr, count(*) AS n FROM events GROUP BY 1),"
            + " v AS (SELECT h.hr, extract('hour' FROM h.hr) AS hod, coalesce(c.n, 0) AS n FROM h"
            + " LEFT JOIN c USING (hr), b WHERE h.hr > b.lo AND h.hr < b.hi),"
            + " p AS (SELECT hod, median(n) AS med, count(*) AS k FROM v GROUP BY hod),"
            + " q AS (SELECT v.hod, median(abs(v.n - p.med)) AS mad FROM v JOIN p USING (hod)"
            + " GROUP BY v.hod),"
            + " z AS (SELECT v.hr, v.n, p.med, "
            + ROBUST_Z
            + " AS rz FROM v JOIN p USING (hod) JOIN q USING (hod) WHERE p.k >= "
            + MIN_DAYS_PER_HOUR
            + ") ";
    double judged = Queries.row(connection, base + "SELECT count(*) FROM z")[0];
    if (!(judged > 0)) {
      String why = "fewer than " + MIN_DAYS_PER_HOUR + " full days: hours not judged";
      return List.of(
          QualityCheck.of("volume.gapHours", CheckStatus.PASS, Double.NaN, why, 1),
          QualityCheck.of("volume.abnormalHours", CheckStatus.PASS, Double.NaN, why, 1));
    }
    List<String> gaps = new ArrayList<>();
    List<String> abnormal = new ArrayList<>();
    for (String[] r :
        Queries.rows(
            connection,
            base
                + "SELECT strftime(hr, '%Y-%m-%dT%H:00Z'), n, n = 0 AND med >= "
                + GAP_MIN_EXPECTED
                + " FROM z WHERE (n = 0 AND med >= "
                + GAP_MIN_EXPECTED
                + ") OR (n > 0 AND rz > "
                + Z_FENCE
                + ") ORDER BY hr")) {
      if (Boolean.parseBoolean(r[2])) {
        gaps.add(r[0]);
      } else {
        abnormal.add(r[0] + " " + r[1]);
      }
    }
    String of = String.format(Locale.ROOT, " of %,.0f judged hours", judged);
    return List.of(
        QualityCheck.of(
            "volume.gapHours",
            CheckStatus.atMost(gaps.size() / judged, 0, 0.01),
            gaps.size(),
            gaps.size()
                + of
                + " have no events although the median of their hour of day is >= "
                + (int) GAP_MIN_EXPECTED
                + list(gaps)
                + " (warn > 0, fail > 1%)",
            1),
        QualityCheck.of(
            "volume.abnormalHours",
            CheckStatus.atMost(abnormal.size() / judged, 0.01, 0.05),
            abnormal.size(),
            abnormal.size()
                + of
                + " have a volume with robust z > "
                + Z_FENCE
                + " against their hour of day"
                + list(abnormal)
                + " (warn > 1%, fail > 5%)",
            1));
  }

  private static String list(List<?> values) {
    if (values.isEmpty()) {
      return "";
    }
    String shown = values.stream().limit(5).map(String::valueOf).collect(Collectors.joining(", "));
    return ": " + shown + (values.size() > 5 ? ", ..." : "");
  }
}
