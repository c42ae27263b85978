package org.shopcast.analytics.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class FpGrowthTest {

  /** Table 1 of Han, Pei &amp; Yin (2000), minimum support 3 of 5 baskets. */
  private static final List<List<String>> PAPER_BASKETS =
      List.of(
          List.of("f", "a", "c", "d", "g", "i", "m", "p"),
          List.of("a", "b", "c", "f", "l", "m", "o"),
          List.of("b", "f", "h", "j", "o"),
          List.of("b", "c", "k", "s", "p"),
          List.of("a", "f", "c", "e", "l", "p", "m", "n"));

  @Test
  void mine_findsThePatternsOfThePaperExample() {
    FrequentItemsets itemsets = FpGrowth.mine(Baskets.of(PAPER_BASKETS), 0.6, 10);
    Map<String, Integer> found = asMap(itemsets);
    // The paper's mining result (section 3): f:4 c:4 a:3 b:3 m:3 p:3, cp:3, fc:3,
    // ca, fa, fca (all 3), and am, cm, fm, cam, fam, fcm, fcam (all 3).
    Map<String, Integer> expected = new HashMap<>();
    expected.put("f", 4);
    expected.put("c", 4);
    for (String set :
        List.of(
            "a", "b", "m", "p", "c,p", "c,f", "a,c", "a,f", "a,c,f", "a,m", "c,m", "f,m", "a,c,m",
            "a,f,m", "c,f,m", "a,c,f,m")) {
      expected.put(set, 3);
    }
    assertThat(found).isEqualTo(expected);
    assertThat(itemsets.minCount()).isEqualTo(3);
  }

  @Test
  void mine_maxLengthStopsGrowth() {
    FrequentItemsets pairs = FpGrowth.mine(Baskets.of(PAPER_BASKETS), 0.6, 2);
    assertThat(pairs.itemsets()).allSatisfy(s -> assertThat(s.size()).isLessThanOrEqualTo(2));
    assertThat(pairs.size()).isEqualTo(6 + 7);
    assertThat(pairs.count(List.of("m", "a"))).hasValue(3);
    assertThat(pairs.count(List.of("a", "c", "m"))).isEmpty();
    assertThat(pairs.count(List.of("zzz"))).isEmpty();
  }

  @Test
  void mine_rejectsBadArguments() {
    Baskets baskets = Baskets.of(PAPER_BASKETS);
    assertThatThrownBy(() -> FpGrowth.mine(baskets, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minSupport must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> FpGrowth.mine(baskets, 0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be >= 1, got 0");
  }

  @Property(tries = 200)
  void mine_equalsBruteForceCounting(
      @ForAll @Size(min = 1, max = 30)
          List<@Size(max = 6) Set<@IntRange(min = 0, max = 7) Integer>> raw,
      @ForAll @IntRange(min = 1, max = 5) int minCount,
      @ForAll @IntRange(min = 1, max = 8) int maxLength) {
    List<List<String>> lists = new ArrayList<>();
    for (Set<Integer> basket : raw) {
      lists.add(basket.stream().map(i -> "i" + i).toList());
    }
    double minSupport = Math.min(1.0, (double) minCount / raw.size());
    int threshold = RuleOptions.minCount(minSupport, raw.size());
    Map<String, Integer> expected = new HashMap<>();
    for (int mask = 1; mask < 256; mask++) {
      if (Integer.bitCount(mask) > maxLength) {
        continue;
      }
      int count = 0;
      for (Set<Integer> basket : raw) {
        boolean all = true;
        for (int i = 0; i < 8 && all; i++) {
          all = (mask & (1 << i)) == 0 || basket.contains(i);
        }
        count += all ? 1 : 0;
      }
      if (count >= threshold) {
        TreeSet<String> names = new TreeSet<>();
        for (int i = 0; i < 8; i++) {
          if ((mask & (1 << i)) != 0) {
            names.add("i" + i);
          }
        }
        expected.put(String.join(",", names), count);
      }
    }
    assertThat(asMap(FpGrowth.mine(Baskets.of(lists), minSupport, maxLength))).isEqualTo(expected);
  }

  @Test
  void minCount_isTheCeilingWithoutRoundingNoise() {
    assertThat(RuleOptions.minCount(0.01, 25_900)).isEqualTo(259);
    assertThat(RuleOptions.minCount(0.001, 9835)).isEqualTo(10);
    assertThat(RuleOptions.minCount(0.6, 5)).isEqualTo(3);
    assertThat(RuleOptions.minCount(1e-9, 10)).isEqualTo(1);
  }

  private static Map<String, Integer> asMap(FrequentItemsets itemsets) {
    Map<String, Integer> map = new HashMap<>();
    for (FrequentItemset set : itemsets.itemsets()) {
      map.put(String.join(",", set.items()), set.count());
    }
    return map;
  }
}
