package org.shopcast.forecast.neural;

import ai.djl.engine.Engine;

/**
 * Starts DJL's PyTorch engine once per process, offline (the natives come from the {@code
 * pytorch-native-cpu} jar on the classpath), with a fixed number of threads; system properties
 * given by the caller win.
 */
final class Djl {
  static final String ENGINE = "PyTorch";

  /**
   * Held while a network trains: DJL's PyTorch engine allows one gradient collector per process, so
   * trainings in parallel threads (e.g. {@code Batch} over many series) take turns.
   */
  static final Object TRAINING = new Object();

  private static boolean started;

  private Djl() {}

  static synchronized Engine start(int threads) {
    if (!started) {
      setIfAbsent("ai.djl.offline", "true");
      setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
      setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
      setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "error");
      started = true;
    }
    return Engine.getEngine(ENGINE);
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
