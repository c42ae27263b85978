package org.shopcast.predict.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;

/** The time-to-purchase label (censoring at H) and the last-H spend, on hand-made events. */
class TaskRowsTest {
  @TempDir Path dir;

  @Test
  void nextPurchaseDay_andSpendLastHorizon() throws Exception {
    Instant cutoff = Instant.parse("2024-03-10T00:00:00Z");
    try (EventStore store = EventStore.open(dir.resolve("ws"))) {
      for (String user : List.of("a", "b", "c", "d", "e")) {
        TestStores.event(store, "past-" + user, user, "2024-03-01 12:00:00", "VIEW", 0);
      }
      TestStores.event(store, "a0", "a", "2024-03-08 10:00:00", "PURCHASE", 5); // in [T-4d, T)
      TestStores.event(store, "a1", "a", "2024-03-10 00:30:00", "PURCHASE", 7); // day 1
      TestStores.event(store, "a2", "a", "2024-03-11 00:30:00", "PURCHASE", 7); // later
      TestStores.event(store, "b1", "b", "2024-03-12 12:00:00", "PURCHASE", 3); // day 3
      TestStores.event(store, "c1", "c", "2024-03-11 00:00:00", "VIEW", 0); // censored
      TestStores.event(store, "d1", "d", "2024-03-14 00:00:00", "PURCHASE", 9); // at T + H
      TestStores.event(store, "e0", "e", "2024-03-05 23:00:00", "PURCHASE", 4); // before T - H
      TestStores.event(store, "e1", "e", "2024-03-06 01:00:00", "PURCHASE", 6); // in [T-4d, T)
      TrainingSet rows = TrainingSetBuilder.build(store.connection(), List.of(cutoff), 4);
      assertThat(rows.size()).isEqualTo(5);
      int[] day = TaskRows.nextPurchaseDay(store.connection(), rows);
      double[] spend = TaskRows.spendLastHorizon(store.connection(), rows);
      for (int i = 0; i < rows.size(); i++) {
        switch (rows.user(i)) {
          case "a" -> {
            assertThat(day[i]).isEqualTo(1);
            assertThat(spend[i]).isEqualTo(5);
          }
          case "b" -> assertThat(day[i]).isEqualTo(3);
          case "c", "d" -> {
            assertThat(day[i]).as(rows.user(i)).isZero();
            assertThat(spend[i]).isZero();
          }
          case "e" -> {
            assertThat(day[i]).isZero();
            assertThat(spend[i]).isEqualTo(6);
          }
          default -> throw new AssertionError(rows.user(i));
        }
      }
    }
  }
}
