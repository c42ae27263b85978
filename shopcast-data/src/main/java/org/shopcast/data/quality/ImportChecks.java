package org.shopcast.data.quality;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks from the import records and the quarantine: duplicates, rejected rows and bad timestamps.
 * Only the first completed import of each source counts, so that re-importing a file (which adds
 * nothing and reports every row as a duplicate) does not lower the score.
 */
final class ImportChecks {
  /** The import ids counted: the first {@code imported} import of each source. */
  static final String FIRST_IMPORTS =
      "SELECT min(import_id) FROM imports WHERE status = 'imported' GROUP BY source";

  /** Duplicate share above which the check warns. */
  static final double DUPLICATES_WARN = 0.01;

  /** Duplicate share above which the check fails. */
  static final double DUPLICATES_FAIL = 0.05;

  /** Rejected share above which the check warns. */
  static final double REJECTED_WARN = 0.001;

  /** Rejected share above which the check fails. */
  static final double REJECTED_FAIL = 0.01;

  /** Share of rows with bad timestamps above which the check fails (any one warns). */
  static final double TIMESTAMPS_FAIL = 0.01;

  /** Weight of the duplicates and rejected checks. */
  static final double WEIGHT = 2;

  private ImportChecks() {}

  /** Quarantined rows of the counted imports by code, largest first. */
  static Map<String, Long> quarantineByCode(Connection connection) throws SQLException {
    return Queries.counts(
        connection,
        "SELECT code, count(*) FROM quarantine WHERE import_id IN ("
            + FIRST_IMPORTS
            + ") GROUP BY code ORDER BY count(*) DESC, code");
  }

  static List<QualityCheck> run(Connection connection) throws SQLException {
    double[] r =
        Queries.row(
            connection,
            "SELECT sum(read_rows), sum(duplicates), sum(rejected), count(*),"
                + " (SELECT sum(duplicates) FROM imports WHERE status = 'imported'),"
                + " (SELECT count(*) FROM quarantine WHERE code IN ('BadTimestamp',"
                + " 'TimestampOutOfRange') AND import_id IN ("
                + FIRST_IMPORTS
                + ")) FROM imports WHERE import_id IN ("
                + FIRST_IMPORTS
                + ")");
    double read = r[0];
    double duplicates = r[1];
    double rejected = r[2];
    long sources = (long) r[3];
    double allDuplicates = r[4];
    double badTimestamps = r[5];
    if (!(read > 0)) {
      String none = "no import records (events came from elsewhere)";
      return List.of(
          QualityCheck.of("duplicates", CheckStatus.PASS, Double.NaN, none, WEIGHT),
          QualityCheck.of("quarantine.rejected", CheckStatus.PASS, Double.NaN, none, WEIGHT),
          QualityCheck.of("time.badTimestamps", CheckStatus.PASS, Double.NaN, none, 1));
    }
    double dupShare = duplicates / read;
    double rejShare = rejected / read;
    String of = String.format(Locale.ROOT, " of %,.0f rows read from %d source(s)", read, sources);
    return List.of(
        QualityCheck.of(
            "duplicates",
            CheckStatus.atMost(dupShare, DUPLICATES_WARN, DUPLICATES_FAIL),
            dupShare,
            String.format(Locale.ROOT, "%,.0f exact duplicates", duplicates)
                + of
                + String.format(
                    Locale.ROOT,
                    "; %,.0f more in re-imports, not counted (warn > 1%%, fail > 5%%)",
                    allDuplicates - duplicates),
            WEIGHT),
        QualityCheck.of(
            "quarantine.rejected",
            CheckStatus.atMost(rejShare, REJECTED_WARN, REJECTED_FAIL),
            rejShare,
            String.format(Locale.ROOT, "%,.0f rows rejected to the quarantine", rejected)
                + of
                + " (warn > 0.1%, fail > 1%)",
            WEIGHT),
        QualityCheck.of(
            "time.badTimestamps",
            CheckStatus.atMost(badTimestamps / read, 0, TIMESTAMPS_FAIL),
            badTimestamps,
            String.format(
                    Locale.ROOT,
                    "%,.0f rows quarantined as BadTimestamp or TimestampOutOfRange",
                    badTimestamps)
                + of
                + " (warn > 0, fail > 1%)",
            1));
  }
}
