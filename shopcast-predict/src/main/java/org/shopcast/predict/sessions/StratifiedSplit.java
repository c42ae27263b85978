package org.shopcast.predict.sessions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A seeded stratified train / validation / test split: the purchasing and the other sessions are
 * shuffled separately ({@link Collections#shuffle(List, Random)} with {@code new Random(seed)}) and
 * each class is cut at the same fractions, so the three parts keep the positive rate.
 *
 * @param train indices of the training rows
 * @param validation indices of the validation rows (XGBoost early stopping, F1 thresholds)
 * @param test indices of the test rows (all reported figures)
 */
public record StratifiedSplit(int[] train, int[] validation, int[] test) {
  /** The default fractions: 60% training, 15% validation, 25% test. */
  public static StratifiedSplit of(boolean[] labels, long seed) {
    return of(labels, 0.15, 0.25, seed);
  }

  /**
   * Splits the rows.
   *
   * @param labels the class of each row
   * @param validationFraction the share of each class for validation
   * @param testFraction the share of each class for testing
   * @param seed the shuffle seed
   */
  public static StratifiedSplit of(
      boolean[] labels, double validationFraction, double testFraction, long seed) {
    if (!(validationFraction > 0 && testFraction > 0 && validationFraction + testFraction < 1)) {
      throw new IllegalArgumentException(
          "need 0 < fractions and validation + test < 1, got "
              + validationFraction
              + " and "
              + testFraction);
    }
    Random random = new Random(seed);
    List<Integer> train = new ArrayList<>();
    List<Integer> valid = new ArrayList<>();
    List<Integer> test = new ArrayList<>();
    for (boolean cls : new boolean[] {true, false}) {
      List<Integer> members = new ArrayList<>();
      for (int i = 0; i < labels.length; i++) {
        if (labels[i] == cls) {
          members.add(i);
        }
      }
      Collections.shuffle(members, random);
      int nTest = (int) Math.round(members.size() * testFraction);
      int nValid = (int) Math.round(members.size() * validationFraction);
      test.addAll(members.subList(0, nTest));
      valid.addAll(members.subList(nTest, nTest + nValid));
      train.addAll(members.subList(nTest + nValid, members.size()));
    }
    return new StratifiedSplit(sorted(train), sorted(valid), sorted(test));
  }

  private static int[] sorted(List<Integer> list) {
    return list.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}
