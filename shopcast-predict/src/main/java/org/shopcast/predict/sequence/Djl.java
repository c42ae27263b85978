package org.shopcast.predict.sequence;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.shopcast.core.runtime.NeuralRuntime;

/**
 * Starts DJL's PyTorch engine with the shared offline set-up ({@link NeuralRuntime}) and builds the
 * network's input arrays.
 */
final class Djl {
  static final String ENGINE = NeuralRuntime.ENGINE;

  private Djl() {}

  /**
   * The engine, configured with {@code threads} threads unless already running (system properties
   * given by the caller win).
   */
  static Engine start(int threads) {
    NeuralRuntime.configure(threads);
    return Engine.getEngine(ENGINE);
  }

  /** The network inputs of {@code rows}: types, categories, time features. */
  static NDList inputs(NDManager manager, EventSequences sequences, int[] rows) {
    int l = sequences.length();
    return new NDList(
        manager.create(sequences.types(rows), new Shape(rows.length, l)),
        manager.create(sequences.categories(rows), new Shape(rows.length, l)),
        manager.create(sequences.numeric(rows), new Shape(rows.length, l, EventSequences.NUMERIC)));
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code order}. */
  static int[] slice(int[] order, int from, int to) {
    int[] rows = new int[to - from];
    System.arraycopy(order, from, rows, 0, rows.length);
    return rows;
  }
}
