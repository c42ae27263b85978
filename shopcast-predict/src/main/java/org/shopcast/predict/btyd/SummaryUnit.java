package org.shopcast.predict.btyd;

/** The time unit of recency and age in a summary built from a transaction log. */
public enum SummaryUnit {
  /** Days. */
  DAYS(1),
  /** Weeks of seven days (the unit of the CDNOW summaries). */
  WEEKS(7);

  private final int days;

  SummaryUnit(int days) {
    this.days = days;
  }

  /** The number of days in one unit. */
  public int days() {
    return days;
  }
}
