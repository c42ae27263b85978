package org.shopcast.core.runtime;

/**
 * The process-wide set-up of the neural-network engine (DJL on PyTorch) that the GRU forecaster,
 * the GRU purchase model and GRU4Rec share: offline (the natives come from the {@code
 * pytorch-native-cpu} jar on the classpath, never the network), a fixed number of intra-op threads
 * and one inter-op thread so results repeat, and DJL's start-up notes at error level only. It only
 * sets system properties, before the first engine call, so this module does not depend on DJL;
 * properties the caller set (e.g. {@code -Dai.djl.offline=false}) win. The engine reads them once,
 * so the first call's thread count holds for the whole process.
 */
public final class NeuralRuntime {
  /** DJL's name of the engine all Shopcast networks run on. */
  public static final String ENGINE = "PyTorch";

  /**
   * Held while a network trains: the PyTorch engine allows one gradient collector per process, so
   * trainings in parallel threads (any module) take turns.
   */
  public static final Object TRAINING = new Object();

  private static int threads;

  private NeuralRuntime() {}

  /**
   * Sets the engine's system properties unless already set, on the first call only.
   *
   * @param threads PyTorch intra-op threads, &gt;= 1
   * @return the thread count of the first call (the one in force)
   * @throws IllegalArgumentException when {@code threads} &lt; 1
   */
  public static synchronized int configure(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1, got " + threads);
    }
    if (NeuralRuntime.threads == 0) {
      setIfAbsent("ai.djl.offline", "true");
      setIfAbsent("ai.djl.pytorch.num_threads", Integer.toString(threads));
      setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
      setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "error");
      NeuralRuntime.threads = threads;
    }
    return NeuralRuntime.threads;
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }
}
