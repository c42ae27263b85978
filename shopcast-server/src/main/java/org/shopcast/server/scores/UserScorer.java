package org.shopcast.server.scores;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.shopcast.predict.explain.Explainer;
import org.shopcast.predict.explain.Explanation;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;
import org.shopcast.predict.registry.ModelRegistry;
import org.shopcast.predict.registry.RegistryEntry;
import org.shopcast.predict.registry.SavedModel;
import org.shopcast.predict.tasks.TaskRows;
import org.shopcast.predict.tasks.UserTask;

/**
 * Scores users on request from the store as it is at that moment, with the newest registered model
 * of each task ({@code shopcast train}). The features are predict's own point-in-time features
 * ({@link TrainingSetBuilder}, restricted to the requested users) cut at the instant {@code
 * shopcast predict} uses (the day after the latest stored event, {@link TaskRows#now}), so a served
 * score equals the one {@code predict} writes for the same model and store, and every committed
 * event counts at once. The reasons are the SHAP contributions of {@code shopcast explain} ({@link
 * Explainer#reasons}). Loaded models are kept per model id; a model scores one request at a time.
 */
public final class UserScorer {
  private final Path workspace;
  private final Map<String, SavedModel> loaded = new ConcurrentHashMap<>();

  /** A scorer of the models registered in {@code workspace}. */
  public UserScorer(Path workspace) {
    this.workspace = workspace;
  }

  /** The newest registered model of each task, in task order; empty when none is registered. */
  public List<RegistryEntry> latest(Connection connection) throws SQLException {
    try (PreparedStatement ps =
        connection.prepareStatement(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = ?"); ) {
      ps.setString(1, ModelRegistry.TABLE);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) == 0) {
          return List.of();
        }
      }
    }
    Map<UserTask, RegistryEntry> newest = new EnumMap<>(UserTask.class);
    for (RegistryEntry entry : new ModelRegistry(connection, workspace).list()) {
      newest.put(UserTask.fromName(entry.task()), entry);
    }
    return List.copyOf(newest.values());
  }

  /**
   * Scores {@code users} with {@code models} as of now.
   *
   * @param top reasons per score (0 for none)
   * @return the scores of each user with events before now, in the order given; users without
   *     events are absent
   * @throws IllegalArgumentException when the store holds no events
   */
  public Map<String, UserScores> score(
      Connection connection, List<RegistryEntry> models, Collection<String> users, int top) {
    if (top < 0) {
      throw new IllegalArgumentException("top must be >= 0, got " + top);
    }
    Instant now = TaskRows.now(connection);
    // the features do not depend on the horizon (it only sets the labels, unused here)
    TrainingSet rows = TrainingSetBuilder.build(connection, List.of(now), 1, users);
    Map<String, List<Score>> byUser = new LinkedHashMap<>();
    for (String user : users) {
      byUser.put(user, new ArrayList<>());
    }
    byUser.keySet().retainAll(present(rows));
    for (RegistryEntry entry : models) {
      Map<String, Score> scores = score(connection, entry, rows, now, top);
      for (Map.Entry<String, List<Score>> e : byUser.entrySet()) {
        e.getValue().add(scores.get(e.getKey()));
      }
    }
    Map<String, UserScores> out = new LinkedHashMap<>();
    byUser.forEach((user, list) -> out.put(user, new UserScores(user, now, list)));
    return out;
  }

  private static List<String> present(TrainingSet rows) {
    List<String> users = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      users.add(rows.user(i));
    }
    return users;
  }

  /** One model's score of every row's user (a score with a note for users it cannot score). */
  private Map<String, Score> score(
      Connection connection, RegistryEntry entry, TrainingSet rows, Instant now, int top) {
    UserTask task = UserTask.fromName(entry.task());
    Map<String, Score> out = new HashMap<>();
    TrainingSet population = rows.filter(i -> task.inPopulation(rows, i));
    for (String user : present(rows)) {
      out.put(
          user,
          noScore(
              entry, "user '" + user + "' has no purchase before " + now + ", so no churn score"));
    }
    if (population.size() == 0) {
      return out;
    }
    SavedModel model;
    SavedModel.Scores scores;
    double[][] contributions = null;
    boolean explained = top > 0 && task.isBinary() && entry.model().equals("xgboost");
    try {
      model = load(connection, entry);
      synchronized (model) {
        int within = task == UserTask.TIME_TO_PURCHASE ? entry.horizonDays() : 0;
        scores = model.score(connection, population, within);
        if (explained) {
          contributions = model.xgboostClassifier().contributions(population.matrix());
        }
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      for (int i = 0; i < population.size(); i++) {
        out.put(population.user(i), noScore(entry, e.getMessage()));
      }
      return out;
    }
    for (int i = 0; i < population.size(); i++) {
      List<Explanation.Reason> reasons =
          contributions == null
              ? List.of()
              : Explainer.reasons(
                  population.featureNames(), population.features(i), contributions[i], top);
      Double median = null;
      if (scores.medianDays() != null && !Double.isNaN(scores.medianDays()[i])) {
        median = scores.medianDays()[i];
      }
      out.put(
          population.user(i),
          new Score(
              entry.task(),
              entry.id(),
              entry.model(),
              entry.horizonDays(),
              scores.score()[i],
              median,
              task == UserTask.TIME_TO_PURCHASE ? scores.withinDays() : null,
              reasons,
              explained || top == 0 ? null : "reasons need an xgboost purchase or churn model"));
    }
    return out;
  }

  private static Score noScore(RegistryEntry entry, String note) {
    return new Score(
        entry.task(),
        entry.id(),
        entry.model(),
        entry.horizonDays(),
        null,
        null,
        null,
        List.of(),
        note);
  }

  private SavedModel load(Connection connection, RegistryEntry entry) {
    SavedModel model = loaded.get(entry.id());
    if (model == null) {
      model = SavedModel.load(new ModelRegistry(connection, workspace), entry);
      loaded.put(entry.id(), model);
    }
    return model;
  }
}
