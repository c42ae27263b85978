package org.shopcast.recommend.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A temporal split of one click log into training and test sessions, as in the SR-GNN and
 * session-rec preprocessing: a session belongs to the test set when it ends within the last {@code
 * days} days of the log, so whole sessions stay on one side and the test lies after training.
 *
 * @param train clicks of the training sessions
 * @param test clicks of the test sessions
 */
public record SessionSplit(List<Click> train, List<Click> test) {
  private static final long DAY_MS = 86_400_000L;

  /** Copies the lists. */
  public SessionSplit {
    train = List.copyOf(train);
    test = List.copyOf(test);
  }

  /** Splits off the sessions that end within the last {@code days} days as the test set. */
  public static SessionSplit lastDays(List<Click> clicks, int days) {
    if (days < 1) {
      throw new IllegalArgumentException("days must be >= 1, got " + days);
    }
    Map<String, Long> sessionEnd = new HashMap<>();
    long max = Long.MIN_VALUE;
    for (Click click : clicks) {
      sessionEnd.merge(click.sessionId(), click.timeMillis(), Math::max);
      max = Math.max(max, click.timeMillis());
    }
    long cutoff = max - days * DAY_MS;
    List<Click> train = new ArrayList<>();
    List<Click> test = new ArrayList<>();
    for (Click click : clicks) {
      (sessionEnd.get(click.sessionId()) > cutoff ? test : train).add(click);
    }
    return new SessionSplit(train, test);
  }
}
