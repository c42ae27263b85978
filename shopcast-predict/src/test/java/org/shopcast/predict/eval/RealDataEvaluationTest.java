package org.shopcast.predict.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.testkit.SharedData;

/**
 * The measured evaluation of docs/predict.md: purchase and churn on the full CDNOW cohort (master
 * file) and the UCI Online Retail invoices, models beside baselines. Writes a table per run to
 * {@code target/predict-eval/}. Run with {@code ./mvnw -o -Pslow test -pl shopcast-predict -am
 * -Dtest=RealDataEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class RealDataEvaluationTest {
  @TempDir Path dir;

  private interface Loader {
    void load(EventStore store, Path file) throws Exception;
  }

  private void run(String name, String relative, Loader loader, int horizon) throws Exception {
    Optional<Path> file = SharedData.file(relative);
    assumeTrue(file.isPresent(), "shared data " + relative + " is absent: skipping " + name);
    try (EventStore store = EventStore.open(dir.resolve(name))) {
      loader.load(store, file.get());
      for (Task task : Task.values()) {
        long start = System.nanoTime();
        TaskEvaluation result =
            TaskEvaluator.evaluate(store.connection(), task, horizon, new EvaluationOptions());
        double seconds = (System.nanoTime() - start) / 1e9;
        write(name, task, result, seconds);
        double bestBaseline =
            result.models().stream()
                .filter(m -> m.name().startsWith("baseline:"))
                .mapToDouble(TaskEvaluation.ModelScore::auc)
                .max()
                .orElseThrow();
        double xgb =
            result.models().stream()
                .filter(m -> m.name().equals("xgboost"))
                .mapToDouble(TaskEvaluation.ModelScore::auc)
                .findFirst()
                .orElseThrow();
        assertThat(xgb).as(name + " " + task).isGreaterThan(bestBaseline - 0.01);
      }
    }
  }

  private static void write(String name, Task task, TaskEvaluation r, double seconds)
      throws IOException {
    StringBuilder out = new StringBuilder();
    TaskEvaluation.Holdout h = r.holdout();
    out.append(
        String.format(
            Locale.ROOT,
            "%s %s H=%dd holdout %s: %d users, %.1f%% positive; train %d rows (%s), valid %s"
                + " %d rows; %.1f s%n",
            name,
            task,
            r.horizonDays(),
            h.cutoff(),
            h.rows(),
            100 * h.positiveRate(),
            h.trainRows(),
            h.trainCutoffs(),
            h.validationCutoff(),
            h.validationRows(),
            seconds));
    out.append("| model | AUC | PR-AUC | F1 | log loss | Brier | lift@10% |\n");
    out.append("|---|---|---|---|---|---|---|\n");
    for (TaskEvaluation.ModelScore m : r.models()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.3f | %.3f | %.4f | %.4f | %.2f |%n",
              m.name(),
              m.auc(),
              m.prAuc(),
              m.f1(),
              m.logLoss(),
              m.brier(),
              m.top().get(1).lift()));
    }
    out.append("top features: ");
    r.importance().entrySet().stream()
        .limit(6)
        .forEach(
            e -> out.append(String.format(Locale.ROOT, "%s %.3f, ", e.getKey(), e.getValue())));
    out.append('\n');
    Path target = Path.of("target", "predict-eval");
    Files.createDirectories(target);
    Files.writeString(
        target.resolve(name + "-" + task + ".md"), out.toString(), StandardCharsets.UTF_8);
  }

  @Test
  void cdnowMaster() throws Exception {
    run("cdnow-master", "cdnow/CDNOW_master.txt", RealStores::cdnow, 90);
  }

  @Test
  void onlineRetailInvoices() throws Exception {
    run(
        "online-retail",
        "uci-online-retail/online_retail_invoice_level.csv",
        RealStores::onlineRetailInvoices,
        30);
  }
}
