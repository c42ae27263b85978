package org.shopcast.analytics.rules.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PrefixSpanTest {

  /** Table 1 of Pei et al. (2001): the example sequence database. */
  private static final List<String> PAPER_DATABASE =
      List.of("<a(abc)(ac)d(cf)>", "<(ad)c(bc)(ae)>", "<(ef)(ab)(df)cb>", "<eg(af)cbc>");

  /**
   * Table 2 of Pei et al. (2001): the 53 sequential patterns at min_support = 2, by prefix. All
   * have support 2 except the length-1 patterns and those listed in {@link #PAPER_COUNTS}.
   */
  private static final List<String> PAPER_PATTERNS =
      List.of(
          "<a>",
          "<aa>",
          "<ab>",
          "<a(bc)>",
          "<a(bc)a>",
          "<aba>",
          "<abc>",
          "<(ab)>",
          "<(ab)c>",
          "<(ab)d>",
          "<(ab)f>",
          "<(ab)dc>",
          "<ac>",
          "<aca>",
          "<acb>",
          "<acc>",
          "<ad>",
          "<adc>",
          "<af>",
          "<b>",
          "<ba>",
          "<bc>",
          "<(bc)>",
          "<(bc)a>",
          "<bd>",
          "<bdc>",
          "<bf>",
          "<c>",
          "<ca>",
          "<cb>",
          "<cc>",
          "<d>",
          "<db>",
          "<dc>",
          "<dcb>",
          "<e>",
          "<ea>",
          "<eab>",
          "<eac>",
          "<eacb>",
          "<eb>",
          "<ebc>",
          "<ec>",
          "<ecb>",
          "<ef>",
          "<efb>",
          "<efc>",
          "<efcb>",
          "<f>",
          "<fb>",
          "<fbc>",
          "<fc>",
          "<fcb>");

  /** Supports other than 2 given in the paper (length-1 items, and a few longer patterns). */
  private static final Map<String, Integer> PAPER_COUNTS =
      Map.ofEntries(
          Map.entry("<a>", 4),
          Map.entry("<b>", 4),
          Map.entry("<c>", 4),
          Map.entry("<d>", 3),
          Map.entry("<e>", 3),
          Map.entry("<f>", 3),
          Map.entry("<ab>", 4),
          Map.entry("<ac>", 4),
          Map.entry("<ba>", 2),
          Map.entry("<bc>", 3),
          Map.entry("<ca>", 2),
          Map.entry("<cb>", 3),
          Map.entry("<cc>", 3),
          Map.entry("<aa>", 2));

  @Test
  void mine_findsThe53PatternsOfThePaperExample() {
    List<SequentialPattern> patterns =
        PrefixSpan.mine(database(PAPER_DATABASE), new PrefixSpanOptions(0.5, 10));
    Map<String, Integer> found =
        patterns.stream()
            .collect(Collectors.toMap(PrefixSpanTest::compact, SequentialPattern::count));
    assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(PAPER_PATTERNS);
    PAPER_COUNTS.forEach((pattern, count) -> assertThat(found).containsEntry(pattern, count));
    assertThat(patterns.get(0).notation()).isEqualTo("<a>");
    assertThat(found).containsEntry("<(ab)dc>", 2).containsEntry("<efcb>", 2);
  }

  @Test
  void mine_maxLengthAndSupportLimitThePatterns() {
    List<SequentialPattern> short2 =
        PrefixSpan.mine(database(PAPER_DATABASE), new PrefixSpanOptions(0.5, 2));
    assertThat(short2).allSatisfy(p -> assertThat(p.length()).isLessThanOrEqualTo(2));
    assertThat(short2)
        .hasSize(
            (int)
                PAPER_PATTERNS.stream()
                    .filter(p -> p.replaceAll("[<>()]", "").length() <= 2)
                    .count());
    List<SequentialPattern> all4 =
        PrefixSpan.mine(database(PAPER_DATABASE), new PrefixSpanOptions(1.0, 10));
    assertThat(all4)
        .extracting(SequentialPattern::notation)
        .containsExactly("<a>", "<a b>", "<a c>", "<b>", "<c>");
  }

  @Test
  void mine_symbolSequencesOfEventTypes() {
    SequenceDatabase sessions =
        SequenceDatabase.ofSymbols(
            List.of(
                List.of("view", "cart", "purchase"),
                List.of("view", "view", "cart"),
                List.of("search", "view", "purchase")));
    List<SequentialPattern> patterns = PrefixSpan.mine(sessions, new PrefixSpanOptions(0.6, 3));
    assertThat(patterns)
        .extracting(p -> p.notation() + ":" + p.count())
        .containsExactly(
            "<cart>:2", "<purchase>:2", "<view>:3", "<view cart>:2", "<view purchase>:2");
  }

  @Test
  void options_rejectBadSettings() {
    assertThatThrownBy(() -> new PrefixSpanOptions(0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minSupport must be in (0, 1], got 0.0");
    assertThatThrownBy(() -> new PrefixSpanOptions(0.5, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxLength must be >= 1, got 0");
  }

  @Property(tries = 150)
  void mine_equalsNaivePatternGrowth(
      @ForAll @Size(min = 1, max = 8)
          List<
                  @Size(min = 1, max = 4) List<
                      @Size(min = 1, max = 3) Set<@IntRange(min = 0, max = 3) Integer>>>
              raw,
      @ForAll @IntRange(min = 1, max = 4) int minCount,
      @ForAll @IntRange(min = 1, max = 5) int maxLength) {
    List<List<List<String>>> sequences = new ArrayList<>();
    for (List<Set<Integer>> seq : raw) {
      sequences.add(seq.stream().map(e -> e.stream().map(i -> "i" + i).sorted().toList()).toList());
    }
    double minSupport = Math.min(1.0, (double) minCount / raw.size());
    int threshold = org.shopcast.analytics.rules.RuleOptions.minCount(minSupport, raw.size());
    Map<String, Integer> expected = naive(sequences, threshold, maxLength);
    Map<String, Integer> found = new HashMap<>();
    for (SequentialPattern p :
        PrefixSpan.mine(
            SequenceDatabase.ofItemsets(sequences), new PrefixSpanOptions(minSupport, maxLength))) {
      found.put(p.notation(), p.count());
    }
    assertThat(found).isEqualTo(expected);
  }

  /** Level-wise growth with a direct containment test: slow, obviously complete. */
  private static Map<String, Integer> naive(
      List<List<List<String>>> db, int threshold, int maxLength) {
    TreeSet<String> alphabet = new TreeSet<>();
    db.forEach(s -> s.forEach(alphabet::addAll));
    Map<String, Integer> out = new HashMap<>();
    List<List<List<String>>> level = new ArrayList<>();
    level.add(List.of());
    for (int length = 1; length <= maxLength; length++) {
      List<List<List<String>>> next = new ArrayList<>();
      for (List<List<String>> prefix : level) {
        for (String x : alphabet) {
          List<List<List<String>>> candidates = new ArrayList<>();
          List<List<String>> asNew = new ArrayList<>(prefix);
          asNew.add(List.of(x));
          candidates.add(asNew);
          if (!prefix.isEmpty()) {
            List<String> lastElement = prefix.get(prefix.size() - 1);
            if (x.compareTo(lastElement.get(lastElement.size() - 1)) > 0) {
              List<List<String>> joined = new ArrayList<>(prefix);
              List<String> element = new ArrayList<>(lastElement);
              element.add(x);
              joined.set(joined.size() - 1, element);
              candidates.add(joined);
            }
          }
          for (List<List<String>> candidate : candidates) {
            int count = (int) db.stream().filter(s -> contains(s, candidate)).count();
            if (count >= threshold) {
              next.add(candidate);
              out.put(new SequentialPattern(candidate, count, 0).notation(), count);
            }
          }
        }
      }
      level = next;
    }
    return out;
  }

  private static boolean contains(List<List<String>> sequence, List<List<String>> pattern) {
    int j = 0;
    for (List<String> element : pattern) {
      while (j < sequence.size() && !sequence.get(j).containsAll(element)) {
        j++;
      }
      if (j == sequence.size()) {
        return false;
      }
      j++;
    }
    return true;
  }

  /** Parses the paper's notation: one letter per item, parentheses group an element. */
  private static SequenceDatabase database(List<String> written) {
    List<List<List<String>>> sequences = new ArrayList<>();
    for (String s : written) {
      List<List<String>> elements = new ArrayList<>();
      List<String> open = null;
      for (char c : s.substring(1, s.length() - 1).toCharArray()) {
        if (c == '(') {
          open = new ArrayList<>();
        } else if (c == ')') {
          elements.add(open);
          open = null;
        } else if (open != null) {
          open.add(String.valueOf(c));
        } else {
          elements.add(List.of(String.valueOf(c)));
        }
      }
      sequences.add(elements);
    }
    return SequenceDatabase.ofItemsets(sequences);
  }

  /** The paper's notation of a pattern with one-letter items. */
  private static String compact(SequentialPattern pattern) {
    StringBuilder out = new StringBuilder("<");
    for (List<String> element : pattern.elements()) {
      out.append(element.size() == 1 ? element.get(0) : "(" + String.join("", element) + ")");
    }
    return out.append('>').toString();
  }
}
