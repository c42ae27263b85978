package org.shopcast.data.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.ImportResult;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;

class EventGeneratorTest {
  @TempDir Path dir;

  private static String csv(Profile profile, long events, long seed) throws IOException {
    StringWriter out = new StringWriter();
    EventGenerator.of(profile, events, seed).writeCsv(out, n -> {});
    return out.toString();
  }

  @Test
  void sameSeed_givesIdenticalBytes_otherSeedDiffers() throws IOException {
    Profile profile = Profile.defaultTaobao();

    String first = csv(profile, 20_000, 42);
    String again = csv(profile, 20_000, 42);
    String other = csv(profile, 20_000, 43);

    assertThat(first.lines()).hasSize(20_000);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void fittedProfile_reproducesTheSampleBehaviourMix() throws IOException {
    Profile profile = ProfileTest.fitSample(dir.resolve("ws"));

    Map<String, Long> counts = new HashMap<>();
    csv(profile, 200_000, 7).lines().forEach(l -> counts.merge(l.split(",")[3], 1L, Long::sum));

    double total = 200_000;
    assertThat(counts.get("pv") / total).isCloseTo(profile.mix().view(), offset(0.005));
    assertThat(counts.get("cart") / total).isCloseTo(profile.mix().cart(), offset(0.005));
    assertThat(counts.get("fav") / total).isCloseTo(profile.mix().favorite(), offset(0.005));
    assertThat(counts.get("buy") / total).isCloseTo(profile.mix().purchase(), offset(0.005));
  }

  @Test
  void generatedEvents_refitToTheProfileTheyCameFrom() {
    Profile profile = Profile.defaultTaobao();
    Path ws = dir.resolve("ws");
    try (EventStore store = EventStore.open(ws)) {
      EventGenerator.of(profile, 100_000, 11).importInto(store, ProfileTest.CLOCK, n -> {});
      Profile refit = Profile.fit(store, "generated");

      assertThat(refit.mix().view()).isCloseTo(profile.mix().view(), offset(0.01));
      assertThat(refit.funnel().purchaseAfterCart())
          .isCloseTo(profile.funnel().purchaseAfterCart(), offset(0.1));
      assertThat(refit.activity().logMean()).isCloseTo(profile.activity().logMean(), offset(0.3));
      assertThat(refit.time().start()).isEqualTo(profile.time().start());
      assertThat(refit.time().end()).isEqualTo(profile.time().end());
    }
  }

  @Test
  void generatedCsv_reimportsWithTheTaobaoImporterWithoutRejects() {
    Path file = dir.resolve("gen.csv");
    GenerateResult generated =
        EventGenerator.of(Profile.defaultTaobao(), 50_000, 3).writeCsv(file, n -> {});
    try (EventStore store = EventStore.open(dir.resolve("ws"))) {
      ImportResult result =
          new Importer(store, ProfileTest.CLOCK).importFile(file, ImportOptions.of(Format.TAOBAO));

      assertThat(result.read()).isEqualTo(50_000);
      assertThat(result.rejected()).isZero();
      assertThat(result.accepted() + result.duplicates()).isEqualTo(50_000);
      assertThat(result.users()).isEqualTo(generated.users());
      assertThat(result.items()).isEqualTo(generated.items());
    }
  }

  @Test
  void parquet_holdsTheSameRowsAsTheCsv() throws Exception {
    Path csvFile = dir.resolve("gen.csv");
    Path parquet = dir.resolve("gen.parquet");
    EventGenerator.of(Profile.defaultTaobao(), 10_000, 5).writeCsv(csvFile, n -> {});
    EventGenerator.of(Profile.defaultTaobao(), 10_000, 5).writeParquet(parquet, n -> {});

    try (var duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        Statement st = duck.createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT (SELECT count(*) FROM '"
                    + parquet
                    + "'), (SELECT count(*) FROM (SELECT * FROM read_csv('"
                    + csvFile
                    + "', header=false, columns={'user_id': 'BIGINT', 'item_id': 'BIGINT',"
                    + " 'category_id': 'BIGINT', 'behavior': 'VARCHAR', 'ts': 'BIGINT'})"
                    + " EXCEPT ALL SELECT * FROM '"
                    + parquet
                    + "'))")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(10_000);
      assertThat(rs.getLong(2)).isZero();
    }
    assertThat(Files.exists(dir.resolve("gen.parquet.tmp.csv"))).isFalse();
  }

  @Test
  void of_rejectsFewerThanOneEvent() {
    assertThatThrownBy(() -> EventGenerator.of(Profile.defaultTaobao(), 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("events must be >= 1, got 0");
  }
}
