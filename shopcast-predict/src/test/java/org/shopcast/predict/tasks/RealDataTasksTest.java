package org.shopcast.predict.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.model.XgbClassifier;
import org.shopcast.testkit.SharedData;

/**
 * The measured clv and time-to-purchase figures of docs/predict.md on the full CDNOW cohort (master
 * file), H = 90 days, three training cutoffs. Writes {@code target/predict-eval/tasks-cdnow.md}.
 * Run with {@code ./mvnw -o -Pslow test -pl shopcast-predict -am -Dtest=RealDataTasksTest
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class RealDataTasksTest {
  @TempDir Path dir;

  @Test
  void cdnowMaster_clvAndTimeToPurchase() throws Exception {
    Optional<Path> file = SharedData.file("cdnow/CDNOW_master.txt");
    assumeTrue(file.isPresent(), "shared data cdnow/CDNOW_master.txt is absent: skipping");
    StringBuilder out = new StringBuilder();
    try (EventStore store = EventStore.open(dir.resolve("cdnow"))) {
      try (Statement statement = store.connection().createStatement()) {
        statement.execute(
            "INSERT INTO events (event_id, user_id, ts, type, quantity, price, import_id)"
                + " SELECT md5_number('cdnow-' || row_number() OVER ()),"
                + " CAST(CAST(f[1] AS INT) AS VARCHAR),"
                + " CAST(strptime(f[-3], '%Y%m%d') AS TIMESTAMP), 'PURCHASE', 1,"
                + " CAST(f[-1] AS DECIMAL(18, 4)), 0 FROM (SELECT string_split_regex(trim(line),"
                + " '\\s+') AS f FROM read_csv('"
                + file.get()
                + "', columns = {'line': 'VARCHAR'}, header = false, delim = '|'))"
                + " WHERE f[1] <> 'customer_id'");
      }
      TemporalSplit split = TemporalSplit.plan(store.connection(), 90, 3);
      TaskRows rows = TaskRows.build(store.connection(), UserTask.CLV, split);
      long start = System.nanoTime();
      ClvEvaluator.Result clv =
          ClvEvaluator.run(store.connection(), rows, new XgbClassifier.Options());
      out.append(
          String.format(
              Locale.ROOT,
              "## CDNOW master, clv H = 90 (%d holdout users, %d buy, mean spend %.2f; %.0f s)%n%n"
                  + "| model | MAE | RMSE | Spearman | Gini |%n|---|---|---|---|---|%n",
              clv.holdout().rows(),
              clv.holdout().buyers(),
              clv.holdout().meanSpend(),
              (System.nanoTime() - start) / 1e9));
      for (ClvEvaluator.Score s : clv.scores()) {
        out.append(
            String.format(
                Locale.ROOT,
                "| %s | %.3f | %.3f | %.4f | %.4f |%n",
                s.name(),
                s.mae(),
                s.rmse(),
                s.spearman(),
                s.gini()));
        assertThat(s.gini()).as(s.name()).isGreaterThan(0.3);
      }
      for (String model : new String[] {"logistic", "xgboost"}) {
        start = System.nanoTime();
        TimingEvaluator.Result t =
            TimingEvaluator.run(
                store.connection(), rows, model, 6, new XgbClassifier.Options(), 1.0);
        out.append(
            String.format(
                Locale.ROOT,
                "%n## CDNOW master, time-to-purchase H = 90, %s hazard (%d users, %d buy,"
                    + " mean day %.1f; %d person-period rows, %d periods of %d days; %.0f s)%n%n"
                    + "| model | C-index | MAE days (buyers) | AUC within H |%n|---|---|---|---|%n",
                model,
                t.holdout().rows(),
                t.holdout().events(),
                t.holdout().meanEventDay(),
                t.holdout().personPeriodRows(),
                t.holdout().periods(),
                t.holdout().periodDays(),
                (System.nanoTime() - start) / 1e9));
        for (TimingEvaluator.Score s : t.scores()) {
          out.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.4f | %.2f | %.4f |%n",
                  s.name(),
                  s.concordance(),
                  s.maeObservedDays(),
                  s.aucWithinHorizon()));
        }
        double c =
            t.scores().stream()
                .filter(s -> s.name().equals(model))
                .findFirst()
                .orElseThrow()
                .concordance();
        assertThat(c).as(model).isGreaterThan(0.7);
      }
    }
    Path target = Path.of("target/predict-eval");
    Files.createDirectories(target);
    Files.writeString(target.resolve("tasks-cdnow.md"), out, StandardCharsets.UTF_8);
    System.out.println(out);
  }
}
