package org.shopcast.predict.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shopcast.predict.sequence.EventSequences;
import org.shopcast.predict.sequence.GruModel;
import org.shopcast.predict.sequence.SyntheticSequences;

/** Occlusion reasons of a GRU that learnt "the last event is a cart add". */
class GruOcclusionTest {
  private static GruModel model;
  private static SyntheticSequences.Data test;

  @BeforeAll
  static void train() {
    model =
        SyntheticSequences.fit(
            SyntheticSequences.data(300, 1),
            SyntheticSequences.data(150, 2),
            SyntheticSequences.OPTIONS);
    test = SyntheticSequences.data(200, 3);
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double predict(List<EventSequences.Step> steps) {
    return model.predict(EventSequences.encode(List.of(steps), model.options()))[0];
  }

  @Test
  void contributions_areTheLogitDropWithoutTheType_forTypesInTheInputOnly() {
    for (int i = 0; i < 20; i++) {
      List<EventSequences.Step> steps = test.steps().get(i);
      List<Explanation.Reason> reasons = GruOcclusion.reasons(model, steps);
      long types = steps.stream().map(EventSequences.Step::type).distinct().count();
      assertThat(reasons).hasSize((int) types);
      double full = logit(predict(steps));
      for (Explanation.Reason r : reasons) {
        String type = r.feature().substring("events:".length());
        List<EventSequences.Step> without =
            steps.stream().filter(s -> !s.type().equals(type)).toList();
        assertThat(r.contribution()).isCloseTo(full - logit(predict(without)), within(1e-6));
        assertThat(r.value()).isEqualTo(steps.size() - without.size());
      }
      for (int k = 1; k < reasons.size(); k++) {
        assertThat(Math.abs(reasons.get(k).contribution()))
            .isLessThanOrEqualTo(Math.abs(reasons.get(k - 1).contribution()));
      }
    }
  }

  @Test
  void aFinalCartAdd_isTheMainReasonForAHighScore() {
    int checked = 0;
    int cartFirst = 0;
    for (int i = 0; i < test.labels().length; i++) {
      List<EventSequences.Step> steps = test.steps().get(i);
      if (test.labels()[i] && predict(steps) > 0.5) {
        checked++;
        Explanation.Reason top = GruOcclusion.reasons(model, steps).get(0);
        if (top.feature().equals("events:CART_ADD") && top.contribution() > 0) {
          cartFirst++;
        }
      }
    }
    assertThat(checked).isGreaterThan(20);
    assertThat(cartFirst).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * checked));
  }

  @Test
  void onlyTheLatestEventsTheModelReads_count() {
    int l = model.options().maxEvents();
    List<EventSequences.Step> steps = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      steps.add(new EventSequences.Step("PURCHASE", null, 90_000L - k));
    }
    for (int k = 0; k < l; k++) {
      steps.add(new EventSequences.Step("VIEW", "c1", 50_000L - 100L * k));
    }
    List<Explanation.Reason> reasons = GruOcclusion.reasons(model, steps);
    assertThat(reasons).extracting(Explanation.Reason::feature).containsExactly("events:VIEW");
    assertThat(reasons.get(0).text()).startsWith(l + " views among the last " + l + " events: ");
  }
}
