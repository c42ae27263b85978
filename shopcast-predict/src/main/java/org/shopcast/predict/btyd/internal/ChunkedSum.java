package org.shopcast.predict.btyd.internal;

import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

/**
 * Sums a per-customer term over all customers, in parallel for large inputs, with a result that
 * does not depend on the number of threads: the index range is cut into fixed chunks whose sums are
 * added in order.
 */
public final class ChunkedSum {
  private static final int CHUNK = 16_384;

  private ChunkedSum() {}

  /** The sum of {@code term.applyAsDouble(i)} for i in [0, n). */
  public static double sum(int n, IntToDoubleFunction term) {
    int chunks = (n + CHUNK - 1) / CHUNK;
    if (chunks <= 1) {
      return sumRange(0, n, term);
    }
    double[] partial = new double[chunks];
    IntStream.range(0, chunks)
        .parallel()
        .forEach(c -> partial[c] = sumRange(c * CHUNK, Math.min(n, (c + 1) * CHUNK), term));
    double total = 0;
    for (double p : partial) {
      total += p;
    }
    return total;
  }

  private static double sumRange(int from, int to, IntToDoubleFunction term) {
    double total = 0;
    for (int i = from; i < to; i++) {
      total += term.applyAsDouble(i);
    }
    return total;
  }
}
