package org.shopcast.recommend.fbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.analytics.rules.AssociationRule;
import org.shopcast.analytics.rules.Baskets;
import org.shopcast.analytics.rules.BoughtTogether;
import org.shopcast.analytics.rules.RuleMetric;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.testkit.Fixtures;

/**
 * The pair counts of {@link FbtModel} on 400 real Online Retail invoices, recomputed two other
 * ways: plain SQL that builds each basket's pairs from the raw text lines with list functions, and
 * shopcast-analytics' FP-growth bought-together rules.
 */
class FbtCoCountTest {
  private static final Path FILE =
      Fixtures.path("online-retail/online_retail_baskets_first400.csv");
  private static List<List<String>> baskets;
  private static ItemIndex items;

  @BeforeAll
  static void read() throws Exception {
    baskets = new ArrayList<>();
    items = new ItemIndex();
    for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        List<String> basket = Arrays.asList(line.split(","));
        basket.forEach(items::add);
        baskets.add(basket);
      }
    }
  }

  @Test
  void coCounts_matchPlainSqlOverTheRawLines() throws Exception {
    FbtModel model =
        FbtModel.fit(baskets, items, new FbtOptions(FbtMeasure.CONFIDENCE, 3, 1_000_000));
    Map<String, Integer> single = new HashMap<>();
    Map<String, Integer> pairs = new HashMap<>();
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
        Statement s = c.createStatement()) {
      s.execute(
          "CREATE TABLE b AS SELECT row_number() OVER () AS id,"
              + " list_distinct(string_split(line, ',')) AS items FROM read_csv('"
              + FILE
              + "', columns = {'line': 'VARCHAR'}, header = false, delim = '\\t', quote = '')");
      try (ResultSet rs =
          s.executeQuery("SELECT x, count(*) FROM (SELECT unnest(items) AS x FROM b) GROUP BY x")) {
        while (rs.next()) {
          single.put(rs.getString(1), rs.getInt(2));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT x, y, count(*) FROM (SELECT x, unnest(items) AS y FROM (SELECT items,"
                  + " unnest(items) AS x FROM b)) WHERE x <> y GROUP BY x, y HAVING count(*) >= 3")) {
        while (rs.next()) {
          pairs.put(rs.getString(1) + ">" + rs.getString(2), rs.getInt(3));
        }
      }
    }
    assertThat(model.basketCount()).isEqualTo(baskets.size());
    assertThat(pairs).hasSizeGreaterThan(10_000);
    assertThat(model.pairs()).isEqualTo(pairs.size() / 2);
    int kept = 0;
    for (int a = 0; a < items.size(); a++) {
      assertThat(model.baskets(a)).isEqualTo(single.get(items.id(a)));
      int[] companions = model.companions(a);
      kept += companions.length;
      for (int k = 0; k < companions.length; k++) {
        String key = items.id(a) + ">" + items.id(companions[k]);
        assertThat(model.together(a, k)).as(key).isEqualTo(pairs.get(key));
        assertThat(model.measure(a, k))
            .as(key)
            .isCloseTo((double) pairs.get(key) / single.get(items.id(a)), within(1e-6));
        if (k > 0) {
          assertThat(model.measure(a, k)).isLessThanOrEqualTo(model.measure(a, k - 1));
        }
      }
    }
    assertThat(kept).isEqualTo(pairs.size());
  }

  @Test
  void rules_matchAnalyticsFpGrowthBoughtTogether() {
    int floor = 8;
    Baskets mined = Baskets.of(baskets);
    BoughtTogether reference = BoughtTogether.of(mined, (double) floor / mined.size());
    for (FbtMeasure measure : FbtMeasure.values()) {
      FbtModel model = FbtModel.fit(baskets, items, new FbtOptions(measure, floor, 1_000_000));
      RuleMetric metric = measure == FbtMeasure.LIFT ? RuleMetric.LIFT : RuleMetric.CONFIDENCE;
      int compared = 0;
      for (int a = 0; a < items.size(); a++) {
        List<AssociationRule> rules = reference.forItem(items.id(a), 1_000_000, metric);
        assertThat(model.companions(a)).as(items.id(a)).hasSameSizeAs(rules);
        for (AssociationRule rule : rules) {
          int rank = model.rankOf(a, items.indexOf(rule.consequent().get(0)));
          assertThat(rank).as("%s", rule).isNotNegative();
          assertThat(model.together(a, rank)).isEqualTo(rule.count());
          assertThat(model.measure(a, rank)).isCloseTo(metric.of(rule), within(1e-5));
          compared++;
        }
      }
      assertThat(compared).isGreaterThan(400);
    }
  }
}
