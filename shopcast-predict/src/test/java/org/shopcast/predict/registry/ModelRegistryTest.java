package org.shopcast.predict.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.features.TrainingSetBuilder;
import org.shopcast.predict.model.XgbClassifier;
import org.shopcast.predict.sequence.SequenceOptions;
import org.shopcast.predict.tasks.TaskRows;
import org.shopcast.predict.tasks.TestStores;
import org.shopcast.predict.tasks.UserTask;

/**
 * The registry on the CDNOW sample: round trip (train, reload, the same scores), atomicity (a
 * failure before the commit leaves no row and no directory), scoring into the table and export.
 */
class ModelRegistryTest {
  @TempDir static Path dir;
  private static Path workspace;
  private static EventStore store;
  private static ModelRegistry registry;

  @BeforeAll
  static void load() throws Exception {
    workspace = dir.resolve("ws");
    store = TestStores.cdnowSample(workspace);
    registry = new ModelRegistry(store.connection(), workspace);
  }

  @AfterAll
  static void close() {
    store.close();
  }

  private static TrainRequest request(UserTask task, String model) {
    return new TrainRequest(task, 90, model, 2, List.of(), 42, 6, new SequenceOptions());
  }

  @Test
  void train_registersWithProvenance_andReloadsToTheSameScores() throws Exception {
    RegistryEntry entry =
        ModelTrainer.train(registry, store.connection(), request(UserTask.PURCHASE, "xgboost"));
    assertThat(entry.id()).matches("purchase-v\\d+");
    assertThat(entry.path()).isEqualTo("models/" + entry.id());
    assertThat(entry.dataFingerprint()).isEqualTo(Fingerprint.of(store.connection()));
    assertThat(entry.trainCutoffs()).hasSize(2);
    assertThat(entry.testCutoff()).isEqualTo("1998-04-02T00:00:00Z");
    assertThat(entry.seed()).isEqualTo(42);
    assertThat(entry.trees()).isPositive();
    assertThat(entry.codeVersion()).contains("format " + CodeVersion.FORMAT);
    Path files = workspace.resolve(entry.path());
    assertThat(files.resolve(SavedModel.XGBOOST_FILE)).isRegularFile();
    assertThat(files.resolve(ModelRegistry.MANIFEST)).isRegularFile();
    RegistryEntry manifest =
        ModelRegistry.MAPPER.readValue(
            Files.readString(files.resolve(ModelRegistry.MANIFEST)), RegistryEntry.class);
    assertThat(manifest).isEqualTo(entry);
    assertThat(registry.find(entry.id())).contains(entry);
    assertThat(registry.resolve("latest", "purchase")).isEqualTo(entry);

    // the saved model scores the holdout rows exactly as its recorded AUC says
    TaskRows rows =
        TaskRows.build(
            store.connection(),
            UserTask.PURCHASE,
            TaskRows.split(
                store.connection(),
                90,
                entry.trainCutoffs().stream().map(java.time.Instant::parse).toList()));
    SavedModel saved = SavedModel.load(registry, entry);
    double[] p = saved.score(rows.test(), 0).score();
    boolean[] y = org.shopcast.predict.eval.Task.PURCHASE.labels(rows.test());
    Map<?, ?> model = (Map<?, ?>) ((List<?>) entry.metrics().get("models")).get(0);
    assertThat(model.get("name")).isEqualTo("xgboost");
    assertThat(org.shopcast.predict.eval.Metrics.auc(p, y))
        .isCloseTo(((Number) model.get("auc")).doubleValue(), within(1e-12));
  }

  @Test
  void failureBeforeCommit_leavesNoRowAndNoFiles() throws Exception {
    int before = registry.list().size();
    registry.beforeCommit(
        () -> {
          throw new IllegalStateException("simulated crash");
        });
    try {
      assertThatThrownBy(
              () ->
                  ModelTrainer.train(
                      registry, store.connection(), request(UserTask.CHURN, "logistic")))
          .hasMessageContaining("simulated crash");
    } finally {
      registry.beforeCommit(() -> {});
    }
    assertThat(registry.list()).hasSize(before);
    assertThat(childNames()).containsExactlyInAnyOrderElementsOf(ids());

    RegistryEntry draft = registry.list().isEmpty() ? null : registry.list().get(0);
    if (draft != null) {
      assertThatThrownBy(
              () ->
                  registry.register(
                      draft,
                      d -> {
                        Files.writeString(d.resolve("partial"), "x");
                        throw new java.io.IOException("disk full");
                      }))
          .hasMessageContaining("disk full");
      assertThat(registry.list()).hasSize(before);
      assertThat(childNames()).containsExactlyInAnyOrderElementsOf(ids());
    }
  }

