package org.shopcast.predict.registry;

import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shopcast.predict.eval.Metrics;
import org.shopcast.predict.eval.Task;
import org.shopcast.predict.features.TemporalSplit;
import org.shopcast.predict.features.TrainingSet;
import org.shopcast.predict.model.Classifier;
import org.shopcast.predict.model.LogisticRegression;
import org.shopcast.predict.model.XgbClassifier;
import org.shopcast.predict.sequence.EventSequences;
import org.shopcast.predict.sequence.GruModel;
import org.shopcast.predict.sequence.GruTrainer;
import org.shopcast.predict.sequence.SequenceEvaluator;
import org.shopcast.predict.sequence.SequenceOptions;
import org.shopcast.predict.tasks.ClvEvaluator;
import org.shopcast.predict.tasks.HazardModel;
import org.shopcast.predict.tasks.TaskRows;
import org.shopcast.predict.tasks.TimingEvaluator;

/**
 * Trains a task's model on the temporal split of the store (training cutoffs; XGBoost stops early
 * on the validation cutoff), scores it and its baselines on the holdout cutoff, and registers it
 * with its provenance ({@link ModelRegistry}). The registered model is exactly the evaluated one.
 */
public final class ModelTrainer {
  private ModelTrainer() {}

  /** L2 penalty of the logistic models (as in {@code evaluate}). */
  static final double LAMBDA = 1.0;

