package org.shopcast.predict.registry;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;
import org.shopcast.predict.tasks.TaskRows;
import org.shopcast.predict.tasks.UserTask;

/**
 * Scores every user of a task's population as of the latest data (the day after the last event)
 * with a registered model and writes the scores to the store's {@code scores} table (model_id,
 * task, user_id, as_of, score, median_days, within_days, scored_at), replacing that model's earlier
 * scores in one transaction; exports them with DuckDB {@code COPY} to CSV or Parquet.
 */
public final class ModelScorer {
  /** The scores table. */
  public static final String TABLE = "scores";

  private ModelScorer() {}

  /**
   * What a prediction wrote.
   *
   * @param modelId the model
   * @param task the task
   * @param asOf features are of the events before this instant
   * @param users rows written
   * @param meanScore mean of the score column
   * @param withinDays time-to-purchase: the d of P(purchase within d days); 0 otherwise
   * @param table the table written
   */
  public record Prediction(
      String modelId,
      String task,
      Instant asOf,
      int users,
      double meanScore,
      int withinDays,
      String table) {}

  /**
   * Scores and writes the table.
   *
   * @param withinDays time-to-purchase: P(purchase within this many days); 0 = the horizon
   */
  public static Prediction predict(Connection connection, SavedModel model, int withinDays) {
    RegistryEntry entry = model.entry();
    UserTask task = UserTask.fromName(entry.task());
    Instant now = TaskRows.now(connection);
    TrainingSet all = TrainingSetBuilder.build(connection, List.of(now), entry.horizonDays());
    TrainingSet rows = all.filter(i -> task.inPopulation(all, i));
    int within = withinDays == 0 ? entry.horizonDays() : withinDays;
    SavedModel.Scores scores =
        model.score(connection, rows, task == UserTask.TIME_TO_PURCHASE ? within : 0);
    boolean autoCommit = true;
    try {
      ensureTable(connection);
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try (PreparedStatement delete =
          connection.prepareStatement("DELETE FROM " + TABLE + " WHERE model_id = ?")) {
        delete.setString(1, entry.id());
        delete.executeUpdate();
      }
      LocalDateTime asOf = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
      LocalDateTime scoredAt = LocalDateTime.now(ZoneOffset.UTC).withNano(0);
      try (DuckDBAppender appender =
          connection
              .unwrap(DuckDBConnection.class)
              .createAppender(DuckDBConnection.DEFAULT_SCHEMA, TABLE)) {
        for (int i = 0; i < rows.size(); i++) {
          appender.beginRow();
          appender.append(entry.id());
          appender.append(entry.task());
          appender.append(rows.user(i));
          appender.append(asOf);
          appender.append(scores.score()[i]);
          if (scores.medianDays() == null || Double.isNaN(scores.medianDays()[i])) {
            appender.appendNull();
          } else {
            appender.append(scores.medianDays()[i]);
          }
          appender.append(scores.withinDays());
          appender.append(scoredAt);
          appender.endRow();
        }
      }
      connection.commit();
    } catch (SQLException e) {
      try {
        connection.rollback();
      } catch (SQLException ignored) {
        // the failed transaction is discarded with the connection
      }
      throw new IllegalStateException("cannot write the scores: " + e.getMessage(), e);
    } finally {
      try {
        connection.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // reported by the caller's next statement
      }
    }
    double sum = 0;
    for (double s : scores.score()) {
      sum += s;
    }
    return new Prediction(
        entry.id(),
        entry.task(),
        now,
        rows.size(),
        rows.size() == 0 ? Double.NaN : sum / rows.size(),
        scores.withinDays(),
        TABLE);
  }

  static void ensureTable(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "CREATE TABLE IF NOT EXISTS "
              + TABLE
              + " (model_id VARCHAR NOT NULL, task VARCHAR NOT NULL, user_id VARCHAR NOT NULL,"
              + " as_of TIMESTAMP NOT NULL, score DOUBLE NOT NULL, median_days DOUBLE,"
              + " within_days INTEGER NOT NULL, scored_at TIMESTAMP NOT NULL)");
    }
  }

  /**
   * Exports a model's scores, highest first, to {@code file}: Parquet when it ends in {@code
   * .parquet}, CSV with a header when it ends in {@code .csv}.
   *
   * @throws IllegalArgumentException for another extension
   */
  public static void export(Connection connection, String modelId, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String format;
    if (name.endsWith(".parquet")) {
      format = "(FORMAT parquet)";
    } else if (name.endsWith(".csv")) {
      format = "(FORMAT csv, HEADER true)";
    } else {
      throw new IllegalArgumentException(
          "--out must end in .csv or .parquet, got '" + file.getFileName() + "'");
    }
    String path = file.toAbsolutePath().toString().replace("'", "''");
    String id = modelId.replace("'", "''");
    try (Statement statement = connection.createStatement()) {
      statement.execute(
          "COPY (SELECT user_id, score, median_days, within_days, as_of, model_id, task FROM "
              + TABLE
              + " WHERE model_id = '"
              + id
              + "' ORDER BY score DESC, user_id) TO '"
              + path
              + "' "
              + format);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
