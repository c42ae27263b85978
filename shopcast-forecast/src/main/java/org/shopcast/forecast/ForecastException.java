package org.shopcast.forecast;

/** A series that does not suit a forecasting method; {@link #problem()} says why. */
public final class ForecastException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a series was refused. */
  public enum Problem {
    /** Fewer observations than the method needs. */
    TooShort,
    /** All values equal, and the method cannot fit a constant series. */
    Constant,
    /** The series has missing values (NaN) and the options refuse them. */
    MissingValues,
    /** Zero or negative values where a multiplicative model needs positive ones. */
    NonPositive,
    /** Values that are infinite. */
    NotFinite
  }

  private final Problem problem;

  /** Creates the exception with the problem and a message naming expected and found. */
  public ForecastException(Problem problem, String message) {
    super("[" + problem + "] " + message);
    this.problem = problem;
  }

  /** The kind of problem. */
  public Problem problem() {
    return problem;
  }
}
