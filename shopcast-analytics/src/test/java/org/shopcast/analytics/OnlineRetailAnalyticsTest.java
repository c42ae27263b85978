package org.shopcast.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
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
import org.shopcast.analytics.funnel.FunnelOptions;
import org.shopcast.analytics.funnel.FunnelResult;
import org.shopcast.analytics.funnel.Funnels;
import org.shopcast.analytics.retention.Retention;
import org.shopcast.analytics.retention.RetentionOptions;
import org.shopcast.analytics.retention.RetentionResult;
import org.shopcast.analytics.rfm.Rfm;
import org.shopcast.analytics.rfm.RfmResult;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.Fixtures;

/**
 * Funnel, retention and RFM on the two Online Retail fixtures (line items with prices, and one row
 * per invoice without prices), each figure recomputed here independently: plain SQL of a different
 * shape from the production query (correlated subqueries, self-joins) or plain Java over the raw
 * events read back from the store, compared exactly.
 *
 * <p>Online Retail has only purchases and returns (cancellation invoices), so the funnel is
 * PURCHASE → RETURN per customer, a return counting when it falls within 90 days (2,160 hours) of
 * the customer's first purchase. Cohorts are ISO weeks (Monday first) of the first purchase in UK
 * time, retained in week k when the customer buys again in it (the analysis has day and week
 * periods, no months).
 */
class OnlineRetailAnalyticsTest {
  private static final String LINES = "online-retail/online_retail_random20k_first5000.csv";
  private static final String INVOICES =
      "online-retail/online_retail_invoice_level_first4000_and_1000C.csv";
  private static final ZoneId UK = ZoneId.of("Europe/London");
  private static final int WINDOW_HOURS = 24 * 90;

  @TempDir static Path linesDir;
  @TempDir static Path invoicesDir;
  private static EventStore lines;
  private static EventStore invoices;

  @BeforeAll
  static void load() {
    lines = open(linesDir, LINES, Format.ONLINE_RETAIL);
    invoices = open(invoicesDir, INVOICES, Format.ONLINE_RETAIL_INVOICES);
  }

  @AfterAll
  static void close() {
    if (lines != null) {
      lines.close();
    }
    if (invoices != null) {
      invoices.close();
    }
  }

  private static EventStore open(Path dir, String fixture, Format format) {
    EventStore store = EventStore.open(dir);
    new Importer(store, java.time.Clock.systemUTC())
        .importFile(Fixtures.path(fixture), ImportOptions.of(format));
    return store;
  }

  @Test
  void funnel_purchaseThenReturnWithin90Days_matchesCorrelatedSubqueries() throws Exception {
    Connection db = lines.connection();
    FunnelResult funnel =
        Funnels.compute(
            db,
            new FunnelOptions(
                List.of("PURCHASE", "RETURN"), false, WINDOW_HOURS, FunnelOptions.Split.NONE, 10));
    // per customer: first purchase; first return at or after it, at most 90 days later
    List<Object[]> perUser =
        TaobaoStore.query(
            db,
            """
            WITH f AS (
              SELECT DISTINCT user_id,
                (SELECT min(p.ts) FROM events p
                 WHERE p.user_id = e.user_id AND p.type = 'PURCHASE') AS t1
              FROM events e WHERE e.type = 'PURCHASE')
            SELECT f.user_id,
              epoch(f.t1),
              epoch((SELECT min(r.ts) FROM events r
                     WHERE r.user_id = f.user_id AND r.type = 'RETURN'
                       AND r.ts >= f.t1 AND r.ts <= f.t1 + INTERVAL 2160 HOUR))
            FROM f
            """);
    long buyers = perUser.size();
    List<Double> gaps = new ArrayList<>();
    for (Object[] row : perUser) {
      if (row[2] != null) {
        gaps.add(((Number) row[2]).doubleValue() - ((Number) row[1]).doubleValue());
      }
    }
    long returners = gaps.size();
    assertThat(funnel.window()).isEqualTo(WINDOW_HOURS + "h");
    assertThat(funnel.rows()).hasSize(2);
    Map<String, Object> first = funnel.rows().get(0);
    Map<String, Object> second = funnel.rows().get(1);
    assertThat(first.get("count")).isEqualTo(buyers);
    assertThat(second.get("count")).isEqualTo(returners);
    assertThat(buyers).isGreaterThan(returners);
    assertThat(returners).isPositive();
    assertThat(second.get("dropped")).isEqualTo(buyers - returners);
    assertThat((Double) second.get("conversion"))
        .isCloseTo((double) returners / buyers, within(1e-12));
    assertThat((Double) second.get("median_seconds")).isCloseTo(median(gaps), within(1e-6));
  }

