package org.shopcast.predict.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shopcast.predict.eval.Metrics;

/** XGBoost learns an interaction a linear model cannot; SHAP values add up to the margin. */
class XgbClassifierTest {
  private static double[][] x(Random random, int n) {
    double[][] x = new double[n][3];
    for (int i = 0; i < n; i++) {
      x[i][0] = random.nextDouble();
      x[i][1] = random.nextDouble();
      x[i][2] = random.nextDouble(); // noise
    }
    return x;
  }

  private static boolean[] y(Random random, double[][] x) {
    boolean[] y = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      boolean xor = (x[i][0] > 0.5) != (x[i][1] > 0.5);
      y[i] = random.nextDouble() < (xor ? 0.85 : 0.15);
    }
    return y;
  }

  @Test
  void train_learnsInteraction_andBeatsLogistic() {
    Random random = new Random(3);
    double[][] train = x(random, 1000);
    boolean[] trainY = y(random, train);
    double[][] valid = x(random, 500);
    boolean[] validY = y(random, valid);
    double[][] test = x(random, 600);
    boolean[] testY = y(random, test);
    List<String> names = List.of("a", "b", "noise");
    XgbClassifier xgb =
        XgbClassifier.train(names, train, trainY, valid, validY, new XgbClassifier.Options());
    double xgbAuc = Metrics.auc(xgb.predict(test), testY);
    double lrAuc = Metrics.auc(LogisticRegression.fit("lr", train, trainY, 1).predict(test), testY);
    assertThat(xgbAuc).isGreaterThan(0.8);
    assertThat(xgbAuc).isGreaterThan(lrAuc + 0.2);
    assertThat(xgb.trees()).isBetween(1, 400);
    assertThat(xgb.importance(test).get("noise")).isLessThan(xgb.importance(test).get("a"));
  }

  @Test
  void contributions_sumToTheMargin() {
    Random random = new Random(5);
    double[][] train = x(random, 800);
    boolean[] trainY = y(random, train);
    XgbClassifier xgb =
        XgbClassifier.train(
            List.of("a", "b", "noise"),
            train,
            trainY,
            train,
            trainY,
            new XgbClassifier.Options(50, 10, 0.1, 3, 1, 1));
    double[][] rows = x(random, 20);
    double[] p = xgb.predict(rows);
    double[][] contrib = xgb.contributions(rows);
    for (int i = 0; i < rows.length; i++) {
      assertThat(contrib[i]).hasSize(4);
      double margin = 0;
      for (double c : contrib[i]) {
        margin += c;
      }
      assertThat(1 / (1 + Math.exp(-margin))).isCloseTo(p[i], within(1e-4));
    }
  }
}
