package org.shopcast.server.internal;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Checked path and query parameters for the user and item endpoints; 400 naming the parameter. */
public final class Params {
  private Params() {}

  /** The {@code id} path parameter; 400 when blank or longer than 512 characters. */
  public static String id(Context ctx) {
    String id = ctx.pathParam("id");
    if (id.isBlank() || id.length() > 512) {
      throw bad("id", "id must be 1 to 512 characters, got " + id.length(), id);
    }
    return id;
  }

  /** 400 when the request has a query parameter not in {@code allowed}. */
  public static void only(Context ctx, Set<String> allowed) {
    for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
      if (!allowed.contains(e.getKey())) {
        throw bad(
            e.getKey(),
            "unknown parameter '"
                + e.getKey()
                + "'; "
                + (allowed.isEmpty()
                    ? "this endpoint takes none"
                    : "expected one of " + new TreeSet<>(allowed)),
            String.join(",", e.getValue()));
      }
    }
  }

  /** The whole number {@code name} in {@code [min, max]}, {@code fallback} when absent. */
  public static int integer(Context ctx, String name, int fallback, int min, int max) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(text.trim());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(
        name,
        name + " must be a whole number from " + min + " to " + max + ", got '" + text + "'",
        text);
  }

  /** {@code true} or {@code false}, {@code fallback} when absent. */
  public static boolean flag(Context ctx, String name, boolean fallback) {
    String text = ctx.queryParam(name);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    return switch (text.trim()) {
      case "true" -> true;
      case "false" -> false;
      default -> throw bad(name, name + " must be true or false, got '" + text + "'", text);
    };
  }

  /** A 400 {@code BadParameter} answer about parameter {@code name}. */
  public static HttpProblem bad(String name, String message, String value) {
    return new HttpProblem(
        400, List.of(new Problem(null, name, "BadParameter", message, value)), Map.of());
  }
}
