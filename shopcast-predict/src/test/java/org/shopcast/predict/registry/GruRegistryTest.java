package org.shopcast.predict.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.data.importer.Format;
import org.shopcast.data.importer.ImportOptions;
import org.shopcast.data.importer.Importer;
import org.shopcast.data.store.EventStore;
import org.shopcast.predict.eval.Metrics;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.explain.Explanation;
import org.shopcast.predict.explain.GruOcclusion;
import org.shopcast.predict.sequence.EventSequences;
import org.shopcast.predict.sequence.GruModel;
import org.shopcast.predict.sequence.GruTrainer;
import org.shopcast.predict.sequence.SequenceOptions;
import org.shopcast.predict.tasks.TaskRows;
import org.shopcast.predict.tasks.UserTask;
import org.shopcast.testkit.Fixtures;

/**
 * The GRU purchase model in the registry, on the Taobao 43-user histories: saved weights and
 * settings, reloaded to the same scores, every user scored by {@code predict}, no SHAP.
 */
class GruRegistryTest {
  @TempDir static Path dir;
  private static Path workspace;
  private static EventStore store;
  private static ModelRegistry registry;
  private static RegistryEntry entry;

  @BeforeAll
  static void trainGru() {
    workspace = dir.resolve("ws");
    store = EventStore.open(workspace);
    new Importer(store, Clock.systemUTC())
        .importFile(
            Fixtures.path("taobao/UserBehavior_head_43users.csv"), ImportOptions.of(Format.TAOBAO));
    registry = new ModelRegistry(store.connection(), workspace);
    SequenceOptions small = new SequenceOptions().withMaxEvents(20).withMaxEpochs(3);
    entry =
        ModelTrainer.train(
            registry,
            store.connection(),
            new TrainRequest(UserTask.PURCHASE, 1, "gru", 4, List.of(), 7, 6, small));
  }

  /** The rows of the registered model's split. */
  private static TaskRows rows() {
    List<Instant> train = entry.trainCutoffs().stream().map(Instant::parse).toList();
    return TaskRows.build(
        store.connection(), UserTask.PURCHASE, TaskRows.split(store.connection(), 1, train));
  }

  @AfterAll
  static void close() {
    store.close();
  }

  @Test
  void train_savesWeightsSettingsAndManifest() throws Exception {
    assertThat(entry.model()).isEqualTo("gru");
    assertThat(entry.seed()).isEqualTo(7);
    assertThat(entry.featureNames()).isEqualTo(SavedModel.SEQUENCE_INPUTS);
    assertThat(entry.options()).containsEntry("maxEvents", 20).containsEntry("maxEpochs", 3);
    Path files = workspace.resolve(entry.path());
    assertThat(Files.size(files.resolve(SavedModel.GRU_FILE))).isPositive();
    assertThat(files.resolve(SavedModel.GRU_STATE_FILE)).isRegularFile();
    RegistryEntry manifest =
        ModelRegistry.MAPPER.readValue(
            Files.readString(files.resolve(ModelRegistry.MANIFEST)), RegistryEntry.class);
    assertThat(manifest).isEqualTo(entry);
  }

  @Test
  void reload_givesTheRecordedHoldoutScores() {
    TaskRows rows = rows();
    SavedModel saved = SavedModel.load(registry, entry);
    double[] p = saved.score(store.connection(), rows.test(), 0).score();
    boolean[] y = Task.PURCHASE.labels(rows.test());
    Map<?, ?> model = (Map<?, ?>) ((List<?>) entry.metrics().get("models")).get(0);
    assertThat(model.get("name")).isEqualTo("gru");
    assertThat(Metrics.auc(p, y))
        .isCloseTo(((Number) model.get("auc")).doubleValue(), within(1e-12));
    assertThat(Metrics.logLoss(p, y))
        .isCloseTo(((Number) model.get("logLoss")).doubleValue(), within(1e-12));
    assertThatThrownBy(() -> saved.score(rows.test(), 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("event sequences");
  }

  @Test
  void writeThenRead_givesIdenticalScores() throws Exception {
    TaskRows rows = rows();
    SequenceOptions options = new SequenceOptions().withMaxEvents(20).withMaxEpochs(2).withSeed(3);
    EventSequences train = EventSequences.of(store.connection(), rows.train(), options);
    EventSequences test = EventSequences.of(store.connection(), rows.test(), options);
    GruModel model =
        GruTrainer.train(
            train,
            Task.PURCHASE.labels(rows.train()),
            EventSequences.of(store.connection(), rows.valid(), options),
            Task.PURCHASE.labels(rows.valid()),
            options);
    Path files = Files.createDirectories(dir.resolve("gru-files"));
    SavedModel.writer(model).write(files);
    GruModel read = SavedModel.readGru(files);
    assertThat(read.state()).isEqualTo(model.state());
    assertThat(read.predict(test)).containsExactly(model.predict(test));
    assertThat(read.predict(train)).containsExactly(model.predict(train));
  }

  @Test
  void predict_scoresEveryUser() throws Exception {
    ModelScorer.Prediction p =
        ModelScorer.predict(store.connection(), SavedModel.load(registry, entry), 0);
    assertThat(p.modelId()).isEqualTo(entry.id());
    try (Statement s = store.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*), count(DISTINCT user_id), min(score), max(score),"
                    + " (SELECT count(DISTINCT user_id) FROM events) FROM scores"
                    + " WHERE model_id = '"
                    + entry.id()
                    + "'")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(p.users()).isEqualTo(rs.getInt(5)).isEqualTo(43);
      assertThat(rs.getInt(2)).isEqualTo(43);
      assertThat(rs.getDouble(3)).isGreaterThan(0);
      assertThat(rs.getDouble(4)).isLessThan(1);
    }
  }

  @Test
  void occlusion_explainsAUserAtTheScoreThePredictTableHolds() throws Exception {
    SavedModel saved = SavedModel.load(registry, entry);
    ModelScorer.predict(store.connection(), saved, 0);
    Explanation why =
        GruOcclusion.explain(
            store.connection(),
            Task.PURCHASE,
            1,
            "1000027",
            3,
            saved.gru(),
            TaskRows.now(store.connection()));
    try (Statement s = store.connection().createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT score, (SELECT avg(score) FROM scores WHERE model_id = '"
                    + entry.id()
                    + "') FROM scores WHERE user_id = '1000027' AND model_id = '"
                    + entry.id()
                    + "'")) {
      rs.next();
      assertThat(why.probability()).isCloseTo(rs.getDouble(1), within(1e-9));
      assertThat(why.baseProbability()).isCloseTo(rs.getDouble(2), within(1e-9));
    }
    assertThat(why.reasons()).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(why.reasons()).allMatch(r -> r.feature().startsWith("events:"));
  }

  @Test
  void explanations_sayShapIsForXgboostOnly() {
    SavedModel saved = SavedModel.load(registry, entry);
    assertThatThrownBy(saved::xgboostClassifier)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is a gru purchase model")
        .hasMessageContaining("SHAP explanations are available for xgboost");
  }

  @Test
  void gruForClv_isRefused() {
    assertThatThrownBy(
            () ->
                new TrainRequest(
                    UserTask.CLV, 30, "gru", 3, List.of(), 1, 6, new SequenceOptions()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the gru model is for purchase and churn only, got --task clv");
  }
}
