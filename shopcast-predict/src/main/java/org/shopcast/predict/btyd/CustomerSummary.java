package org.shopcast.predict.btyd;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Per-customer purchase summaries, the input of every BTYD model: frequency x (repeat
 * transactions), recency t_x (time of the last repeat transaction, measured from the first), age T
 * (time from the first transaction to the end of the calibration period), optionally the mean spend
 * per repeat transaction and a weight (how many identical customers a row stands for, as in an
 * aggregated table such as the BG/BB donations data). Immutable.
 */
public final class CustomerSummary {
  private final String source;
  private final String[] ids;
  private final int[] frequency;
  private final double[] recency;
  private final double[] age;
  private final double[] monetary;
  private final long[] weight;

  private CustomerSummary(
      String source,
      String[] ids,
      int[] frequency,
      double[] recency,
      double[] age,
      double[] monetary,
      long[] weight) {
    this.source = source;
    this.ids = ids;
    this.frequency = frequency;
    this.recency = recency;
    this.age = age;
    this.monetary = monetary;
    this.weight = weight;
  }

  /**
   * Creates a summary. Arrays are copied; {@code recency}, {@code age}, {@code monetary} and {@code
   * weight} may be null when the source has no such column (weights then default to 1).
   *
   * @throws IllegalArgumentException when array lengths differ or a value is out of range
   */
  public static CustomerSummary of(
      String source,
      List<String> ids,
      int[] frequency,
      double[] recency,
      double[] age,
      double[] monetary,
      long[] weight) {
    Objects.requireNonNull(source, "source");
    int n = frequency.length;
    checkLength("ids", ids.size(), n);
    for (int i = 0; i < n; i++) {
      if (frequency[i] < 0) {
        throw new IllegalArgumentException(
            "frequency[" + i + "] must be >= 0, got " + frequency[i]);
      }
    }
    if (recency != null) {
      checkLength("recency", recency.length, n);
    }
    if (age != null) {
      checkLength("age", age.length, n);
      for (int i = 0; i < n; i++) {
        double tx = recency == null ? 0 : recency[i];
        if (!(tx >= 0 && age[i] >= tx && Double.isFinite(age[i]))) {
          throw new IllegalArgumentException(
              "customer " + i + " must have 0 <= recency <= age, got " + tx + " and " + age[i]);
        }
      }
    }
    if (monetary != null) {
      checkLength("monetary", monetary.length, n);
    }
    if (weight != null) {
      checkLength("weight", weight.length, n);
      for (int i = 0; i < n; i++) {
        if (weight[i] < 1) {
          throw new IllegalArgumentException("weight[" + i + "] must be >= 1, got " + weight[i]);
        }
      }
    }
    return new CustomerSummary(
        source,
        ids.toArray(new String[0]),
        frequency.clone(),
        recency == null ? null : recency.clone(),
        age == null ? null : age.clone(),
        monetary == null ? null : monetary.clone(),
        weight == null ? null : weight.clone());
  }

  private static void checkLength(String name, int actual, int expected) {
    if (actual != expected) {
      throw new IllegalArgumentException(
          name + " must have " + expected + " entries (one per customer), got " + actual);
    }
  }

  /** Where the summary came from (a file name or a label), kept in model provenance. */
  public String source() {
    return source;
  }

  /** The number of rows. */
  public int size() {
    return frequency.length;
  }

  /** The number of customers the rows stand for: the sum of the weights. */
  public long customers() {
    if (weight == null) {
      return frequency.length;
    }
    long total = 0;
    for (long w : weight) {
      total += w;
    }
    return total;
  }

  /** The customer id of row {@code i}. */
  public String id(int i) {
    return ids[i];
  }

  /** Repeat transactions x of row {@code i}. */
  public int frequency(int i) {
    return frequency[i];
  }

  /** Recency t_x of row {@code i}. */
  public double recency(int i) {
    return recency[i];
  }

  /** Age T of row {@code i}. */
  public double age(int i) {
    return age[i];
  }

  /** Mean spend per repeat transaction of row {@code i}. */
  public double monetary(int i) {
    return monetary[i];
  }

  /** How many customers row {@code i} stands for. */
  public long weight(int i) {
    return weight == null ? 1 : weight[i];
  }

  /** The largest frequency in the summary (0 when empty). */
  public int maxFrequency() {
    return Arrays.stream(frequency).max().orElse(0);
  }

  /** True when the summary has recency and age columns (needed by the purchase models). */
  public boolean hasRecencyAndAge() {
    return recency != null && age != null;
  }

  /** True when the summary has a mean-spend column (needed by the Gamma-Gamma model and CLV). */
  public boolean hasMonetary() {
    return monetary != null;
  }

  /**
   * Checks that this summary carries the recency and age columns a purchase model needs.
   *
   * @throws IllegalArgumentException naming the model and the source when a column is missing
   */
  void requireRecencyAndAge(String model) {
    if (!hasRecencyAndAge()) {
      throw new IllegalArgumentException(
          "model "
              + model
              + " needs recency (t_x) and age (T) columns, but "
              + source
              + " has "
              + (recency == null ? "no recency" : "no T")
              + " column");
    }
  }
}
