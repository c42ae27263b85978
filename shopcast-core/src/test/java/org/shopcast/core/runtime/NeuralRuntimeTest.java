package org.shopcast.core.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeuralRuntimeTest {
  private static final List<String> KEYS =
      List.of(
          "ai.djl.offline",
          "ai.djl.pytorch.num_threads",
          "ai.djl.pytorch.num_interop_threads",
          "org.slf4j.simpleLogger.log.ai.djl");

  @Test
  void configure_setsAbsentPropertiesOnce_andCallerSettingsWin() {
    Map<String, String> saved = new HashMap<>();
    for (String key : KEYS) {
      saved.put(key, System.getProperty(key));
      System.clearProperty(key);
    }
    try {
      System.setProperty("ai.djl.offline", "false");
      assertThat(NeuralRuntime.configure(2)).isEqualTo(2);
      assertThat(System.getProperty("ai.djl.offline")).isEqualTo("false");
      assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isEqualTo("2");
      assertThat(System.getProperty("ai.djl.pytorch.num_interop_threads")).isEqualTo("1");
      assertThat(System.getProperty("org.slf4j.simpleLogger.log.ai.djl")).isEqualTo("error");
      System.clearProperty("ai.djl.pytorch.num_threads");
      assertThat(NeuralRuntime.configure(1)).as("the first call's threads hold").isEqualTo(2);
      assertThat(System.getProperty("ai.djl.pytorch.num_threads")).isNull();
    } finally {
      for (String key : KEYS) {
        if (saved.get(key) == null) {
          System.clearProperty(key);
        } else {
          System.setProperty(key, saved.get(key));
        }
      }
    }
  }

  @Test
  void configure_rejectsNoThreads() {
    assertThatThrownBy(() -> NeuralRuntime.configure(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be >= 1, got 0");
  }
}