  /**
   * Trains and registers.
   *
   * @throws IllegalArgumentException when the data does not support the request (too short, one
   *     class only, a bad cutoff)
   */
  public static RegistryEntry train(ModelRegistry registry, Connection connection, TrainRequest r) {
    TemporalSplit split =
        r.cutoffs().isEmpty()
            ? TemporalSplit.plan(connection, r.horizonDays(), r.trainCutoffs())
            : TaskRows.split(connection, r.horizonDays(), r.cutoffs());
    TaskRows rows = TaskRows.build(connection, r.task(), split);
    XgbClassifier.Options xgb = new XgbClassifier.Options().withSeed(r.seed());
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("trainCutoffs", split.train().size());
    if (!r.model().equals(SequenceEvaluator.NAME)) {
      options.put("maxRounds", xgb.maxRounds());
      options.put("earlyStopping", xgb.earlyStopping());
      options.put("eta", xgb.eta());
      options.put("maxDepth", xgb.maxDepth());
      options.put("lambda", LAMBDA);
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    ModelRegistry.ArtefactWriter writer;
    List<String> features = new ArrayList<>(rows.train().featureNames());
    int trees = 0;
    switch (r.task()) {
      case PURCHASE, CHURN -> {
        Task task = r.task().binary();
        if (r.model().equals(SequenceEvaluator.NAME)) {
          GruModel gru = gru(connection, rows, task, r.sequence());
          options.putAll(sequenceOptions(gru));
          features = new ArrayList<>(SavedModel.SEQUENCE_INPUTS);
          metrics.putAll(
              binaryMetrics(
                  rows,
                  task,
                  SequenceEvaluator.NAME,
                  gru.predict(EventSequences.of(connection, rows.valid(), r.sequence())),
                  gru.predict(EventSequences.of(connection, rows.test(), r.sequence()))));
          writer = SavedModel.writer(gru);
        } else {
          Classifier classifier = binary(rows, task, r.model(), xgb);
          if (classifier instanceof XgbClassifier x) {
            trees = x.trees();
          }
          metrics.putAll(
              binaryMetrics(
                  rows,
                  task,
                  classifier.name(),
                  classifier.predict(rows.valid().matrix()),
                  classifier.predict(rows.test().matrix())));
          writer = SavedModel.writer(classifier);
        }
      }
      case CLV -> {
        ClvEvaluator.Result result = ClvEvaluator.run(connection, rows, xgb);
        trees = result.model().trees();
        metrics.put("holdout", result.holdout());
        metrics.put("models", result.scores());
        writer = SavedModel.writer(result.model());
      }
      case TIME_TO_PURCHASE -> {
        TimingEvaluator.Result result =
            TimingEvaluator.run(connection, rows, r.model(), r.periods(), xgb, LAMBDA);
        HazardModel hazard = result.model();
        if (hazard.classifier() instanceof XgbClassifier x) {
          trees = x.trees();
        }
        int periods = HazardModel.periods(hazard.horizonDays(), hazard.periodDays());
        options.put("periods", periods);
        options.put("periodDays", hazard.periodDays());
        features.addAll(HazardModel.periodColumns(periods));
        metrics.put("holdout", result.holdout());
        metrics.put("models", result.scores());
        writer = SavedModel.writer(hazard.classifier());
      }
      default -> throw new IllegalStateException("unknown task " + r.task());
    }
    List<String> train = new ArrayList<>();
    for (Instant t : split.train()) {
      train.add(t.toString());
    }
    Map<String, Object> plain =
        ModelRegistry.MAPPER.convertValue(
            metrics, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {});
    RegistryEntry draft =
        new RegistryEntry(
            "",
            r.task().cliName(),
            r.model(),
            r.horizonDays(),
            options,
            Fingerprint.of(connection),
            train,
            split.validation().toString(),
            split.test().toString(),
            plain,
            features,
            trees,
            CodeVersion.current(),
            r.seed(),
            Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
            "");
    return registry.register(draft, writer);
  }

  private static Classifier binary(
      TaskRows rows, Task task, String model, XgbClassifier.Options xgb) {
    boolean[] yTrain = Metrics.requireBothClasses("training", task.labels(rows.train()));
    if (model.equals("logistic")) {
      return LogisticRegression.fit("logistic", rows.train().matrix(), yTrain, LAMBDA);
    }
    return XgbClassifier.train(
        rows.train().featureNames(),
        rows.train().matrix(),
        yTrain,
        rows.valid().matrix(),
        Metrics.requireBothClasses("validation", task.labels(rows.valid())),
        xgb);
  }

  private static GruModel gru(
      Connection connection, TaskRows rows, Task task, SequenceOptions options) {
    boolean[] yTrain = Metrics.requireBothClasses("training", task.labels(rows.train()));
    boolean[] yValid = Metrics.requireBothClasses("validation", task.labels(rows.valid()));
    return GruTrainer.train(
        EventSequences.of(connection, rows.train(), options),
        yTrain,
        EventSequences.of(connection, rows.valid(), options),
        yValid,
        options);
  }

  private static Map<String, Object> sequenceOptions(GruModel gru) {
    SequenceOptions o = gru.options();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("maxEvents", o.maxEvents());
    out.put("categoryBuckets", o.categoryBuckets());
    out.put("typeDim", o.typeDim());
    out.put("categoryDim", o.categoryDim());
    out.put("hidden", o.hidden());
    out.put("batchSize", o.batchSize());
    out.put("maxEpochs", o.maxEpochs());
    out.put("patience", o.patience());
    out.put("learningRate", o.learningRate());
    out.put("epochs", gru.epochs());
    out.put("bestEpoch", gru.bestEpoch());
    return out;
  }

  private static Map<String, Object> binaryMetrics(
      TaskRows rows, Task task, String name, double[] pValid, double[] pTest) {
    boolean[] yValid = task.labels(rows.valid());
    boolean[] yTest = Metrics.requireBothClasses("holdout", task.labels(rows.test()));
    double threshold = Metrics.bestF1Threshold(pValid, yValid);
    double[] prf = Metrics.atThreshold(pTest, yTest, threshold);
    List<Map<String, Object>> models = new ArrayList<>();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("auc", Metrics.auc(pTest, yTest));
    m.put("prAuc", Metrics.averagePrecision(pTest, yTest));
    m.put("f1", prf[2]);
    m.put("logLoss", Metrics.logLoss(pTest, yTest));
    m.put("brier", Metrics.brier(pTest, yTest));
    m.put("threshold", threshold);
    models.add(m);
    TrainingSet test = rows.test();
    double[] recency = test.column("days_since_last_purchase");
    double[] recent = new double[recency.length];
    double[] rank = new double[recency.length];
    int h = rows.split().horizonDays();
    for (int i = 0; i < recency.length; i++) {
      double sign = task == Task.PURCHASE ? 1 : -1;
      recent[i] = sign * (recency[i] <= h ? 1 : 0);
      rank[i] = -sign * recency[i];
    }
    models.add(baseline("baseline:bought-last-H-days", recent, yTest));
    models.add(baseline("baseline:recency-rank", rank, yTest));
    int positives = 0;
    for (boolean y : yTest) {
      positives += y ? 1 : 0;
    }
    Map<String, Object> holdout = new LinkedHashMap<>();
    holdout.put("cutoff", rows.split().test().toString());
    holdout.put("rows", yTest.length);
    holdout.put("positives", positives);
    holdout.put("trainRows", rows.train().size());
    holdout.put("validationRows", rows.valid().size());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("holdout", holdout);
    out.put("models", models);
    return out;
  }

  private static Map<String, Object> baseline(String name, double[] score, boolean[] y) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", name);
    m.put("auc", Metrics.auc(score, y));
    m.put("prAuc", Metrics.averagePrecision(score, y));
    return m;
  }
}
