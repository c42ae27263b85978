package org.shopcast.predict.features;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Point-in-time training rows: one per (cutoff, user) for the users with at least one event before
 * the cutoff. Features come only from events before the cutoff; the labels from the horizon window
 * after it. Immutable (the arrays are not exposed).
 */
public final class TrainingSet {
  private final List<String> featureNames;
  private final String[] users;
  private final Instant[] cutoffs;
  private final double[][] features;
  private final boolean[] bought;
  private final double[] spend;
  private final boolean[] active;
  private final int horizonDays;

  TrainingSet(
      List<String> featureNames,
      String[] users,
      Instant[] cutoffs,
      double[][] features,
      boolean[] bought,
      double[] spend,
      boolean[] active,
      int horizonDays) {
    this.featureNames = List.copyOf(featureNames);
    this.users = users;
    this.cutoffs = cutoffs;
    this.features = features;
    this.bought = bought;
    this.spend = spend;
    this.active = active;
    this.horizonDays = horizonDays;
  }

  /** The feature names, in column order. */
  public List<String> featureNames() {
    return featureNames;
  }

  /** The number of rows. */
  public int size() {
    return users.length;
  }

  /** The label window length in days. */
  public int horizonDays() {
    return horizonDays;
  }

  /** The user of row {@code i}. */
  public String user(int i) {
    return users[i];
  }

  /** The cutoff of row {@code i}. */
  public Instant cutoff(int i) {
    return cutoffs[i];
  }

  /** A copy of row {@code i}'s features. */
  public double[] features(int i) {
    return features[i].clone();
  }

  /** Feature {@code name} of row {@code i}. */
  public double feature(int i, String name) {
    int c = featureNames.indexOf(name);
    if (c < 0) {
      throw new IllegalArgumentException("no feature named '" + name + "'");
    }
    return features[i][c];
  }

  /** True when the user of row {@code i} bought in the label window. */
  public boolean bought(int i) {
    return bought[i];
  }

  /** The user's spend in the label window. */
  public double spend(int i) {
    return spend[i];
  }

  /** True when the user had any event in the label window. */
  public boolean active(int i) {
    return active[i];
  }

  /** The rows whose index passes {@code keep}, in order. */
  public TrainingSet filter(IntPredicate keep) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < size(); i++) {
      if (keep.test(i)) {
        rows.add(i);
      }
    }
    int n = rows.size();
    String[] u = new String[n];
    Instant[] c = new Instant[n];
    double[][] f = new double[n][];
    boolean[] b = new boolean[n];
    double[] s = new double[n];
    boolean[] a = new boolean[n];
    for (int k = 0; k < n; k++) {
      int i = rows.get(k);
      u[k] = users[i];
      c[k] = cutoffs[i];
      f[k] = features[i];
      b[k] = bought[i];
      s[k] = spend[i];
      a[k] = active[i];
    }
    return new TrainingSet(featureNames, u, c, f, b, s, a, horizonDays);
  }

  /** The rows with cutoff {@code cutoff}. */
  public TrainingSet atCutoff(Instant cutoff) {
    Objects.requireNonNull(cutoff, "cutoff");
    return filter(i -> cutoffs[i].equals(cutoff));
  }
}
