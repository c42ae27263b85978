package org.shopcast.data.quality;

import java.util.List;
import java.util.Locale;

/** The report as plain text for a terminal: header figures, then one line per check. */
public final class QualityText {
  private QualityText() {}

  /** The full report: figures, quarantine counts and every check with its detail. */
  public static String render(QualityReport report) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "quality score %.3f   events %,d  users %,d  items %,d%n",
            report.score(),
            report.events(),
            report.users(),
            report.items()));
    if (report.minTs() != null) {
      out.append("time  ").append(report.minTs()).append(" .. ").append(report.maxTs());
      out.append(String.format(Locale.ROOT, "  (%d days)%n", report.volumeByDay().size()));
    }
    if (!report.quarantineByCode().isEmpty()) {
      out.append("quarantine");
      report
          .quarantineByCode()
          .forEach((code, n) -> out.append(' ').append(code).append(' ').append(n));
      out.append(System.lineSeparator());
    }
    for (QualityCheck check : report.checks()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%-4s  %-36s %10s  %s%n",
              check.status().label(),
              check.name(),
              value(check),
              check.detail()));
    }
    return out.toString();
  }

  /** A short summary: the score and the checks that warn or fail, one line each. */
  public static String summary(QualityReport report) {
    List<QualityCheck> problems = report.problems();
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            Locale.ROOT,
            "quality score %.3f: %d checks, %d warn, %d fail%n",
            report.score(),
            report.checks().size(),
            problems.stream().filter(c -> c.status() == CheckStatus.WARN).count(),
            problems.stream().filter(c -> c.status() == CheckStatus.FAIL).count()));
    for (QualityCheck check : problems) {
      out.append(
          String.format(
              Locale.ROOT,
              "  %-4s  %s: %s%n",
              check.status().label(),
              check.name(),
              check.detail()));
    }
    return out.toString();
  }

  /** The check's value for display: shares to 4 decimals, counts as integers, '-' for none. */
  static String value(QualityCheck check) {
    Double v = check.value();
    if (v == null) {
      return "-";
    }
    if (v == Math.rint(v) && Math.abs(v) >= 1) {
      return String.format(Locale.ROOT, "%,d", v.longValue());
    }
    return String.format(Locale.ROOT, "%.4f", v);
  }
}
