package org.shopcast.predict.sessions;

import java.util.List;
import java.util.Objects;

/**
 * Sessions as a feature matrix.
 *
 * @param featureNames the column names of {@code rows}
 * @param rows one row of features per session
 * @param labels whether the session ended in a purchase ({@code Revenue})
 */
public record ShoppersData(List<String> featureNames, double[][] rows, boolean[] labels) {
  /** Checks that the sizes agree. */
  public ShoppersData {
    featureNames = List.copyOf(Objects.requireNonNull(featureNames, "featureNames"));
    Objects.requireNonNull(rows, "rows");
    Objects.requireNonNull(labels, "labels");
    if (rows.length != labels.length) {
      throw new IllegalArgumentException(rows.length + " rows but " + labels.length + " labels");
    }
  }

  /** The number of sessions. */
  public int size() {
    return rows.length;
  }

  /** The number of purchasing sessions. */
  public int positives() {
    int count = 0;
    for (boolean label : labels) {
      if (label) {
        count++;
      }
    }
    return count;
  }

  /** The sessions at {@code indices}, in that order. */
  public ShoppersData subset(int[] indices) {
    double[][] r = new double[indices.length][];
    boolean[] l = new boolean[indices.length];
    for (int i = 0; i < indices.length; i++) {
      r[i] = rows[indices[i]];
      l[i] = labels[indices[i]];
    }
    return new ShoppersData(featureNames, r, l);
  }
}
