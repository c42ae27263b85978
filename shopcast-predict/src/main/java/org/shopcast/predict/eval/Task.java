package org.shopcast.predict.eval;

import java.util.Locale;
import org.shopcast.predict.features.TrainingSet;

/** The binary prediction tasks over a point-in-time training set. */
public enum Task {
  /** Buys within the next H days; every user with an event before the cutoff. */
  PURCHASE("purchase"),
  /** No purchase within the next H days; users with at least one purchase before the cutoff. */
  CHURN("churn");

  private final String cliName;

  Task(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line and in JSON. */
  public String cliName() {
    return cliName;
  }

  /**
   * The task with this name.
   *
   * @throws IllegalArgumentException naming the known tasks
   */
  public static Task fromName(String name) {
    for (Task task : values()) {
      if (task.cliName.equals(name == null ? null : name.toLowerCase(Locale.ROOT))) {
        return task;
      }
    }
    throw new IllegalArgumentException("task must be purchase or churn, got '" + name + "'");
  }

  /** True when row {@code i} belongs to the task's population. */
  public boolean inPopulation(TrainingSet set, int i) {
    return this == PURCHASE || set.feature(i, "orders") > 0;
  }

  /** The label of row {@code i}. */
  public boolean label(TrainingSet set, int i) {
    return this == PURCHASE ? set.bought(i) : !set.bought(i);
  }

  /** The labels of all rows. */
  public boolean[] labels(TrainingSet set) {
    boolean[] y = new boolean[set.size()];
    for (int i = 0; i < y.length; i++) {
      y[i] = label(set, i);
    }
    return y;
  }

  @Override
  public String toString() {
    return cliName;
  }
}
