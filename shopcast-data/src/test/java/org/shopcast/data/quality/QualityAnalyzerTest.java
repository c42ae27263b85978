package org.shopcast.data.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.ImportResult;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/**
 * The report on the two bundled Taobao samples, each figure recomputed here in plain Java over the
 * raw event rows (or from the import results), independently of the analyzer's SQL.
 */
class QualityAnalyzerTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir static Path workspace;

  private static EventStore store;
  private static final List<ImportResult> FIRST = new ArrayList<>();
  private static QualityReport report;
  private static final List<Row> ROWS = new ArrayList<>();

  record Row(String user, Instant ts, String type, String item, String category, int quantity) {}

  @BeforeAll
  static void importBothSamplesAndReimportOne() throws Exception {
    store = EventStore.open(workspace);
    Importer importer = new Importer(store, CLOCK);
    ImportOptions taobao = ImportOptions.of(Format.TAOBAO);
    Path head = Fixtures.path("taobao/UserBehavior_head_43users.csv");
    FIRST.add(importer.importFile(head, taobao));
    FIRST.add(
        importer.importFile(Fixtures.path("taobao/UserBehavior_tutorial_first20k.csv"), taobao));
    importer.importFile(head, taobao); // a re-import: every row a duplicate, not counted
    report = new QualityAnalyzer(CLOCK).analyze(store);
    try (Statement st = store.connection().createStatement();
        ResultSet rs =
            st.executeQuery(
                "SELECT user_id, epoch_ms(ts), type, item_id, category_id, quantity FROM events")) {
      while (rs.next()) {
        ROWS.add(
            new Row(
                rs.getString(1),
                Instant.ofEpochMilli(rs.getLong(2)),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6)));
      }
    }
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static QualityCheck check(String name) {
    return report.checks().stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no check " + name));
  }

  @Test
  void headlineFigures_matchTheRows() {
    assertThat(report.events()).isEqualTo(ROWS.size());
    assertThat(report.users()).isEqualTo(ROWS.stream().map(Row::user).distinct().count());
    assertThat(report.items()).isEqualTo(ROWS.stream().map(Row::item).distinct().count());
    assertThat(report.minTs()).isEqualTo(ROWS.stream().map(Row::ts).min(Instant::compareTo).get());
    assertThat(report.maxTs()).isEqualTo(ROWS.stream().map(Row::ts).max(Instant::compareTo).get());
  }

  @Test
  void score_isTheWeightedMeanOfCredits() {
    double earned = 0;
    double total = 0;
    for (QualityCheck c : report.checks()) {
      double credit =
          switch (c.status()) {
            case PASS -> 1;
            case WARN -> 0.5;
            case FAIL -> 0;
          };
      earned += c.weight() * credit;
      total += c.weight();
    }
    assertThat(report.score()).isCloseTo(earned / total, within(1e-12)).isBetween(0.0, 1.0);
    assertThat(report.checks()).extracting(QualityCheck::name).doesNotHaveDuplicates();
  }

  @Test
  void completenessAndValidity_matchACountInJava() {
    long withCategory = ROWS.stream().filter(r -> r.category() != null).count();
    assertThat(check("completeness.category_id").value())
        .isCloseTo((double) withCategory / ROWS.size(), within(1e-12));
    assertThat(check("completeness.item_id").value()).isEqualTo(1.0);
    assertThat(check("completeness.channel").value()).isZero();
    assertThat(check("completeness.channel").status()).isEqualTo(CheckStatus.PASS);
    assertThat(check("completeness.query").value()).as("no SEARCH events").isNull();
    long positive = ROWS.stream().filter(r -> r.quantity() > 0).count();
    assertThat(check("validity.quantity").value())
        .isCloseTo((double) positive / ROWS.size(), within(1e-12));
    Set<String> canonical =
        Set.of("VIEW", "SEARCH", "FAVORITE", "CART_ADD", "CART_REMOVE", "PURCHASE", "RETURN");
    long knownTypes = ROWS.stream().filter(r -> canonical.contains(r.type())).count();
    assertThat(check("validity.type").value())
        .isCloseTo((double) knownTypes / ROWS.size(), within(1e-12));
  }

  @Test
  void duplicatesAndQuarantine_countFirstImportsOnly() {
    long read = FIRST.stream().mapToLong(ImportResult::read).sum();
    long duplicates = FIRST.stream().mapToLong(ImportResult::duplicates).sum();
    long rejected = FIRST.stream().mapToLong(ImportResult::rejected).sum();
    assertThat(check("duplicates").value()).isCloseTo((double) duplicates / read, within(1e-12));
    assertThat(check("quarantine.rejected").value())
        .isCloseTo((double) rejected / read, within(1e-12));
    Map<String, Long> byCode = new TreeMap<>();
    FIRST.forEach(r -> r.rejectedByCode().forEach((k, v) -> byCode.merge(k, v, Long::sum)));
    assertThat(report.quarantineByCode()).containsExactlyInAnyOrderEntriesOf(byCode);
    // the 43-user file holds one real timestamp outside the dataset's window (2017-09-11)
    assertThat(check("time.badTimestamps").value())
        .isEqualTo((double) byCode.getOrDefault("TimestampOutOfRange", 0L))
        .isEqualTo(1.0);
    assertThat(check("time.badTimestamps").status()).isEqualTo(CheckStatus.WARN);
  }

  @Test
  void volumeByDay_matchesAGroupingInJava() {
    Map<LocalDate, Map<String, Long>> byDay = new TreeMap<>();
    for (Row r : ROWS) {
      byDay
          .computeIfAbsent(LocalDate.ofInstant(r.ts(), ZoneOffset.UTC), k -> new HashMap<>())
          .merge(r.type(), 1L, Long::sum);
    }
    LocalDate first = ((TreeMap<LocalDate, ?>) byDay).firstKey();
    LocalDate last = ((TreeMap<LocalDate, ?>) byDay).lastKey();
    assertThat(report.volumeByDay()).hasSize((int) (last.toEpochDay() - first.toEpochDay() + 1));
    for (DailyVolume d : report.volumeByDay()) {
      assertThat(d.byType())
          .as(d.day().toString())
          .containsExactlyInAnyOrderEntriesOf(byDay.getOrDefault(d.day(), Map.of()));
    }
    // robust z of each full day's volume against the other full non-empty days, naively
    List<DailyVolume> full = report.volumeByDay().subList(1, report.volumeByDay().size() - 1);
    double[] n =
        full.stream().filter(d -> d.events() > 0).mapToDouble(DailyVolume::events).toArray();
    double med = median(n);
    double[] dev = new double[n.length];
    for (int i = 0; i < n.length; i++) {
      dev[i] = Math.abs(n[i] - med);
    }
    double scale = Math.max(Math.max(1.4826 * median(dev), Math.sqrt(Math.max(med, 1))), 1);
    long abnormal =
        full.stream()
            .filter(d -> d.events() > 0 && Math.abs(d.events() - med) / scale > 3.5)
            .count();
    assertThat(check("volume.abnormalDays").value()).isEqualTo((double) abnormal);
    // the 20k tutorial sample is one day's slice: that day stands out
    assertThat(abnormal).isEqualTo(1);
    assertThat(full.stream().filter(DailyVolume::abnormal).map(DailyVolume::day))
        .containsExactly(LocalDate.parse("2017-11-26"));
  }

  @Test
  void funnelChecks_matchANaiveScan() {
    Map<String, Instant> firstView = new HashMap<>();
    Set<String> viewers = new HashSet<>();
    for (Row r : ROWS) {
      if (r.type().equals("VIEW")) {
        viewers.add(r.user());
        firstView.merge(r.user() + "\u0001" + r.item(), r.ts(), (a, b) -> a.isBefore(b) ? a : b);
      }
    }
    for (String[] c :
        List.of(
            new String[] {"PURCHASE", "consistency.purchaseWithoutView"},
            new String[] {"CART_ADD", "consistency.cartWithoutView"})) {
      long all = 0;
      long without = 0;
      for (Row r : ROWS) {
        if (r.type().equals(c[0]) && viewers.contains(r.user())) {
          all++;
          Instant v = firstView.get(r.user() + "\u0001" + r.item());
          if (v == null || v.isAfter(r.ts())) {
            without++;
          }
        }
      }
      assertThat(all).as(c[0]).isPositive();
      assertThat(check(c[1]).value()).as(c[1]).isCloseTo((double) without / all, within(1e-12));
    }
  }

  @Test
  void tailChecks_matchCountsInJava() {
    Map<String, Integer> perItem = new HashMap<>();
    Map<String, Integer> perUser = new HashMap<>();
    for (Row r : ROWS) {
      perItem.merge(r.item(), 1, Integer::sum);
      perUser.merge(r.user(), 1, Integer::sum);
    }
    assertThat(check("consistency.itemsSeenOnce").value())
        .isCloseTo(
            perItem.values().stream().filter(v -> v == 1).count() / (double) perItem.size(),
            within(1e-12));
    assertThat(check("consistency.usersWithOneEvent").value())
        .isCloseTo(
            perUser.values().stream().filter(v -> v == 1).count() / (double) perUser.size(),
            within(1e-12));
    assertThat(check("consistency.returnsWithoutPurchase").value()).as("no returns").isNull();
    assertThat(check("consistency.botLikeUsers").value()).isZero();
  }

  static double median(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
