package org.shopcast.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

class ProfileTest {
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  /** The sample the built-in profile is fitted from; changing it means regenerating the JSON. */
  static final String SAMPLE = "taobao/UserBehavior_head_43users.csv";

  static final String SAMPLE_SOURCE =
      "fixtures/taobao/UserBehavior_head_43users.csv (sha256 e6f47712a2ae1498...): complete"
          + " 9-day histories of 43 users from Taobao UserBehavior, Alibaba Tianchi dataset 649,"
          + " research use with attribution (Zhu et al. 2018, KDD); imported with the Taobao"
          + " importer (1 out-of-window row rejected) and fitted by Profile.fit";

  @TempDir Path workspace;

  static Profile fitSample(Path workspace) {
    try (EventStore store = EventStore.open(workspace)) {
      new Importer(store, CLOCK).importFile(Fixtures.path(SAMPLE), ImportOptions.of(Format.TAOBAO));
      return Profile.fit(store, SAMPLE_SOURCE);
    }
  }

  /**
   * Regenerate the built-in profile with {@code -Dshopcast.golden.update=true} (run from the
   * shopcast-data folder).
   */
  @Test
  void defaultProfile_isTheFitOfTheBundledTaobaoSample() throws Exception {
    Profile fitted = fitSample(workspace);
    if (Boolean.getBoolean("shopcast.golden.update")) {
      Files.writeString(
          Path.of("src/main/resources/org/shopcast/data/generate/taobao-default-profile.json"),
          fitted.toJson() + "\n",
          StandardCharsets.UTF_8);
    }

    Profile builtIn = Profile.defaultTaobao();

    assertThat(builtIn)
        .usingRecursiveComparison()
        .withComparatorForType(
            Comparator.comparingDouble((Double d) -> Math.round(d * 1e9) / 1e9), Double.class)
        .isEqualTo(fitted);
  }

  @Test
  void fit_findsTheSampleMixWindowAndUsers() {
    Profile profile = fitSample(workspace);

    assertThat(profile.provenance().events()).isEqualTo(4320);
    assertThat(profile.provenance().users()).isEqualTo(43);
    assertThat(profile.mix().view()).isCloseTo(3925.0 / 4320, within(1e-9));
    assertThat(profile.time().start()).isEqualTo(Instant.parse("2017-11-24T16:00:00Z"));
    assertThat(profile.time().end()).isEqualTo(Instant.parse("2017-12-03T16:00:00Z"));
    assertThat(profile.time().daily()).hasSize(9);
    assertThat(profile.items().exponent()).isBetween(0.05, 2.0);
    assertThat(profile.sessions().meanEvents()).isGreaterThan(1);
  }

  @Test
  void fit_rejectsAnEmptyStore() {
    try (EventStore store = EventStore.open(workspace)) {
      assertThatThrownBy(() -> Profile.fit(store, "empty"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("got none");
    }
  }

  @Test
  void json_roundTrips() {
    Profile profile = Profile.defaultTaobao();

    assertThat(Profile.fromJson(profile.toJson())).isEqualTo(profile);
  }

  private static org.assertj.core.data.Offset<Double> within(double offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }
}
