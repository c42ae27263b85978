package org.shopcast.server.scores;

import java.time.Instant;
import java.util.List;

/**
 * A user's scores, one per task with a registered model.
 *
 * @param userId the user
 * @param asOf the features are of the user's events before this instant (the day after the store's
 *     latest event, as {@code shopcast predict} uses)
 * @param scores one per task, in the order purchase, churn, clv, time-to-purchase
 */
public record UserScores(String userId, Instant asOf, List<Score> scores) {
  /** Copies the scores. */
  public UserScores {
    scores = List.copyOf(scores);
  }
}
