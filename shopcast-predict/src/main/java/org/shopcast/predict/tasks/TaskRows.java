package org.shopcast.predict.tasks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;

/**
 * The point-in-time rows of a task on a temporal split (training, validation and holdout cutoffs,
 * the task's population only), and the two per-row quantities the feature query does not hold: the
 * day of the first purchase in the label window (the time-to-purchase label, read from events at or
 * after the cutoff) and the spend of the last H days before the cutoff (the clv baseline, read from
 * events before it).
 *
 * @param split the cutoffs
 * @param train rows of the training cutoffs
 * @param valid rows of the validation cutoff
 * @param test rows of the holdout cutoff
 */
public record TaskRows(
    TemporalSplit split, TrainingSet train, TrainingSet valid, TrainingSet test) {

  /** Builds the rows of {@code task} for {@code split}. */
  public static TaskRows build(Connection connection, UserTask task, TemporalSplit split) {
    List<Instant> cutoffs = new ArrayList<>(split.train());
    cutoffs.add(split.validation());
    cutoffs.add(split.test());
    TrainingSet all = TrainingSetBuilder.build(connection, cutoffs, split.horizonDays());
    TrainingSet population = all.filter(i -> task.inPopulation(all, i));
    Set<Instant> train = new HashSet<>(split.train());
    return new TaskRows(
        split,
        population.filter(i -> train.contains(population.cutoff(i))),
        population.atCutoff(split.validation()),
        population.atCutoff(split.test()));
  }

  /**
   * The split for explicit training cutoffs: validation and holdout as {@link TemporalSplit#plan}
   * places them.
   *
   * @throws IllegalArgumentException when a training cutoff's label window passes the validation
   *     cutoff
   */
  public static TemporalSplit split(Connection connection, int horizonDays, List<Instant> train) {
    TemporalSplit planned = TemporalSplit.plan(connection, horizonDays, 1);
    return new TemporalSplit(train, planned.validation(), planned.test(), horizonDays);
  }

  /** The instant "now" for scoring: the day after the last event in the store (UTC midnight). */
  public static Instant now(Connection connection) {
    try (Statement statement = connection.createStatement();
        ResultSet rs =
            statement.executeQuery("SELECT CAST(max(ts) AS DATE)::VARCHAR FROM events")) {
      rs.next();
      if (rs.getString(1) == null) {
        throw new IllegalArgumentException("the store holds no events");
      }
      return LocalDate.parse(rs.getString(1)).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the store's time range: " + e.getMessage(), e);
    }
  }

  /**
   * For each row, the day of the user's first purchase in [T, T + H) as 1..H (day 1 = the first 24
   * hours after the cutoff), or 0 when none (censored at H). Reads only events at or after T.
   */
  public static int[] nextPurchaseDay(Connection connection, TrainingSet rows) {
    int h = rows.horizonDays();
    Map<String, Double> seconds =
        perCutoffUser(
            connection,
            rows,
            "min(date_diff('second', c.cutoff, e.ts))",
            "e.ts >= c.cutoff AND e.ts < c.cutoff + INTERVAL " + h + " DAY");
    int[] days = new int[rows.size()];
    for (int i = 0; i < days.length; i++) {
      Double s = seconds.get(key(rows.cutoff(i), rows.user(i)));
      days[i] = s == null ? 0 : Math.min(h, (int) Math.floor(s / 86400.0) + 1);
    }
    return days;
  }

  /** For each row, the user's purchase revenue in [T - H, T). Reads only events before T. */
  public static double[] spendLastHorizon(Connection connection, TrainingSet rows) {
    int h = rows.horizonDays();
    Map<String, Double> spend =
        perCutoffUser(
            connection,
            rows,
            "sum(e.quantity * coalesce(CAST(e.price AS DOUBLE), 0))",
            "e.ts < c.cutoff AND e.ts >= c.cutoff - INTERVAL " + h + " DAY");
    double[] out = new double[rows.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = spend.getOrDefault(key(rows.cutoff(i), rows.user(i)), 0.0);
    }
    return out;
  }

  private static Map<String, Double> perCutoffUser(
      Connection connection, TrainingSet rows, String aggregate, String window) {
    Set<Instant> cutoffs = new HashSet<>();
    for (int i = 0; i < rows.size(); i++) {
      cutoffs.add(rows.cutoff(i));
    }
    Map<String, Double> out = new HashMap<>();
    if (cutoffs.isEmpty()) {
      return out;
    }
    StringJoiner values = new StringJoiner(", ");
    for (Instant c : cutoffs) {
      values.add("(TIMESTAMP '" + c.toString().replace('T', ' ').replace("Z", "") + "')");
    }
    String sql =
        "WITH cutoffs(cutoff) AS (VALUES "
            + values
            + ") SELECT CAST(c.cutoff AS VARCHAR), e.user_id, "
            + aggregate
            + " FROM events e JOIN cutoffs c ON "
            + window
            + " WHERE e.type = 'PURCHASE' GROUP BY c.cutoff, e.user_id";
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        Instant cutoff =
            java.time.LocalDateTime.parse(rs.getString(1).replace(' ', 'T'))
                .toInstant(ZoneOffset.UTC);
        out.put(key(cutoff, rs.getString(2)), rs.getDouble(3));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the purchase windows: " + e.getMessage(), e);
    }
    return out;
  }

  private static String key(Instant cutoff, String user) {
    return cutoff + "|" + user;
  }
}
