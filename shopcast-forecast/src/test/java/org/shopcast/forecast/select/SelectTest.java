package org.shopcast.forecast.select;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.baseline.Baseline;

class SelectTest {
  @Test
  void backtest_naiveMatchesHandComputedErrors() {
    double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 10, 12};
    // two windows of 2, step 1: origins 7 and 8
    // origin 7: train ends at 7, test {8, 10}: errors 1, 3 -> MAE 2
    // origin 8: train ends at 8, test {10, 12}: errors 2, 4 -> MAE 3
    Backtest.Score s = new Backtest(2, 1, 2).evaluate(Baseline.naive(), y, 1, 0.9);
    assertThat(s.mae()).isCloseTo(2.5, within(1e-12));
    // MASE scales: origin 7 in-sample naive MAE 1 -> 2; origin 8 also 1 -> 3
    assertThat(s.mase()).isCloseTo(2.5, within(1e-12));
    assertThatThrownBy(() -> new Backtest(5, 1, 3).evaluate(Baseline.naive(), y, 1, 0.9))
        .hasMessageContaining("backtest needs at least 11 values");
  }

  @Test
  void auto_picksSeasonalNaiveOnAPurePattern() {
    double[] y = new double[120];
    for (int t = 0; t < y.length; t++) {
      y[t] = 50 + (t % 12 == 3 ? 40 : 0) + (t % 12 == 7 ? -20 : 0) + 0.01 * t;
    }
    Forecast f = Models.create("auto", 12, 12).forecast(y, 12, 0.95);
    assertThat(f.horizon()).isEqualTo(12);
    assertThat(f.point()[3]).isCloseTo(90, within(3.0));
  }

  @Test
  void ensemble_isTheMedianOfTheBest() {
    Random rnd = new Random(3);
    double[] y = new double[96];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 12) + rnd.nextGaussian();
    }
    Forecast f = Models.create("ensemble", 12, 12).forecast(y, 12, 0.95);
    assertThat(f.model()).startsWith("ensemble(");
    assertThat(f.point()[2]).isBetween(100.0, 120.0);
  }

  @Test
  void batch_isDeterministicAcrossThreadCounts() {
    Random rnd = new Random(5);
    List<double[]> series = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      double[] y = new double[60];
      for (int t = 0; t < y.length; t++) {
        y[t] = 20 + rnd.nextGaussian() + (t % 4);
      }
      series.add(y);
    }
    series.add(new double[] {1});
    var one = Batch.forecastAll(series, Models.create("ets", 4, 8), 8, 0.9, 1);
    var two = Batch.forecastAll(series, Models.create("ets", 4, 8), 8, 0.9, 2);
    assertThat(two).isEqualTo(one);
    assertThat(one.get(6).error()).contains("[TooShort]");
  }

  @Test
  void batch_longestFirstScheduling_keepsInputOrder() {
    // lengths out of order, so the workers take the series in another order than the input's
    int[] lengths = {30, 120, 45, 200, 60, 45, 10};
    List<double[]> series = new ArrayList<>();
    for (int i = 0; i < lengths.length; i++) {
      double[] y = new double[lengths[i]];
      for (int t = 0; t < y.length; t++) {
        y[t] = 100 * i + t;
      }
      series.add(y);
    }
    var res = Batch.forecastAll(series, Baseline.naive(), 3, 0.9, 2);
    assertThat(res).hasSize(lengths.length);
    for (int i = 0; i < lengths.length; i++) {
      // naive repeats the last value, 100 i + length - 1
      assertThat(res.get(i).forecast().point()).containsOnly(100.0 * i + lengths[i] - 1);
    }
  }

  @Test
  void unknownModel_isAUsageError() {
    assertThatThrownBy(() -> Models.create("prophet", 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got 'prophet'");
  }
}
