package org.shopcast.recommend.eval;

import java.util.Locale;

/** How {@link UserEvaluation} holds out each user's future. */
public enum UserSplit {
  /**
   * Events before a cutoff train; each user's earlier events are the context and the distinct items
   * the user touches at or after the cutoff are relevant.
   */
  TEMPORAL,
  /**
   * Each user's last event is held out (its item is the one relevant item); all other events of all
   * users train, and the user's earlier events are the context (Rendle et al. 2009, BPR; He et al.
   * 2017, NCF).
   */
  LEAVE_LAST_OUT;

  /** The command-line name, e.g. {@code leave-last-out}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The split named {@code id}.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static UserSplit parse(String id) {
    for (UserSplit s : values()) {
      if (s.id().equalsIgnoreCase(id.strip())) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown split '" + id + "', expected temporal or leave-last-out");
  }
}
