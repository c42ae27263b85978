package org.shopcast.recommend.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;

/**
 * Whatever the events, no precomputed user list of any model holds an item that user bought. Each
 * try imports random Taobao-format events into a fresh DuckDB store.
 */
class RecsPurchasedPropertyTest {
  private static final String[] BEHAVIOURS = {"pv", "fav", "cart", "buy"};
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @Property(tries = 12)
  void precomputedLists_neverHoldAPurchasedItem(
      @ForAll @Size(min = 5, max = 80) List<@IntRange(min = 0, max = 15) Integer> items,
      @ForAll @Size(min = 80, max = 80) List<@IntRange(min = 0, max = 5) Integer> users,
      @ForAll @Size(min = 80, max = 80) List<@IntRange(min = 0, max = 3) Integer> behaviours,
      @ForAll @IntRange(min = 1, max = 20) int n)
      throws IOException {
    Path dir = Files.createTempDirectory("recs-property");
    try {
      StringBuilder csv = new StringBuilder();
      Map<String, Set<String>> bought = new HashMap<>();
      for (int i = 0; i < items.size(); i++) {
        String user = "u" + users.get(i);
        String item = "i" + items.get(i);
        String behaviour = BEHAVIOURS[behaviours.get(i)];
        csv.append(user)
            .append(',')
            .append(item)
            .append(",c")
            .append(items.get(i) % 3)
            .append(',')
            .append(behaviour)
            .append(',')
            .append(1_511_658_000L + 60L * i)
            .append('\n');
        if ("buy".equals(behaviour)) {
          bought.computeIfAbsent(user, u -> new HashSet<>()).add(item);
        }
      }
      Path file = dir.resolve("events.csv");
      Files.writeString(file, csv, StandardCharsets.UTF_8);
      try (EventStore store = EventStore.open(dir.resolve("ws"))) {
        new Importer(store, CLOCK).importFile(file, ImportOptions.of(Format.TAOBAO));
        for (RecsModel model : RecsModel.values()) {
          RecsTrainer.train(store.connection(), TrainRecsOptions.of(model, n), CLOCK);
          RecsIndex index = RecsIndex.load(store.connection(), model.id()).orElseThrow();
          for (Map.Entry<String, Set<String>> e : bought.entrySet()) {
            assertThat(index.forUser(e.getKey(), n).orElse(List.of()))
                .extracting(Explained::itemId)
                .doesNotContainAnyElementsOf(e.getValue());
          }
        }
      }
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
