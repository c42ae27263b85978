package org.shopcast.data.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/**
 * Corrupts random lines of a real Taobao sample and checks the import's books balance: every line
 * is read once, {@code read = accepted + rejected + duplicates}, the quarantine holds exactly the
 * rejected rows, and a refused import leaves the store as it was.
 */
class ImportCountsPropertyTest {
  private static final int LINES = 300;

  /** Ways a line can go bad. */
  enum Corruption {
    BAD_TIMESTAMP,
    OUT_OF_RANGE,
    UNKNOWN_BEHAVIOR,
    MISSING_USER,
    EXTRA_COLUMN,
    TRUNCATED,
    GARBAGE,
    REPEAT_PREVIOUS
  }

  /** One corrupted line. */
  record Damage(int line, Corruption corruption) {}

  @Provide
  Arbitrary<List<Damage>> damages() {
    Arbitrary<Damage> one =
        Combinators.combine(
                Arbitraries.integers().between(1, LINES - 1), Arbitraries.of(Corruption.class))
            .as(Damage::new);
    return one.list().ofMinSize(0).ofMaxSize(40);
  }

  @Property(tries = 10)
  void countsAddUpAndRefusalLeavesTheStoreAlone(
      @ForAll("damages") List<Damage> damages, @ForAll boolean strict) throws IOException {
    List<String> all =
        Files.readAllLines(
            Fixtures.path("taobao/UserBehavior_head_43users.csv"), StandardCharsets.UTF_8);
    List<String> original = all.subList(0, LINES);
    List<String> lines = new ArrayList<>(original);
    for (Damage damage : damages) {
      // A line damaged twice is damaged from its original text the second time.
      lines.set(damage.line(), corrupt(original.get(damage.line()), lines, damage));
    }
    Path dir = Files.createTempDirectory("shopcast-prop-");
    try {
      Path base = dir.resolve("base.csv");
      Files.write(base, all.subList(LINES, 2 * LINES), StandardCharsets.UTF_8);
      Path file = dir.resolve("corrupted.csv");
      Files.write(file, lines, StandardCharsets.UTF_8);
      try (EventStore store = EventStore.open(dir.resolve("ws"))) {
        ImportTesting.importFile(store, base, ImportOptions.of(Format.TAOBAO));
        String before =
            ImportTesting.storeText(
                store, "SELECT count(*) || ':' || sum(hash(event_id)) FROM events");

        ImportResult result =
            new Importer(store, ImportTesting.CLOCK)
                .importFile(
                    file,
                    ImportOptions.of(Format.TAOBAO)
                        .withStrict(strict)
                        .withPolicy(1.0, ImportOptions.DEFAULT_SESSION_GAP, false));

        assertThat(result.read()).isEqualTo(LINES);
        assertThat(
                ImportTesting.storeLong(
                    store,
                    "SELECT count(*) FROM quarantine WHERE import_id = " + result.importId()))
            .isEqualTo(result.rejected());
        if (result.refused()) {
          assertThat(result.accepted()).isZero();
          assertThat(
                  ImportTesting.storeText(
                      store, "SELECT count(*) || ':' || sum(hash(event_id)) FROM events"))
              .isEqualTo(before);
        } else {
          assertThat(result.read())
              .isEqualTo(result.accepted() + result.rejected() + result.duplicates());
          assertThat(
                  ImportTesting.storeLong(
                      store, "SELECT count(*) FROM events WHERE import_id = " + result.importId()))
              .isEqualTo(result.accepted());
        }
        if (strict && result.rejected() > 0) {
          assertThat(result.refused()).isTrue();
        }
      }
    } finally {
      try (Stream<Path> walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static String corrupt(String line, List<String> lines, Damage damage) {
    String[] f = line.split(",", -1);
    return switch (damage.corruption()) {
      case BAD_TIMESTAMP -> String.join(",", f[0], f[1], f[2], f[3], "notatime");
      case OUT_OF_RANGE -> String.join(",", f[0], f[1], f[2], f[3], "1505117799");
      case UNKNOWN_BEHAVIOR -> String.join(",", f[0], f[1], f[2], "click", f[4]);
      case MISSING_USER -> String.join(",", "", f[1], f[2], f[3], f[4]);
      case EXTRA_COLUMN -> line + ",extra";
      case TRUNCATED -> f[0] + "," + f[1];
      case GARBAGE -> "\u00ff\u00fe garbage \u2603";
      case REPEAT_PREVIOUS -> lines.get(damage.line() - 1);
    };
  }
}
