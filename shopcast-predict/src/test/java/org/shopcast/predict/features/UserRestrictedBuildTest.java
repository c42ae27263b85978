package org.shopcast.predict.features;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/**
 * The user-restricted build (used to score a few users on request) equals the full build's rows.
 */
class UserRestrictedBuildTest {
  private static final Instant CUTOFF = Instant.parse("2017-12-02T00:00:00Z");

  @Test
  void restrictedRows_equalTheFullBuildsRowsOfThoseUsers(@TempDir Path dir) {
    try (EventStore store = EventStore.open(dir)) {
      new Importer(store, Clock.systemUTC())
          .importFile(
              Fixtures.path("taobao/UserBehavior_head_43users.csv"),
              ImportOptions.of(Format.TAOBAO));
      TrainingSet all = TrainingSetBuilder.build(store.connection(), List.of(CUTOFF), 2);
      List<String> some = new ArrayList<>();
      for (int i = 0; i < all.size(); i += 5) {
        some.add(all.user(i));
      }
      some.add("no-such-user");
      some.add("it's quoted");
      TrainingSet part = TrainingSetBuilder.build(store.connection(), List.of(CUTOFF), 2, some);
      assertThat(part.size()).isEqualTo(some.size() - 2);
      assertThat(part.featureNames()).isEqualTo(all.featureNames());
      for (int i = 0; i < part.size(); i++) {
        String user = part.user(i);
        TrainingSet full = all.filter(j -> all.user(j).equals(user));
        assertThat(part.features(i)).as(user).containsExactly(full.features(0));
        assertThat(part.bought(i)).isEqualTo(full.bought(0));
      }
      assertThat(TrainingSetBuilder.build(store.connection(), List.of(CUTOFF), 2, List.of()).size())
          .isZero();
    }
  }
}
