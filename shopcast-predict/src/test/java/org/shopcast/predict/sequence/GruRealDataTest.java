package org.shopcast.predict.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.generate.EventGenerator;
import org.shopcast.data.generate.Profile;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.EvaluationOptions;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.eval.TaskEvaluation;
import org.shopcast.predict.eval.TaskEvaluator;
import org.shopcast.testkit.Fixtures;

/**
 * The measured GRU-against-XGBoost comparison of docs/predict.md on the {@code purchase} task: the
 * Taobao 43-user histories (H = 1 day) and data from the generator (default Taobao profile). Each
 * run writes a table to {@code target/predict-eval/gru-*.md}, with the GRU retrained under more
 * seeds (the spread shows how much of a gap is noise). Run with {@code ./mvnw -o -Pslow test -pl
 * shopcast-predict -am -Dtest=GruRealDataTest -Dsurefire.failIfNoSpecifiedTests=false}; the
 * generated size can be changed with {@code -Dshopcast.gru.events=N} (default 100000), the number
 * of extra seeds with {@code -Dshopcast.gru.seeds=N} (default 5).
 */
@EnabledIfSystemProperty(named = "shopcast.slow", matches = "true")
class GruRealDataTest {
  private static final int SEEDS = Integer.getInteger("shopcast.gru.seeds", 5);

  @TempDir Path dir;

  @Test
  void taobao43Users() throws IOException {
    try (EventStore store = EventStore.open(dir.resolve("taobao"))) {
      new Importer(store, Clock.systemUTC())
          .importFile(
              Fixtures.path("taobao/UserBehavior_head_43users.csv"),
              ImportOptions.of(Format.TAOBAO));
      TaskEvaluation result = run("gru-taobao43", store, 1, 6);
      assertThat(result.holdout().rows()).isEqualTo(43);
    }
  }

  @Test
  void generated() throws IOException {
    long events = Long.getLong("shopcast.gru.events", 100_000);
    try (EventStore store = EventStore.open(dir.resolve("generated"))) {
      EventGenerator.of(Profile.defaultTaobao(), events, 7)
          .importInto(store, Clock.systemUTC(), n -> {});
      TaskEvaluation result = run("gru-generated-" + events, store, 1, 5);
      TaskEvaluation.ModelScore gru = find(result, SequenceEvaluator.NAME);
      assertThat(gru.auc()).as("GRU better than chance").isGreaterThan(0.55);
    }
  }

  private static TaskEvaluation run(String name, EventStore store, int horizon, int cutoffs)
      throws IOException {
    EvaluationOptions options = new EvaluationOptions().withTrainCutoffs(cutoffs);
    SequenceOptions sequence = new SequenceOptions();
    long start = System.nanoTime();
    TaskEvaluation result =
        SequenceEvaluator.evaluate(store.connection(), Task.PURCHASE, horizon, options, sequence);
    double seconds = (System.nanoTime() - start) / 1e9;
    TaskEvaluator.Splits splits =
        TaskEvaluator.splits(store.connection(), Task.PURCHASE, horizon, cutoffs);
    StringBuilder seeds = new StringBuilder();
    double[] aucs = new double[SEEDS];
    for (int k = 0; k < SEEDS; k++) {
      SequenceEvaluator.Scored scored =
          SequenceEvaluator.score(
              store.connection(), Task.PURCHASE, splits, options, sequence.withSeed(k + 1));
      aucs[k] = scored.score().auc();
      seeds.append(
          String.format(
              Locale.ROOT,
              "seed %d: AUC %.3f, PR-AUC %.3f, log loss %.4f, best epoch %d of %d; ",
              k + 1,
              scored.score().auc(),
              scored.score().prAuc(),
              scored.score().logLoss(),
              scored.model().bestEpoch(),
              scored.model().epochs()));
    }
    write(name, result, seconds, seeds.toString(), aucs);
    for (TaskEvaluation.ModelScore m : result.models()) {
      assertThat(m.auc()).as(m.name()).isBetween(0.0, 1.0);
      assertThat(m.logLoss()).as(m.name()).isFinite();
    }
    return result;
  }

  private static TaskEvaluation.ModelScore find(TaskEvaluation result, String name) {
    return result.models().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
  }

  private static void write(
      String name, TaskEvaluation r, double seconds, String seeds, double[] aucs)
      throws IOException {
    StringBuilder out = new StringBuilder();
    TaskEvaluation.Holdout h = r.holdout();
    out.append(
        String.format(
            Locale.ROOT,
            "%s purchase H=%dd holdout %s: %d users, %.1f%% positive; train %d rows (%d cutoffs),"
                + " valid %d rows; %.1f s (all models)%n",
            name,
            r.horizonDays(),
            h.cutoff(),
            h.rows(),
            100 * h.positiveRate(),
            h.trainRows(),
            h.trainCutoffs().size(),
            h.validationRows(),
            seconds));
    out.append("| model | AUC | PR-AUC | F1 | log loss | Brier |\n|---|---|---|---|---|---|\n");
    for (TaskEvaluation.ModelScore m : r.models()) {
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.3f | %.3f | %.4f | %.4f |%n",
              m.name(),
              m.auc(),
              m.prAuc(),
              m.f1(),
              m.logLoss(),
              m.brier()));
    }
    double mean = 0;
    for (double a : aucs) {
      mean += a / aucs.length;
    }
    double var = 0;
    for (double a : aucs) {
      var += (a - mean) * (a - mean) / (aucs.length - 1);
    }
    out.append(seeds).append('\n');
    out.append(
        String.format(
            Locale.ROOT, "GRU AUC over seeds: mean %.3f, sd %.3f%n", mean, Math.sqrt(var)));
    Path target = Path.of("target", "predict-eval");
    Files.createDirectories(target);
    Files.writeString(target.resolve(name + ".md"), out.toString(), StandardCharsets.UTF_8);
  }
}
