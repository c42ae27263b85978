package org.shopcast.server.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.shopcast.core.error.RowError;

/**
 * One entry of an error answer {@code {"errors": [...]}} (STYLE.md's REST shape).
 *
 * @param index position of the offending event in the request, null when not about one event
 * @param field the field at fault, null when none
 * @param code a stable code ({@code BadJson}, {@code Unauthorized}, ...)
 * @param message one line saying what was expected and found
 * @param value the offending value as found, null when absent
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(Integer index, String field, String code, String message, String value) {
  /** A problem not tied to a field or event. */
  public static Problem of(String code, String message) {
    return new Problem(null, null, code, message, null);
  }

  /** A data error of the event at {@code index}. */
  public static Problem of(int index, RowError error) {
    return new Problem(index, error.field(), error.code().name(), error.message(), error.found());
  }
}
