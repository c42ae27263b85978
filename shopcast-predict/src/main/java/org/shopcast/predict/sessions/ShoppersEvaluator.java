package org.shopcast.predict.sessions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.shopcast.predict.eval.Metrics;
import org.shopcast.predict.model.Classifier;
import org.shopcast.predict.model.LogisticRegression;
import org.shopcast.predict.model.XgbClassifier;

/**
 * Evaluates session purchase intent on a {@link StratifiedSplit}: logistic regression (L2, lambda
 * 1) and XGBoost (the {@link XgbClassifier.Options} defaults, early stopping on the validation
 * part) beside two baselines: {@code baseline:majority} (the training positive rate for every
 * session, AUC 0.5) and {@code baseline:page-values} (a one-feature logistic fit on {@code
 * PageValues}, the strongest single feature in Sakar et al. 2019). Each model's F1 threshold is its
 * best-F1 cut on the validation part; every figure is on the test part.
 */
public final class ShoppersEvaluator {
  private ShoppersEvaluator() {}

  /**
   * One model's test figures.
   *
   * @param name model name; baselines start with {@code baseline:}
   * @param auc AUC-ROC
   * @param prAuc average precision
   * @param f1 F1 at the validation threshold
   * @param precision precision at that threshold
   * @param recall recall at that threshold
   * @param logLoss log loss
   * @param threshold the threshold
   * @param trainSeconds wall time of the fit
   */
  public record Result(
      String name,
      double auc,
      double prAuc,
      double f1,
      double precision,
      double recall,
      double logLoss,
      double threshold,
      double trainSeconds) {}

  /** Fits and scores the models and both baselines; results by AUC, best first. */
  public static List<Result> evaluate(ShoppersData data, StratifiedSplit split) {
    List<Result> results = new ArrayList<>(evaluateModels(data, split));
    ShoppersData train = data.subset(split.train());
    ShoppersData valid = data.subset(split.validation());
    ShoppersData test = data.subset(split.test());
    double rate = train.positives() / (double) train.size();
    Classifier majority =
        new Classifier() {
          @Override
          public String name() {
            return "baseline:majority";
          }

          @Override
          public double[] predict(double[][] rows) {
            double[] p = new double[rows.length];
            Arrays.fill(p, rate);
            return p;
          }
        };
    results.add(score(majority, 0, valid, test));

    int pv = data.featureNames().indexOf("PageValues");
    long start = System.nanoTime();
    LogisticRegression pageFit =
        LogisticRegression.fit("baseline:page-values", column(train, pv), train.labels(), 1.0);
    double pageSeconds = seconds(start);
    Classifier page =
        new Classifier() {
          @Override
          public String name() {
            return "baseline:page-values";
          }

          @Override
          public double[] predict(double[][] rows) {
            double[][] one = new double[rows.length][];
            for (int i = 0; i < rows.length; i++) {
              one[i] = new double[] {rows[i][pv]};
            }
            return pageFit.predict(one);
          }
        };
    results.add(score(page, pageSeconds, valid, test));
    results.sort(Comparator.comparingDouble(Result::auc).reversed());
    return results;
  }

  /**
   * Fits and scores logistic regression and XGBoost only (any feature matrix, e.g. an exported
   * per-user training set whose split is given as index ranges); results by AUC, best first.
   */
  public static List<Result> evaluateModels(ShoppersData data, StratifiedSplit split) {
    ShoppersData train = data.subset(split.train());
    ShoppersData valid = data.subset(split.validation());
    ShoppersData test = data.subset(split.test());
    List<Result> results = new ArrayList<>();
    long start = System.nanoTime();
    Classifier logistic = LogisticRegression.fit("logistic", train.rows(), train.labels(), 1.0);
    results.add(score(logistic, seconds(start), valid, test));

    start = System.nanoTime();
    Classifier xgb =
        XgbClassifier.train(
            data.featureNames(),
            train.rows(),
            train.labels(),
            valid.rows(),
            valid.labels(),
            new XgbClassifier.Options());
    results.add(score(xgb, seconds(start), valid, test));
    results.sort(Comparator.comparingDouble(Result::auc).reversed());
    return results;
  }

  private static double[][] column(ShoppersData data, int j) {
    double[][] out = new double[data.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new double[] {data.rows()[i][j]};
    }
    return out;
  }

  private static Result score(
      Classifier model, double trainSeconds, ShoppersData valid, ShoppersData test) {
    double threshold = Metrics.bestF1Threshold(model.predict(valid.rows()), valid.labels());
    double[] p = model.predict(test.rows());
    double[] prf = Metrics.atThreshold(p, test.labels(), threshold);
    return new Result(
        model.name(),
        Metrics.auc(p, test.labels()),
        Metrics.averagePrecision(p, test.labels()),
        prf[2],
        prf[0],
        prf[1],
        Metrics.logLoss(p, test.labels()),
        threshold,
        trainSeconds);
  }

  private static double seconds(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
