package org.shopcast.predict.sequence;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Starts DJL's PyTorch engine once per process, offline (the natives come from the {@code
 * pytorch-native-cpu} jar on the classpath, unpacked into {@code DJL_CACHE_DIR} or {@code
 * ~/.djl.ai}), with a fixed number of intra- and inter-op threads so results repeat; and builds the
 * network's input arrays.
 */
final class Djl {
  static final String ENGINE = "PyTorch";

  /**
   * Held while a network trains: DJL's PyTorch engine allows one gradient collector per process, so
   * trainings in parallel threads take turns.
   */
  static final Object TRAINING = new Object();

  private static int startedThreads;

  private Djl() {}

  /**
   * The engine, started with {@code threads} threads unless already running. Settings given as
   * system properties ({@code ai.djl.offline}, {@code ai.djl.pytorch.num_threads}) win.
   */
  static synchronized Engine start(int threads) {
    if (startedThreads == 0) {
      setIfAbsent("ai.djl.offline", "true");
      setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
      setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
      // DJL's start-up notes (no GPU, graph optimiser) are not the user's concern: errors only
      setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "error");
      startedThreads = threads;
    }
    return Engine.getEngine(ENGINE);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
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
