package org.shopcast.predict.explain;

import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.eval.TaskEvaluator;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;
import org.shopcast.predict.model.XgbClassifier;

/**
 * Explains a user's current XGBoost score: trains the task's model on the temporal split (as the
 * evaluation does), builds the user's features from all events up to the end of the data (the day
 * after the last event), and turns the SHAP contributions ({@code predictContrib}) into the top
 * reasons in plain words.
 */
public final class Explainer {
  private Explainer() {}

  /**
   * Explains {@code user}'s score for {@code task}.
   *
   * @param top how many reasons (at least 1)
   * @throws IllegalArgumentException when the user has no events, or is outside the task's
   *     population (churn needs a purchase)
   */
  public static Explanation explain(
      Connection connection,
      Task task,
      int horizonDays,
      String user,
      int top,
      EvaluationOptions options) {
    Objects.requireNonNull(user, "user");
    if (top < 1) {
      throw new IllegalArgumentException("top must be >= 1, got " + top);
    }
    TaskEvaluator.Splits s =
        TaskEvaluator.splits(connection, task, horizonDays, options.trainCutoffs());
    XgbClassifier model =
        XgbClassifier.train(
            s.train().featureNames(),
            s.train().matrix(),
            task.labels(s.train()),
            s.valid().matrix(),
            task.labels(s.valid()),
            options.xgboost());
    Instant now =
        LocalDate.ofInstant(s.split().test(), ZoneOffset.UTC)
            .plusDays(horizonDays)
            .atStartOfDay()
            .toInstant(ZoneOffset.UTC);
    return explain(connection, task, horizonDays, user, top, model, now);
  }

  /**
   * The task's population as of {@code now} and the row of {@code user} in it.
   *
   * @param population the population's point-in-time rows
   * @param row the user's row
   */
  record UserRow(TrainingSet population, int row) {}

  /**
   * Finds {@code user} in the task's population as of {@code now}.
   *
   * @throws IllegalArgumentException when {@code top} &lt; 1, the user has no events before {@code
   *     now}, or is outside the task's population
   */
  static UserRow userRow(
      Connection connection, Task task, int horizonDays, String user, int top, Instant now) {
    Objects.requireNonNull(user, "user");
    if (top < 1) {
      throw new IllegalArgumentException("top must be >= 1, got " + top);
    }
    TrainingSet current = TrainingSetBuilder.build(connection, List.of(now), horizonDays);
    TrainingSet population = current.filter(i -> task.inPopulation(current, i));
    for (int i = 0; i < population.size(); i++) {
      if (population.user(i).equals(user)) {
        return new UserRow(population, i);
      }
    }
    boolean known = current.filter(i -> current.user(i).equals(user)).size() > 0;
    throw new IllegalArgumentException(
        known
            ? "user '" + user + "' has no purchase before " + now + ", so no " + task + " score"
            : "user '" + user + "' has no events before " + now);
  }

  /**
   * Explains {@code user}'s score under an already trained {@code model} (e.g. one from the model
   * registry), with the user's features from the events before {@code now}.
   *
   * @throws IllegalArgumentException when the user has no events before {@code now}, or is outside
   *     the task's population
   */
  public static Explanation explain(
      Connection connection,
      Task task,
      int horizonDays,
      String user,
      int top,
      XgbClassifier model,
      Instant now) {
    UserRow found = userRow(connection, task, horizonDays, user, top, now);
    TrainingSet population = found.population();
    TrainingSet row = population.filter(i -> i == found.row());
    double[][] features = row.matrix();
    double[] contrib = model.contributions(features)[0];
    double probability = model.predict(features)[0];
    List<String> names = row.featureNames();
    List<Integer> order = new ArrayList<>();
    for (int j = 0; j < names.size(); j++) {
      order.add(j);
    }
    order.sort(Comparator.comparingDouble((Integer j) -> -Math.abs(contrib[j])));
    List<Explanation.Reason> reasons = new ArrayList<>();
    for (int k = 0; k < Math.min(top, order.size()); k++) {
      int j = order.get(k);
      double value = features[0][j];
      reasons.add(
          new Explanation.Reason(
              names.get(j),
              value,
              contrib[j],
              FeatureWords.describe(names.get(j), value)
                  + String.format(Locale.ROOT, ": %+.2f", contrib[j])));
    }
    Map<String, Double> importance = new LinkedHashMap<>();
    model.importance(population.matrix()).entrySet().stream()
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .limit(10)
        .forEach(e -> importance.put(e.getKey(), e.getValue()));
    double bias = contrib[names.size()];
    return new Explanation(
        user,
        task.cliName(),
        horizonDays,
        now,
        probability,
        1 / (1 + Math.exp(-bias)),
        reasons,
        importance);
  }
}
