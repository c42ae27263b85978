package org.shopcast.predict.explain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Task;
import org.shopcast.testkit.Fixtures;

/** Reasons on the Taobao 43-user histories, and the plain words. */
class ExplainerTest {
  @Test
  void explain_givesReasonsThatAddUpToTheScore(@TempDir Path dir) throws Exception {
    try (EventStore store = EventStore.open(dir)) {
      new Importer(store, Clock.systemUTC())
          .importFile(
              Fixtures.path("taobao/UserBehavior_head_43users.csv"),
              ImportOptions.of(Format.TAOBAO));
      String user;
      try (Statement s = store.connection().createStatement();
          var rs = s.executeQuery("SELECT min(user_id) FROM events")) {
        rs.next();
        user = rs.getString(1);
      }
      int features = 45;
      Explanation e =
          Explainer.explain(
              store.connection(),
              Task.PURCHASE,
              1,
              user,
              features,
              new EvaluationOptions().withTrainCutoffs(4));
      assertThat(e.user()).isEqualTo(user);
      assertThat(e.reasons()).isNotEmpty();
      double margin = Math.log(e.baseProbability() / (1 - e.baseProbability()));
      for (Explanation.Reason r : e.reasons()) {
        margin += r.contribution();
      }
      assertThat(1 / (1 + Math.exp(-margin))).isCloseTo(e.probability(), within(1e-3));
      assertThat(Math.abs(e.reasons().get(0).contribution()))
          .isGreaterThanOrEqualTo(Math.abs(e.reasons().get(e.reasons().size() - 1).contribution()));
      assertThatThrownBy(
              () ->
                  Explainer.explain(
                      store.connection(), Task.PURCHASE, 1, "nobody", 3, new EvaluationOptions()))
          .hasMessageContaining("user 'nobody' has no events");
    }
  }

  @Test
  void words_describeFeatures() {
    assertThat(FeatureWords.describe("cart_add_7d", 3)).isEqualTo("3 cart adds in the last 7 days");
    assertThat(FeatureWords.describe("view_1d", 12)).isEqualTo("12 views in the last day");
    assertThat(FeatureWords.describe("days_since_last_purchase", 4.5))
        .isEqualTo("4.5 days since the last purchase");
    assertThat(FeatureWords.describe("carts_without_purchase_30d", 2))
        .isEqualTo("2 cart adds not bought in the last 30 days");
  }
}
