package org.shopcast.recommend.fbt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.session.ItemIndex;

/**
 * A hand-computed case. Six baskets: {a b c} {a b} {a c} {b c d} {a b d} {d}; baskets holding a: 4,
 * b: 4, c: 3, d: 3; together: ab 3, ac 2, bc 2, bd 2, ad 1, cd 1. With the floor of 2 the rules are
 * a=>b (confidence 3/4, lift 3*6/(4*4) = 1.125), a=>c (2/4, 1.0), b=>a (3/4, 1.125), b=>c and b=>d
 * (2/4, 1.0), c=>a and c=>b (2/3, 1.0), d=>b (2/3, 1.0).
 */
class FbtModelTest {
  private static final List<List<String>> BASKETS = HandBaskets.SIX;

  private static ItemIndex index() {
    ItemIndex items = new ItemIndex();
    for (String id : List.of("a", "b", "c", "d", "e")) {
      items.add(id);
    }
    return items;
  }

  private static int id(String item) {
    return index().indexOf(item);
  }

  @Test
  void confidence_ranksCompanionsByShareOfTheItemsBaskets() {
    FbtModel model = FbtModel.fit(BASKETS, index(), new FbtOptions());
    assertThat(model.basketCount()).isEqualTo(6);
    assertThat(model.pairs()).isEqualTo(4);
    assertThat(model.baskets(id("a"))).isEqualTo(4);
    assertThat(model.baskets(id("d"))).isEqualTo(3);
    assertThat(model.companions(id("a"))).containsExactly(id("b"), id("c"));
    assertThat(model.measure(id("a"), 0)).isCloseTo(0.75, within(1e-6));
    assertThat(model.measure(id("a"), 1)).isCloseTo(0.5, within(1e-6));
    assertThat(model.together(id("a"), 0)).isEqualTo(3);
    // ties (b=>c, b=>d: 2/4, both in 2 baskets) broken by item id
    assertThat(model.companions(id("b"))).containsExactly(id("a"), id("c"), id("d"));
    assertThat(model.companions(id("d"))).containsExactly(id("b"));
    assertThat(model.measure(id("d"), 0)).isCloseTo(2.0 / 3, within(1e-6));
    assertThat(model.companions(id("e"))).isEmpty();
    assertThat(model.unit()).isEqualTo("baskets");
  }

  @Test
  void lift_dividesByTheCompanionsBaseRate() {
    FbtModel model = FbtModel.fit(BASKETS, index(), new FbtOptions(FbtMeasure.LIFT, 2, 10));
    assertThat(model.companions(id("a"))).containsExactly(id("b"), id("c"));
    assertThat(model.measure(id("a"), 0)).isCloseTo(1.125, within(1e-6));
    assertThat(model.measure(id("a"), 1)).isCloseTo(1.0, within(1e-6));
    assertThat(model.measure(id("c"), 0)).isCloseTo(1.0, within(1e-6));
  }

  @Test
  void floorAndCap_dropRarePairsAndKeepTheBest() {
    FbtModel once = FbtModel.fit(BASKETS, index(), new FbtOptions(FbtMeasure.CONFIDENCE, 1, 2));
    assertThat(once.pairs()).isEqualTo(6);
    // a: b 3/4, c 2/4, d 1/4; cut to the best 2
    assertThat(once.companions(id("a"))).containsExactly(id("b"), id("c"));
    FbtModel strict = FbtModel.fit(BASKETS, index(), new FbtOptions(FbtMeasure.CONFIDENCE, 3, 10));
    assertThat(strict.pairs()).isEqualTo(1);
    assertThat(strict.companions(id("c"))).isEmpty();
  }

  @Test
  void score_sumsTheRulesOfEachDistinctContextItem() {
    FbtModel model = FbtModel.fit(BASKETS, index(), new FbtOptions());
    Scores scores = new Scores(5);
    model.score(Context.ofViews(id("a"), id("d"), id("a")), scores);
    // b: a=>b 0.75 + d=>b 2/3; c: a=>c 0.5; a counted once although it occurs twice
    assertThat(scores.get(id("b"))).isCloseTo(0.75 + 2.0 / 3, within(1e-6));
    assertThat(scores.get(id("c"))).isCloseTo(0.5, within(1e-6));
    assertThat(scores.top(5, null)).containsExactly(id("b"), id("c"));
  }

  @Test
  void options_rejectBadSettings() {
    assertThatThrownBy(() -> new FbtOptions(FbtMeasure.LIFT, 0, 10))
        .hasMessage("minTogether must be >= 1, got 0");
    assertThatThrownBy(() -> new FbtOptions(FbtMeasure.LIFT, 2, 0))
        .hasMessage("companions must be >= 1, got 0");
    assertThatThrownBy(() -> FbtMeasure.parse("support"))
        .hasMessage("unknown association measure 'support', expected one of confidence, lift");
  }
}
