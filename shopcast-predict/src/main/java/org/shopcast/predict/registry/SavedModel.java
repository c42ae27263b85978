package org.shopcast.predict.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.model.Classifier;
import org.shopcast.predict.model.LogisticRegression;
import org.shopcast.predict.model.XgbClassifier;
import org.shopcast.predict.model.XgbRegressor;
import org.shopcast.predict.sequence.EventSequences;
import org.shopcast.predict.sequence.GruModel;
import org.shopcast.predict.sequence.SequenceEvaluator;
import org.shopcast.predict.tasks.HazardModel;
import org.shopcast.predict.tasks.UserTask;

/**
 * A registered model loaded from its files: {@code model.ubj} (XGBoost's binary JSON, for the
 * boosters), {@code model.json} (the logistic regression's state) or {@code model.params} (the
 * GRU's weights in DJL's parameter format) with {@code gru.json} (its settings), scoring
 * point-in-time rows (the GRU: their users' event sequences before the cutoff).
 */
public final class SavedModel {
  /** The XGBoost model file name. */
  public static final String XGBOOST_FILE = "model.ubj";

  /** The logistic regression model file name. */
  public static final String LOGISTIC_FILE = "model.json";

  /** The GRU weights file name. */
  public static final String GRU_FILE = "model.params";

  /** The GRU settings file name. */
  public static final String GRU_STATE_FILE = "gru.json";

  /** What the GRU reads per event; its registry entry's feature names. */
  public static final List<String> SEQUENCE_INPUTS =
      List.of("event_type", "category_bucket", "log_hours_to_next_event", "log_hours_to_cutoff");

  private final RegistryEntry entry;
  private final Classifier classifier;
  private final XgbRegressor regressor;
  private final GruModel gru;

  private SavedModel(
      RegistryEntry entry, Classifier classifier, XgbRegressor regressor, GruModel gru) {
    this.entry = entry;
    this.classifier = classifier;
    this.regressor = regressor;
    this.gru = gru;
  }

  /**
   * One score per user row.
   *
   * @param score purchase/churn: the probability; clv: expected spend; time-to-purchase: P(purchase
   *     within {@code withinDays})
   * @param medianDays time-to-purchase: the median day (NaN when beyond H); null for other tasks
   * @param withinDays time-to-purchase: the d of P(purchase within d days); 0 for other tasks
   */
  public record Scores(double[] score, double[] medianDays, int withinDays) {}

  /** The writer of a classifier's file. */
  static ModelRegistry.ArtefactWriter writer(Classifier classifier) {
    return directory -> {
      if (classifier instanceof XgbClassifier xgb) {
        xgb.save(directory.resolve(XGBOOST_FILE));
      } else if (classifier instanceof LogisticRegression logistic) {
        Files.writeString(
            directory.resolve(LOGISTIC_FILE),
            ModelRegistry.MAPPER.writeValueAsString(logistic.state()));
      } else {
        throw new IllegalArgumentException("cannot save a " + classifier.getClass().getName());
      }
    };
  }

  /** The writer of a GRU's files: the weights and the settings. */
  static ModelRegistry.ArtefactWriter writer(GruModel gru) {
    return directory -> {
      Files.write(directory.resolve(GRU_FILE), gru.parameters());
      Files.writeString(
          directory.resolve(GRU_STATE_FILE), ModelRegistry.MAPPER.writeValueAsString(gru.state()));
    };
  }

  /** The writer of a regressor's file. */
  static ModelRegistry.ArtefactWriter writer(XgbRegressor regressor) {
    return directory -> regressor.save(directory.resolve(XGBOOST_FILE));
  }

  /**
   * Loads {@code entry}'s model.
   *
   * @throws IllegalStateException when its files are missing or unreadable
   */
  public static SavedModel load(ModelRegistry registry, RegistryEntry entry) {
    Path dir = registry.directory(entry);
    UserTask task = UserTask.fromName(entry.task());
    if (entry.model().equals("xgboost")) {
      Path file = requireFile(dir.resolve(XGBOOST_FILE));
      if (task == UserTask.CLV) {
        return new SavedModel(
            entry, null, XgbRegressor.load(file, entry.featureNames(), entry.trees()), null);
      }
      return new SavedModel(
          entry, XgbClassifier.load(file, entry.featureNames(), entry.trees()), null, null);
    }
    if (entry.model().equals(SequenceEvaluator.NAME)) {
      return new SavedModel(entry, null, null, readGru(dir));
    }
    Path file = requireFile(dir.resolve(LOGISTIC_FILE));
    try {
      LogisticRegression.State state =
          ModelRegistry.MAPPER.readValue(Files.readString(file), LogisticRegression.State.class);
      return new SavedModel(entry, LogisticRegression.of(state), null, null);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the model file " + file, e);
    }
  }

