package org.shopcast.data.quality;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Outcome of one quality check; its score share is 1 for pass, 0.5 for warn and 0 for fail. */
public enum CheckStatus {
  /** Within the check's pass threshold. */
  PASS(1.0),
  /** Past the pass threshold but within the fail threshold. */
  WARN(0.5),
  /** Past the fail threshold. */
  FAIL(0.0);

  private final double credit;

  CheckStatus(double credit) {
    this.credit = credit;
  }

  /** The share of the check's weight this status earns in the overall score. */
  public double credit() {
    return credit;
  }

  /** The lower-case name used in JSON and text ({@code pass}, {@code warn}, {@code fail}). */
  @JsonValue
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Grades a value where larger is worse: pass up to {@code warnAbove}, warn up to {@code
   * failAbove}, fail beyond.
   */
  static CheckStatus atMost(double value, double warnAbove, double failAbove) {
    if (value > failAbove) {
      return FAIL;
    }
    return value > warnAbove ? WARN : PASS;
  }

  /**
   * Grades a value where larger is better: pass from {@code passFrom}, warn from {@code warnFrom},
   * fail below.
   */
  static CheckStatus atLeast(double value, double passFrom, double warnFrom) {
    if (value >= passFrom) {
      return PASS;
    }
    return value >= warnFrom ? WARN : FAIL;
  }
}
