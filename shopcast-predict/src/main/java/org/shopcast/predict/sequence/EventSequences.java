package org.shopcast.predict.sequence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import org.shopcast.predict.features.TrainingSet;

/**
 * The GRU's input: for each (cutoff, user) row, the user's most recent {@code L} events before the
 * cutoff, oldest first and right-aligned (padding on the left), each encoded as an event-type index
 * (0 = padding), a hashed category bucket (0 = padding, 1 = no category) and two time features:
 * {@code log(1 + hours to the next event) / 4} (to the cutoff for the last event) and {@code log(1
 * + hours to the cutoff) / 4}. Immutable.
 */
public final class EventSequences {
  /** The event types, in index order (index = position + 1). */
  static final List<String> TYPES =
      List.of("VIEW", "SEARCH", "FAVORITE", "CART_ADD", "CART_REMOVE", "PURCHASE", "RETURN");

  /** Time features per event. */
  static final int NUMERIC = 2;

  private static final double LOG_SCALE = 4.0;

  private final int length;
  private final int categoryVocabulary;
  private final long[] types;
  private final long[] categories;
  private final float[] numeric;
  private final int[] counts;

  private EventSequences(
      int length,
      int categoryVocabulary,
      long[] types,
      long[] categories,
      float[] numeric,
      int[] counts) {
    this.length = length;
    this.categoryVocabulary = categoryVocabulary;
    this.types = types;
    this.categories = categories;
    this.numeric = numeric;
    this.counts = counts;
  }

  /**
   * One event of a sequence.
   *
   * @param type the canonical event type (VIEW, ..., RETURN)
   * @param category the category id, or null
   * @param secondsBeforeCutoff how long before the cutoff it happened (&gt; 0)
   */
  public record Step(String type, String category, long secondsBeforeCutoff) {
    /** Validates the step. */
    public Step {
      if (!TYPES.contains(type)) {
        throw new IllegalArgumentException("type must be one of " + TYPES + ", got '" + type + "'");
      }
      if (secondsBeforeCutoff < 0) {
        throw new IllegalArgumentException(
            "secondsBeforeCutoff must be >= 0, got " + secondsBeforeCutoff);
      }
    }
  }

  /**
   * Encodes sequences given oldest event first; only the last {@code options.maxEvents()} of each
   * are kept.
   */
  public static EventSequences encode(List<List<Step>> rows, SequenceOptions options) {
    int l = options.maxEvents();
    int n = rows.size();
    long[] types = new long[n * l];
    long[] categories = new long[n * l];
    float[] numeric = new float[n * l * NUMERIC];
    int[] counts = new int[n];
    for (int i = 0; i < n; i++) {
      List<Step> all = rows.get(i);
      List<Step> steps = all.subList(Math.max(0, all.size() - l), all.size());
      counts[i] = steps.size();
      int offset = l - steps.size();
      for (int k = 0; k < steps.size(); k++) {
        Step step = steps.get(k);
        int at = i * l + offset + k;
        types[at] = TYPES.indexOf(step.type()) + 1L;
        categories[at] = bucket(step.category(), options.categoryBuckets());
        long next = k + 1 < steps.size() ? steps.get(k + 1).secondsBeforeCutoff() : 0;
        long gap = Math.max(0, step.secondsBeforeCutoff() - next);
        numeric[at * NUMERIC] = (float) (Math.log1p(gap / 3600.0) / LOG_SCALE);
        numeric[at * NUMERIC + 1] =
            (float) (Math.log1p(step.secondsBeforeCutoff() / 3600.0) / LOG_SCALE);
      }
    }
    return new EventSequences(l, options.categoryBuckets() + 2, types, categories, numeric, counts);
  }

  /**
   * Reads the sequences of every row of {@code rows} from the store's {@code events} table: events
   * with {@code ts < cutoff} only, the latest {@code L} by time (ties by event id).
   *
   * @throws IllegalStateException when the query fails
   */
  public static EventSequences of(
      Connection connection, TrainingSet rows, SequenceOptions options) {
    return encode(steps(connection, rows, options), options);
  }

  /**
   * The events {@link #of} encodes, per row of {@code rows}, oldest first: events with {@code ts <
   * cutoff} only, the latest {@code L} by time (ties by event id).
   *
   * @throws IllegalStateException when the query fails
   */
  public static List<List<Step>> steps(
      Connection connection, TrainingSet rows, SequenceOptions options) {
    Objects.requireNonNull(rows, "rows");
    Map<String, Integer> index = new HashMap<>();
    Set<Instant> cutoffs = new LinkedHashSet<>();
    List<List<Step>> steps = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      index.put(key(rows.cutoff(i).getEpochSecond(), rows.user(i)), i);
      cutoffs.add(rows.cutoff(i));
      steps.add(new ArrayList<>());
    }
    if (rows.size() == 0) {
      return steps;
    }
    StringJoiner values = new StringJoiner(", ");
    for (Instant cutoff : cutoffs) {
      values.add("(make_timestamp(" + cutoff.getEpochSecond() * 1_000_000L + "))");
    }
    String sql =
        """
        WITH cutoffs(cutoff) AS (VALUES %s),
        ranked AS (
          SELECT c.cutoff, e.user_id, e.type, e.category_id, e.ts,
                 date_diff('second', e.ts, c.cutoff) AS age,
                 row_number() OVER (PARTITION BY c.cutoff, e.user_id
                                    ORDER BY e.ts DESC, e.event_id DESC) AS rn
          FROM events e JOIN cutoffs c ON e.ts < c.cutoff)
        SELECT CAST(epoch(cutoff) AS BIGINT), user_id, type, category_id, age
        FROM ranked WHERE rn <= %d
        ORDER BY cutoff, user_id, rn DESC
        """
            .formatted(values, options.maxEvents());
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        Integer row = index.get(key(rs.getLong(1), rs.getString(2)));
        if (row != null) {
          steps.get(row).add(new Step(rs.getString(3), rs.getString(4), rs.getLong(5)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the event sequences: " + e.getMessage(), e);
    }
    return steps;
  }

  private static String key(long cutoff, String user) {
    return cutoff + "\u0000" + user;
  }

  /** The bucket of a category: 1 for none, else 2 + (String hash mod buckets). */
  static long bucket(String category, int buckets) {
    return category == null ? 1 : 2 + Math.floorMod(category.hashCode(), buckets);
  }

  /** The number of rows. */
  public int size() {
    return counts.length;
  }

  /** The sequence length L (padded). */
  public int length() {
    return length;
  }

  /** The events of row {@code i} kept (at most L). */
  public int events(int i) {
    return counts[i];
  }

  /** The number of category indices (buckets + padding + none). */
  int categoryVocabulary() {
    return categoryVocabulary;
  }

  /** Event-type indices of {@code rows}, row-major (rows.length × L). */
  long[] types(int[] rows) {
    return gather(types, rows);
  }

  /** Category indices of {@code rows}, row-major (rows.length × L). */
  long[] categories(int[] rows) {
    return gather(categories, rows);
  }

  /** Time features of {@code rows}, row-major (rows.length × L × 2). */
  float[] numeric(int[] rows) {
    int w = length * NUMERIC;
    float[] out = new float[rows.length * w];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(numeric, rows[k] * w, out, k * w, w);
    }
    return out;
  }

  private long[] gather(long[] source, int[] rows) {
    long[] out = new long[rows.length * length];
    for (int k = 0; k < rows.length; k++) {
      System.arraycopy(source, rows[k] * length, out, k * length, length);
    }
    return out;
  }
}