  /** Reads the GRU files {@link #writer(GruModel)} wrote into {@code dir}. */
  static GruModel readGru(Path dir) {
    Path weights = requireFile(dir.resolve(GRU_FILE));
    Path state = requireFile(dir.resolve(GRU_STATE_FILE));
    try {
      GruModel.State read =
          ModelRegistry.MAPPER.readValue(Files.readString(state), GruModel.State.class);
      return GruModel.of(read, Files.readAllBytes(weights));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the GRU files in " + dir, e);
    }
  }

  private static Path requireFile(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException("the model file " + file + " is missing");
    }
    return file;
  }

  /** The registry entry. */
  public RegistryEntry entry() {
    return entry;
  }

  /**
   * The XGBoost classifier of a purchase or churn model (for SHAP explanations).
   *
   * @throws IllegalArgumentException for other models
   */
  public XgbClassifier xgboostClassifier() {
    UserTask task = UserTask.fromName(entry.task());
    if (!task.isBinary() || !(classifier instanceof XgbClassifier xgb)) {
      throw new IllegalArgumentException(
          "model '"
              + entry.id()
              + "' is a "
              + entry.model()
              + " "
              + entry.task()
              + " model: per-user SHAP explanations are available for xgboost purchase and churn"
              + " models only (train one with --model xgboost)");
    }
    return xgb;
  }

  /**
   * The GRU of a {@code --model gru} registration (for occlusion explanations).
   *
   * @throws IllegalArgumentException for other models
   */
  public GruModel gru() {
    if (gru == null) {
      throw new IllegalArgumentException(
          "model '" + entry.id() + "' is a " + entry.model() + " model, not a gru");
    }
    return gru;
  }

  /** The base feature names the model expects (without the hazard's period columns). */
  public List<String> baseFeatures() {
    if (UserTask.fromName(entry.task()) == UserTask.TIME_TO_PURCHASE) {
      int periods = ((Number) entry.options().get("periods")).intValue();
      List<String> all = entry.featureNames();
      return all.subList(0, all.size() - periods);
    }
    return entry.featureNames();
  }

  /**
   * Scores {@code rows} (built as of the scoring instant, with this model's horizon); the GRU reads
   * their users' events before the cutoff from the store behind {@code connection}.
   *
   * @param withinDays time-to-purchase: the d of P(purchase within d days), 1..H
   * @throws IllegalArgumentException when the rows' features differ from the model's
   */
  public Scores score(Connection connection, TrainingSet rows, int withinDays) {
    if (gru != null) {
      return new Scores(gru.predict(EventSequences.of(connection, rows, gru.options())), null, 0);
    }
    return score(rows, withinDays);
  }

  /**
   * Scores {@code rows} (built as of the scoring instant, with this model's horizon) with a model
   * on the feature columns (not the GRU: see {@link #score(Connection, TrainingSet, int)}).
   *
   * @param withinDays time-to-purchase: the d of P(purchase within d days), 1..H
   * @throws IllegalArgumentException when the rows' features differ from the model's
   */
  public Scores score(TrainingSet rows, int withinDays) {
    if (gru != null) {
      throw new IllegalStateException("the GRU model scores event sequences: give the store");
    }
    if (!rows.featureNames().equals(baseFeatures())) {
      throw new IllegalArgumentException(
          "model '"
              + entry.id()
              + "' was trained on other features ("
              + baseFeatures().size()
              + " columns) than this Shopcast builds ("
              + rows.featureNames().size()
              + "); train it again");
    }
    double[][] matrix = rows.matrix();
    UserTask task = UserTask.fromName(entry.task());
    if (task == UserTask.CLV) {
      return new Scores(regressor.predict(matrix), null, 0);
    }
    if (task.isBinary()) {
      return new Scores(classifier.predict(matrix), null, 0);
    }
    int h = entry.horizonDays();
    if (withinDays < 1 || withinDays > h) {
      throw new IllegalArgumentException(
          "--within-days must be in 1.." + h + " (the model's horizon), got " + withinDays);
    }
    int periodDays = ((Number) entry.options().get("periodDays")).intValue();
    HazardModel hazard = new HazardModel(classifier, h, periodDays);
    double[][] curves = hazard.survival(matrix);
    double[] p = new double[curves.length];
    double[] median = new double[curves.length];
    for (int i = 0; i < curves.length; i++) {
      p[i] = HazardModel.probabilityWithin(curves[i], withinDays);
      median[i] = HazardModel.median(curves[i]);
    }
    return new Scores(p, median, withinDays);
  }
}
