package org.shopcast.data.quality;

import java.util.Objects;

/**
 * One check of the quality report.
 *
 * @param name stable dotted name, e.g. {@code completeness.item_id}
 * @param status pass, warn or fail
 * @param value the measured figure (a share in 0..1 or a count, see docs/quality.md); null when the
 *     check has no rows to measure
 * @param detail one human sentence: what was measured and the thresholds
 * @param weight the check's weight in the overall score
 */
public record QualityCheck(
    String name, CheckStatus status, Double value, String detail, double weight) {
  /** Validates the fields. */
  public QualityCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(detail, "detail");
    if (!(weight >= 0)) {
      throw new IllegalArgumentException("weight must be >= 0, got " + weight);
    }
  }

  /** A check whose value is NaN when there was nothing to measure (stored as null). */
  static QualityCheck of(
      String name, CheckStatus status, double value, String detail, double weight) {
    return new QualityCheck(name, status, Double.isNaN(value) ? null : value, detail, weight);
  }
}
