package org.shopcast.predict.tasks;

import java.util.Locale;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.features.TrainingSet;

/**
 * Every per-user task that {@code shopcast train} and {@code predict} handle: the two binary tasks
 * of {@link Task}, spend in the next H days and days to the next purchase.
 */
public enum UserTask {
  /** Buys within the next H days (binary). */
  PURCHASE("purchase"),
  /** A buyer who does not buy within the next H days (binary). */
  CHURN("churn"),
  /** Spend in the next H days (regression); every user with an event before the cutoff. */
  CLV("clv"),
  /**
   * Days to the next purchase, right-censored at H (discrete-time hazard); every user with an event
   * before the cutoff.
   */
  TIME_TO_PURCHASE("time-to-purchase");

  private final String cliName;

  UserTask(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line, in JSON and in the registry. */
  public String cliName() {
    return cliName;
  }

  /**
   * The task with this name.
   *
   * @throws IllegalArgumentException naming the known tasks
   */
  public static UserTask fromName(String name) {
    for (UserTask task : values()) {
      if (task.cliName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
        return task;
      }
    }
    throw new IllegalArgumentException(
        "task must be purchase, churn, clv or time-to-purchase, got '" + name + "'");
  }

  /** The binary task, for purchase and churn. */
  public Task binary() {
    return switch (this) {
      case PURCHASE -> Task.PURCHASE;
      case CHURN -> Task.CHURN;
      default -> throw new IllegalStateException(cliName + " is not a binary task");
    };
  }

  /** True for purchase and churn. */
  public boolean isBinary() {
    return this == PURCHASE || this == CHURN;
  }

  /** True when row {@code i} belongs to the task's population (churn: buyers only). */
  public boolean inPopulation(TrainingSet set, int i) {
    return this == CHURN ? set.feature(i, "orders") > 0 : true;
  }

  @Override
  public String toString() {
    return cliName;
  }
}
