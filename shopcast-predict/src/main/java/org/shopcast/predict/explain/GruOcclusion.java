package org.shopcast.predict.explain;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.sequence.EventSequences;
import org.shopcast.predict.sequence.GruModel;

/**
 * Per-user reasons for a GRU purchase score by occlusion over event types (Zeiler &amp; Fergus,
 * "Visualizing and Understanding Convolutional Networks", ECCV 2014, section 4.2): for each event
 * type in the events the model reads (the user's latest L before the cutoff), the score is computed
 * again with every event of that type removed from that input (the others keep their times, so the
 * gaps close up); the reason's contribution is logit(p) - logit(p without the type), in log-odds
 * like the XGBoost SHAP values. Unlike SHAP the contributions do not add up to the score: each says
 * what the type's events are worth given all the others. Costs one prediction per type.
 */
public final class GruOcclusion {
  private static final Map<String, String> PLURAL =
      Map.of(
          "VIEW", "views",
          "SEARCH", "searches",
          "FAVORITE", "favourites",
          "CART_ADD", "cart adds",
          "CART_REMOVE", "cart removals",
          "PURCHASE", "purchases",
          "RETURN", "returns");

  private GruOcclusion() {}

  /**
   * The reasons for one input sequence, largest |contribution| first (types absent from the input
   * have none).
   *
   * @param steps the user's events, oldest first; only the latest {@code L} are read
   */
  public static List<Explanation.Reason> reasons(GruModel model, List<EventSequences.Step> steps) {
    int l = model.options().maxEvents();
    List<EventSequences.Step> window = steps.subList(Math.max(0, steps.size() - l), steps.size());
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (EventSequences.Step step : window) {
      counts.merge(step.type(), 1, Integer::sum);
    }
    List<List<EventSequences.Step>> variants = new ArrayList<>();
    variants.add(window);
    for (String type : counts.keySet()) {
      variants.add(window.stream().filter(s -> !s.type().equals(type)).toList());
    }
    double[] p = model.predict(EventSequences.encode(variants, model.options()));
    List<Explanation.Reason> reasons = new ArrayList<>();
    int k = 1;
    for (Map.Entry<String, Integer> e : counts.entrySet()) {
      double contribution = logit(p[0]) - logit(p[k++]);
      reasons.add(
          new Explanation.Reason(
              "events:" + e.getKey(),
              e.getValue(),
              contribution,
              String.format(
                  Locale.ROOT,
                  "%d %s among the last %d events: %+.2f",
                  e.getValue(),
                  PLURAL.get(e.getKey()),
                  window.size(),
                  contribution)));
    }
    reasons.sort(Comparator.comparingDouble((Explanation.Reason r) -> -Math.abs(r.contribution())));
    return reasons;
  }

  private static double logit(double p) {
    double q = Math.min(1 - 1e-12, Math.max(1e-12, p));
    return Math.log(q / (1 - q));
  }

  /**
   * Explains {@code user}'s score under a GRU {@code model}, from the events before {@code now}.
   * The explanation's base probability is the model's mean score over the task's population; its
   * importance is empty (no global attribution for the GRU).
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
      GruModel model,
      Instant now) {
    Explainer.UserRow found = Explainer.userRow(connection, task, horizonDays, user, top, now);
    TrainingSet population = found.population();
    int row = found.row();
    List<List<EventSequences.Step>> steps =
        EventSequences.steps(connection, population, model.options());
    double[] all = model.predict(EventSequences.encode(steps, model.options()));
    double mean = 0;
    for (double p : all) {
      mean += p / all.length;
    }
    List<Explanation.Reason> reasons = reasons(model, steps.get(row));
    return new Explanation(
        user,
        task.cliName(),
        horizonDays,
        now,
        all[row],
        mean,
        reasons.subList(0, Math.min(top, reasons.size())),
        Map.of());
  }
}
