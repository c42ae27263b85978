package org.shopcast.core.error;

/**
 * Stable codes for data errors. Each has a page in docs/errors/ named after it; codes are never
 * renamed once released, so scripts can rely on them.
 */
public enum ErrorCode {
  /** The input file does not exist or cannot be read. */
  FileNotFound,
  /** The input file has no data rows. */
  EmptyFile,
  /** The input is not text in the expected encoding (binary content). */
  NotText,
  /** The format name is not one Shopcast knows. */
  UnknownFormat,
  /** A row has more or fewer fields than the format defines, or broken quoting. */
  MalformedRow,
  /** A required field is empty. */
  MissingField,
  /** A timestamp cannot be parsed. */
  BadTimestamp,
  /** A timestamp lies outside the accepted range. */
  TimestampOutOfRange,
  /** A behaviour value is not one the format or mapping knows. */
  UnknownEventType,
  /** A number cannot be parsed. */
  BadNumber,
  /** A quantity that must be positive is zero or negative. */
  NonPositiveQuantity,
  /** A price that must be positive is zero or negative. */
  NonPositivePrice,
  /** A purchase line has no customer id and anonymous users are not allowed. */
  MissingCustomer,
  /** A JSON line cannot be parsed or has the wrong shape. */
  BadJson,
  /** The event belongs to a user flagged for an event rate no human produces (dropped). */
  BotUser,
  /** The import was refused as a whole (see the message for why). */
  ImportRefused
}