  @Test
  void staleStagingDirectories_areIgnoredAndRemoved() throws Exception {
    Path stale = workspace.resolve(ModelRegistry.DIRECTORY).resolve(".staging-crashed");
    Files.createDirectories(stale);
    Files.writeString(stale.resolve("model.ubj"), "half");
    int before = registry.list().size();
    assertThat(registry.list()).noneMatch(e -> e.path().contains("staging"));
    RegistryEntry entry =
        ModelTrainer.train(registry, store.connection(), request(UserTask.CHURN, "logistic"));
    assertThat(registry.list()).hasSize(before + 1);
    assertThat(stale).doesNotExist();
    assertThat(workspace.resolve(entry.path()).resolve(SavedModel.LOGISTIC_FILE)).isRegularFile();
  }

  @Test
  void predict_writesEveryUsersScore_andExports() throws Exception {
    RegistryEntry entry =
        ModelTrainer.train(registry, store.connection(), request(UserTask.CHURN, "logistic"));
    SavedModel saved = SavedModel.load(registry, entry);
    ModelScorer.Prediction prediction = ModelScorer.predict(store.connection(), saved, 0);
    assertThat(prediction.asOf()).isEqualTo(java.time.Instant.parse("1998-07-01T00:00:00Z"));
    assertThat(prediction.users()).isEqualTo(2357);
    // recompute one user's score independently: features at the as-of instant, saved weights
    TrainingSet now = TrainingSetBuilder.build(store.connection(), List.of(prediction.asOf()), 90);
    double[] expected = saved.score(now, 0).score();
    Map<String, Double> byUser = new HashMap<>();
    for (int i = 0; i < now.size(); i++) {
      byUser.put(now.user(i), expected[i]);
    }
    try (Statement s = store.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT user_id, score FROM scores WHERE model_id = '" + entry.id() + "'")) {
      int count = 0;
      while (rs.next()) {
        assertThat(rs.getDouble(2)).isCloseTo(byUser.get(rs.getString(1)), within(1e-12));
        count++;
      }
      assertThat(count).isEqualTo(2357);
    }
    // scoring again replaces, not appends
    ModelScorer.predict(store.connection(), saved, 0);
    Path csv = dir.resolve("scores.csv");
    Path parquet = dir.resolve("scores.parquet");
    ModelScorer.export(store.connection(), entry.id(), csv);
    ModelScorer.export(store.connection(), entry.id(), parquet);
    try (Statement s = store.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT (SELECT count(*) FROM read_csv('"
                    + csv
                    + "')), (SELECT count(*) FROM read_parquet('"
                    + parquet
                    + "')), (SELECT count(*) FROM scores WHERE model_id = '"
                    + entry.id()
                    + "')")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(2357);
      assertThat(rs.getInt(2)).isEqualTo(2357);
      assertThat(rs.getInt(3)).isEqualTo(2357);
    }
    assertThatThrownBy(
            () -> ModelScorer.export(store.connection(), entry.id(), dir.resolve("x.txt")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".csv or .parquet");
  }

  @Test
  void timeToPurchase_roundTrip_medianAndProbability() {
    RegistryEntry entry =
        ModelTrainer.train(
            registry, store.connection(), request(UserTask.TIME_TO_PURCHASE, "logistic"));
    assertThat(entry.options()).containsEntry("periods", 6).containsEntry("periodDays", 15);
    assertThat(entry.featureNames())
        .endsWith("period", "period_2", "period_3", "period_4", "period_5", "period_6");
    SavedModel saved = SavedModel.load(registry, entry);
    TrainingSet now =
        TrainingSetBuilder.build(store.connection(), List.of(TaskRows.now(store.connection())), 90);
    double[] p30 = saved.score(now, 30).score();
    SavedModel.Scores s90 = saved.score(now, 90);
    for (int i = 0; i < p30.length; i++) {
      assertThat(p30[i]).isBetween(0.0, s90.score()[i] + 1e-12);
      if (!Double.isNaN(s90.medianDays()[i])) {
        assertThat(s90.score()[i]).isGreaterThanOrEqualTo(0.5 - 1e-12);
      }
    }
    assertThatThrownBy(() -> saved.score(now, 91))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--within-days must be in 1..90");
  }

  @Test
  void resolve_unknownOrWrongTask_isAClearError() {
    assertThatThrownBy(() -> registry.resolve("nope-v9", "purchase"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no model 'nope-v9'");
    assertThatThrownBy(() -> registry.resolve("latest", "clv"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("shopcast train --task clv");
    assertThatThrownBy(
            () ->
                new TrainRequest(
                    UserTask.CLV, 30, "logistic", 3, List.of(), 1, 6, new SequenceOptions()))
        .hasMessageContaining("--model must be xgboost");
  }

  private static List<String> ids() {
    return registry.list().stream().map(RegistryEntry::id).toList();
  }

  private static List<String> childNames() throws Exception {
    Path models = workspace.resolve(ModelRegistry.DIRECTORY);
    if (!Files.isDirectory(models)) {
      return List.of();
    }
    try (Stream<Path> children = Files.list(models)) {
      return children.map(p -> p.getFileName().toString()).toList();
    }
  }

  @Test
  void xgboostOptions_recordTheSeed() {
    XgbClassifier.Options o = new XgbClassifier.Options(400, 30, 0.05, 4, 7, 1);
    assertThat(o.seed()).isEqualTo(7);
  }
}
