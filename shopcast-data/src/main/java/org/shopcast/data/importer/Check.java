package org.shopcast.data.importer;

import org.shopcast.core.error.ErrorCode;

/**
 * One validation rule of a SQL source: rows for which {@code failsWhen} is true are rejected with
 * {@code code} on {@code field}, showing {@code foundSql} (the raw text) as what was found.
 *
 * @param failsWhen SQL condition over the canonical columns (and the source's raw columns); true
 *     means the row is bad
 * @param code the error code
 * @param field the canonical field name reported
 * @param expected what was expected, in words
 * @param foundSql SQL expression over the raw columns giving the offending text
 */
record Check(String failsWhen, ErrorCode code, String field, String expected, String foundSql) {

  static Check required(String field, String foundSql) {
    return new Check(
        field + " IS NULL", ErrorCode.MissingField, field, "a non-empty " + field, foundSql);
  }
}
