package org.shopcast.core.error;

/** A data problem that stops an operation; carries the {@link RowError} that explains it. */
public final class DataException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient RowError error;

  /** Creates the exception from the error that explains it. */
  public DataException(RowError error) {
    super(error.message());
    this.error = error;
  }

  /** Creates the exception, keeping the underlying cause. */
  public DataException(RowError error, Throwable cause) {
    super(error.message(), cause);
    this.error = error;
  }

  /** The error that explains the failure. */
  public RowError error() {
    return error;
  }
}
