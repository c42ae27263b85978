package org.shopcast.server.api;

import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.shopcast.server.internal.HttpProblem;
import org.shopcast.server.internal.Problem;

/**
 * The query parameters of one analytics request, checked against the names the endpoint takes; a
 * bad or unknown parameter ends the request with 400 {@code BadParameter} naming it.
 */
final class QueryParams {
  private final Context ctx;

  private QueryParams(Context ctx) {
    this.ctx = ctx;
  }

  /** The parameters of {@code ctx}; 400 when one is not in {@code allowed}. */
  static QueryParams of(Context ctx, Set<String> allowed) {
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        String value = String.join(",", e.getValue());
        throw bad(
            e.getKey(),
            "unknown parameter '"
                + e.getKey()
                + "' (value '"
                + value
                + "'); "
                + (allowed.isEmpty()
                    ? "this endpoint takes none"
                    : "expected one of " + new TreeSet<>(allowed)),
            value);
      }
    }
    return new QueryParams(ctx);
  }

  /** A 400 answer about parameter {@code name}. */
  static HttpProblem bad(String name, String message, String value) {
    return new HttpProblem(
        400, List.of(new Problem(null, name, "BadParameter", message, value)), Map.of());
  }

  /** The trimmed value of {@code name}, or {@code fallback} when absent or blank. */
  String text(String name, String fallback) {
    String value = ctx.queryParam(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }

  /** One of {@code choices} (case-insensitive, answered in lower case). */
  String choice(String name, String fallback, String... choices) {
    String value = text(name, fallback).toLowerCase(Locale.ROOT);
    for (String c : choices) {
      if (c.equals(value)) {
        return c;
      }
    }
    throw bad(
        name,
        name + " must be one of " + String.join("|", choices) + ", got '" + value + "'",
        value);
  }

  /** A whole number in {@code [min, max]}. */
  int integer(String name, int fallback, int min, int max) {
    String value = text(name, null);
    if (value == null) {
      return fallback;
    }
    int n;
    try {
      n = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw bad(
          name,
          name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'",
          value);
    }
    if (n < min || n > max) {
      throw bad(name, name + " must be from " + min + " to " + max + ", got " + n, value);
    }
    return n;
  }

  /** {@code true} or {@code false}. */
  boolean flag(String name) {
    return choice(name, "false", "false", "true").equals("true");
  }

  /** A time-zone id such as {@code UTC} or {@code Asia/Shanghai}. */
  ZoneId zone(String name) {
    String value = text(name, "UTC");
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw bad(
          name,
          name + " must be a time-zone id such as UTC or Asia/Shanghai, got '" + value + "'",
          value);
    }
  }
}
