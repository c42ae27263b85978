package org.shopcast.recommend.workspace;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The models whose user lists {@link RecsTrainer} can precompute. */
public enum RecsModel {
  /** Item-kNN over the user's history (sessions as stored). */
  IKNN,
  /** User-kNN over one row per user. */
  UKNN,
  /** Implicit ALS over one row per user, the user folded in. */
  ALS,
  /** Trending popularity only (7-day half-life), per category when the latest item has one. */
  POPULAR,
  /**
   * Frequently bought together ({@link org.shopcast.recommend.fbt.FbtModel}): item lists are the
   * items most often in the same orders, user lists those most often bought with the user's items.
   */
  FBT;

  /** The lower-case name used on the command line and in the tables. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The model named {@code id} (case-insensitive).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RecsModel parse(String id) {
    for (RecsModel m : values()) {
      if (m.id().equalsIgnoreCase(id.strip())) {
        return m;
      }
    }
    throw new IllegalArgumentException(
        "unknown recommendation model '"
            + id
            + "', expected one of "
            + Arrays.stream(values()).map(RecsModel::id).collect(Collectors.joining(", ")));
  }
}
