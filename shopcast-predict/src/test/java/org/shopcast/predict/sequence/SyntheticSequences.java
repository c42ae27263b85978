package org.shopcast.predict.sequence;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Synthetic GRU training data where the label is a plain function of the sequence: random views
 * with a cart add now and then, labelled "the last event is a cart add" (a buyer about to check
 * out), which per-user counts alone cannot tell exactly.
 */
public final class SyntheticSequences {
  /** Small settings that learn the rule in a few seconds. */
  public static final SequenceOptions OPTIONS =
      new SequenceOptions(12, 8, 4, 4, 16, 32, 20, 4, 0.03, 7, 1);

  private SyntheticSequences() {}

  /**
   * Labelled sequences.
   *
   * @param steps the events of each row, oldest first
   * @param sequences them encoded with {@link #OPTIONS}
   * @param labels the last event is a cart add
   */
  public record Data(
      List<List<EventSequences.Step>> steps, EventSequences sequences, boolean[] labels) {}

  /** {@code n} rows of 2 to 11 events, drawn with {@code seed}. */
  public static Data data(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<List<EventSequences.Step>> rows = new ArrayList<>();
    boolean[] labels = new boolean[n];
    for (int i = 0; i < n; i++) {
      int length = 2 + random.nextInt(10);
      List<EventSequences.Step> steps = new ArrayList<>();
      long age = 3600L * (1 + random.nextInt(200));
      for (int k = 0; k < length; k++) {
        String type = random.nextDouble() < 0.25 ? "CART_ADD" : "VIEW";
        steps.add(new EventSequences.Step(type, "c" + random.nextInt(5), age));
        age = Math.max(60, age - 60L * (1 + random.nextInt(120)));
      }
      rows.add(steps);
      labels[i] = steps.get(length - 1).type().equals("CART_ADD");
    }
    return new Data(rows, EventSequences.encode(rows, OPTIONS), labels);
  }

  /** A GRU trained on {@code train}, stopping early on {@code valid}. */
  public static GruModel fit(Data train, Data valid, SequenceOptions options) {
    return GruTrainer.train(
        train.sequences(), train.labels(), valid.sequences(), valid.labels(), options);
  }
}