  @Test
  void retention_weeklyFirstPurchaseCohorts_lineItems_matchPlainJava() throws Exception {
    checkWeeklyPurchaseRetention(lines.connection());
  }

  @Test
  void retention_weeklyFirstPurchaseCohorts_invoices_matchPlainJava() throws Exception {
    checkWeeklyPurchaseRetention(invoices.connection());
  }

  private static void checkWeeklyPurchaseRetention(Connection db) throws Exception {
    RetentionResult result = Retention.compute(db, new RetentionOptions(true, true, true, UK));
    // each buyer's purchase weeks (Monday of the UK-local week) and orders, in plain Java
    Map<String, Set<LocalDate>> weeks = new HashMap<>();
    Map<String, Set<String>> orders = new HashMap<>();
    for (Object[] row :
        TaobaoStore.query(
            db, "SELECT user_id, epoch_ms(ts), order_id FROM events WHERE type = 'PURCHASE'")) {
      LocalDate day = Instant.ofEpochMilli(((Number) row[1]).longValue()).atZone(UK).toLocalDate();
      weeks
          .computeIfAbsent((String) row[0], u -> new HashSet<>())
          .add(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
      orders.computeIfAbsent((String) row[0], u -> new HashSet<>()).add((String) row[2]);
    }
    Map<String, Long> expectedCells = new TreeMap<>();
    Map<String, Long> expectedSizes = new TreeMap<>();
    for (Set<LocalDate> userWeeks : weeks.values()) {
      LocalDate cohort = userWeeks.stream().min(LocalDate::compareTo).orElseThrow();
      expectedSizes.merge(cohort.toString(), 1L, Long::sum);
      for (LocalDate week : userWeeks) {
        long k = ChronoUnit.DAYS.between(cohort, week) / 7;
        expectedCells.merge(cohort + "/" + k, 1L, Long::sum);
      }
    }
    Map<String, Long> actualCells = new TreeMap<>();
    Map<String, Long> actualSizes = new TreeMap<>();
    for (Map<String, Object> cell : result.cells()) {
      actualCells.put(cell.get("cohort") + "/" + cell.get("k"), (Long) cell.get("users"));
      actualSizes.put((String) cell.get("cohort"), (Long) cell.get("size"));
      assertThat((Double) cell.get("rate"))
          .isEqualTo((double) (Long) cell.get("users") / (Long) cell.get("size"));
    }
    assertThat(expectedCells.keySet()).anyMatch(key -> !key.endsWith("/0"));
    assertThat(actualCells).isEqualTo(expectedCells);
    assertThat(actualSizes).isEqualTo(expectedSizes);
    assertThat(result.period()).isEqualTo("week");
    assertThat(result.zone()).isEqualTo("Europe/London");
    // repeat-purchase rate: buyers with two or more distinct invoices
    long repeaters = orders.values().stream().filter(o -> o.size() >= 2).count();
    assertThat(repeaters).isPositive();
    assertThat(result.buyers()).isEqualTo(orders.size());
    assertThat(result.repeatPurchaseRate()).isEqualTo((double) repeaters / orders.size());
  }

  @Test
  void rfm_lineItems_revenueScoresAndSegments_matchPlainJava() throws Exception {
    checkRfm(lines.connection(), "revenue");
  }

  @Test
  void rfm_invoices_unitScoresAndSegments_matchPlainJava() throws Exception {
    checkRfm(invoices.connection(), "units");
  }

  /** Per-buyer RFM figures and scores from the raw events, ranked by counting (no window SQL). */
  private static void checkRfm(Connection db, String unit) throws Exception {
    RfmResult rfm = Rfm.compute(db, true);
    long reference = Long.MIN_VALUE;
    for (Object[] row : TaobaoStore.query(db, "SELECT epoch_ms(ts) FROM events")) {
      reference = Math.max(reference, ((Number) row[0]).longValue());
    }
    Map<String, Long> last = new TreeMap<>();
    Map<String, Set<String>> orders = new HashMap<>();
    Map<String, BigDecimal> value = new HashMap<>();
    for (Object[] row :
        TaobaoStore.query(
            db,
            "SELECT user_id, epoch_ms(ts), order_id, quantity, price FROM events"
                + " WHERE type = 'PURCHASE'")) {
      String user = (String) row[0];
      last.merge(user, ((Number) row[1]).longValue(), Math::max);
      orders.computeIfAbsent(user, u -> new HashSet<>()).add((String) row[2]);
      BigDecimal quantity = BigDecimal.valueOf(((Number) row[3]).longValue());
      BigDecimal price = row[4] == null ? BigDecimal.ZERO : new BigDecimal(row[4].toString());
      BigDecimal amount = unit.equals("units") ? quantity : quantity.multiply(price);
      value.merge(user, amount, BigDecimal::add);
    }
    List<String> users = new ArrayList<>(last.keySet());
    int n = users.size();
    assertThat(rfm.valueUnit()).isEqualTo(unit);
    assertThat(rfm.buyers()).isEqualTo(n);
    List<Long> lasts = users.stream().map(last::get).sorted().toList();
    List<Integer> counts = users.stream().map(u -> orders.get(u).size()).sorted().toList();
    List<BigDecimal> values = users.stream().map(value::get).sorted().toList();
    Map<String, Long> segmentUsers = new HashMap<>();
    Map<String, BigDecimal> segmentValue = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String user = users.get(i);
      // buyers strictly worse: bought less recently, in fewer orders, for less
      long r = below(lasts, last.get(user));
      long f = below(counts, orders.get(user).size());
      long m = below(values, value.get(user));
      long rs = Math.min(5, 1 + 5 * r / n);
      long fs = Math.min(5, 1 + 5 * f / n);
      long ms = Math.min(5, 1 + 5 * m / n);
      Map<String, Object> actual = rfm.users().get(i);
      assertThat(actual.get("user_id")).isEqualTo(user);
      assertThat(actual.get("r")).as("r of %s", user).isEqualTo(rs);
      assertThat(actual.get("f")).as("f of %s", user).isEqualTo(fs);
      assertThat(actual.get("m")).as("m of %s", user).isEqualTo(ms);
      assertThat(actual.get("frequency")).isEqualTo((long) orders.get(user).size());
      assertThat((Double) actual.get("monetary"))
          .isCloseTo(value.get(user).doubleValue(), within(1e-9));
      assertThat((Double) actual.get("recency_days"))
          .isCloseTo((reference - last.get(user)) / 86_400_000.0, within(1e-9));
      String segment = GRID[5 - (int) rs][(int) fs - 1];
      assertThat(actual.get("segment")).as("segment of %s", user).isEqualTo(segment);
      segmentUsers.merge(segment, 1L, Long::sum);
      segmentValue.merge(segment, value.get(user), BigDecimal::add);
    }
    assertThat(segmentUsers).hasSizeGreaterThan(3);
    for (Map<String, Object> segment : rfm.segments()) {
      String name = (String) segment.get("segment");
      assertThat(segment.get("users"))
          .as("users in %s", name)
          .isEqualTo(segmentUsers.getOrDefault(name, 0L));
      assertThat((Double) segment.get("value"))
          .as("value of %s", name)
          .isCloseTo(segmentValue.getOrDefault(name, BigDecimal.ZERO).doubleValue(), within(1e-6));
    }
  }

  /** How many of the ascending {@code sorted} values are strictly below {@code value}. */
  private static <T extends Comparable<T>> long below(List<T> sorted, T value) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).compareTo(value) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(Double::compare);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The R x F segment grid, rows R = 5..1, columns F = 1..5. */
  private static final String[][] GRID = {
    {"new", "potential loyalists", "potential loyalists", "champions", "champions"},
    {"promising", "potential loyalists", "potential loyalists", "loyal", "loyal"},
    {"about to sleep", "about to sleep", "need attention", "loyal", "loyal"},
    {"hibernating", "hibernating", "at risk", "at risk", "cannot lose"},
    {"lost", "hibernating", "at risk", "at risk", "cannot lose"},
  };
}
