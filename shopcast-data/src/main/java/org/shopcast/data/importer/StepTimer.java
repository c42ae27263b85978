package org.shopcast.data.importer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** Wall-clock milliseconds of an import's steps, in the order they ran. */
final class StepTimer {
  private final Map<String, Long> millis = new LinkedHashMap<>();
  private final Consumer<String> onStepDone;
  private long last = System.nanoTime();

  /** A timer telling {@code onStepDone} the name of each step as it ends. */
  StepTimer(Consumer<String> onStepDone) {
    this.onStepDone = onStepDone;
  }

  /** Charges the time since the previous lap (or the start) to {@code step}. */
  void lap(String step) {
    long now = System.nanoTime();
    millis.merge(step, (now - last) / 1_000_000, Long::sum);
    last = now;
    onStepDone.accept(step);
  }

  /** The steps and their milliseconds. */
  Map<String, Long> millis() {
    return millis;
  }
}
