package org.shopcast.server.internal;

import java.util.List;
import java.util.Map;

/** Ends a request with an HTTP status and a JSON error body; never shows a stack trace. */
public final class HttpProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final transient List<Problem> problems;
  private final transient Map<String, String> headers;

  /** An error answer with extra headers (e.g. {@code Retry-After}). */
  public HttpProblem(int status, List<Problem> problems, Map<String, String> headers) {
    super(problems.isEmpty() ? "HTTP " + status : problems.get(0).message(), null, false, false);
    this.status = status;
    this.problems = List.copyOf(problems);
    this.headers = Map.copyOf(headers);
  }

  /** An error answer with one problem. */
  public static HttpProblem of(int status, String code, String message) {
    return new HttpProblem(status, List.of(Problem.of(code, message)), Map.of());
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The body's entries. */
  public List<Problem> problems() {
    return problems;
  }

  /** Headers to send with the answer. */
  public Map<String, String> headers() {
    return headers;
  }
}
