package org.shopcast.forecast.regression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shopcast.core.error.DataException;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.RData;

/**
 * Golden values from R 4.2.2 with forecast 8.20, computed once on 2026-12-03: {@code fit <-
 * tslm(AirPassengers ~ trend + fourier(AirPassengers, K = 2))}, {@code coef(fit)}, {@code
 * summary(fit)$sigma^2} and {@code forecast(fit, newdata = data.frame(fourier(AirPassengers, K = 2,
 * h = 12)), level = 95)}. Tolerance 1e-6 (both are least squares on the same design).
 */
class LinearRegressionTest {
  @TempDir Path dir;

  @Test
  void trendAndFourier_matchRTslm() {
    LinearRegression.Fit fit =
        new LinearRegression(new int[] {12}, 2).fit(RData.AIR, Covariates.NONE, 12, 0.95);
    assertThat(fit.columns())
        .containsExactly("intercept", "trend", "S1-12", "C1-12", "S2-12", "C2-12");
    double[] coef = {
      87.180718664, 2.663695068, -17.998916267, -42.130685276, 24.941195922, -4.344250624
    };
    for (int j = 0; j < coef.length; j++) {
      assertThat(fit.coefficients().get(j)).isCloseTo(coef[j], within(1e-6));
    }
    assertThat(fit.sigma2()).isCloseTo(753.3151213, within(1e-5));
    Forecast f = fit.forecast();
    assertThat(f.point()[0]).isCloseTo(447.3583857, within(1e-6));
    assertThat(f.lower()[0]).isCloseTo(391.5588901, within(1e-6));
    assertThat(f.upper()[0]).isCloseTo(503.1578812, within(1e-6));
    assertThat(f.point()[11]).isCloseTo(456.2422134, within(1e-6));
    assertThat(f.lower()[11]).isCloseTo(400.3263768, within(1e-6));
    assertThat(f.upper()[11]).isCloseTo(512.1580500, within(1e-6));
  }

  @Test
  void calendarAndPromotion_recoveredExactly() {
    // y = 50 + 0.3 t + 20 on Sundays + 7 in December + 15 x promo, no noise
    int n = 400;
    int h = 14;
    LocalDateTime start = LocalDateTime.of(2024, 1, 1, 0, 0);
    List<LocalDateTime> times = new ArrayList<>();
    List<double[]> promo = new ArrayList<>();
    double[] all = new double[n + h];
    for (int t = 0; t < n + h; t++) {
      LocalDateTime d = start.plusDays(t);
      times.add(d);
      double p = (t * 37) % 11 == 0 ? 1 : 0;
      promo.add(new double[] {p});
      all[t] =
          50
              + 0.3 * (t + 1)
              + (d.getDayOfWeek().getValue() == 7 ? 20 : 0)
              + (d.getMonthValue() == 12 ? 7 : 0)
              + 15 * p;
    }
    double[] y = java.util.Arrays.copyOf(all, n);
    Covariates cov = new Covariates(times, true, true, List.of("promo"), promo);
    LinearRegression.Fit fit = new LinearRegression(new int[] {7}, 0).fit(y, cov, h, 0.9);
    assertThat(fit.coefficients().get(fit.columns().indexOf("promo"))).isCloseTo(15, within(1e-8));
    assertThat(fit.coefficients().get(fit.columns().indexOf("dow7"))).isCloseTo(20, within(1e-8));
    for (int k = 0; k < h; k++) {
      assertThat(fit.forecast().point()[k]).isCloseTo(all[n + k], within(1e-7));
    }
    assertThatThrownBy(() -> new LinearRegression(new int[] {7}, 0).fit(y, cov, h + 1, 0.9))
        .hasMessageContaining("need 415 rows (history 400 + horizon 15), got 414");
  }

  @Test
  void intervalsWidenWithLeverage() {
    Forecast f = new LinearRegression(new int[] {1}, 0).forecast(RData.NILE, 30, 0.95);
    double w1 = f.upper()[0] - f.lower()[0];
    double w30 = f.upper()[29] - f.lower()[29];
    assertThat(w30).isGreaterThan(w1);
  }

  @Test
  void regressorFile_errorsNameFileLineAndField() throws Exception {
    Path ok = dir.resolve("reg.csv");
    Files.writeString(ok, "time,promo,holiday\n2024-01-01,1,0\n2024-01-02,0,1\n");
    RegressorCsv r = RegressorCsv.read(ok);
    assertThat(r.names()).containsExactly("promo", "holiday");
    List<LocalDateTime> times =
        List.of(LocalDateTime.of(2024, 1, 1, 0, 0), LocalDateTime.of(2024, 1, 2, 0, 0));
    assertThat(r.valuesAt(times, 1).get(1)).containsExactly(0, 1);
    List<LocalDateTime> longer = new ArrayList<>(times);
    longer.add(LocalDateTime.of(2024, 1, 3, 0, 0));
    assertThatThrownBy(() -> r.valuesAt(longer, 2))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("reg.csv")
        .hasMessageContaining("a row for 2024-01-03T00:00 (step 1 of the horizon");
    Path bad = dir.resolve("bad.csv");
    Files.writeString(bad, "time,promo\n2024-01-01,1\n2024-01-02,x\n");
    assertThatThrownBy(() -> RegressorCsv.read(bad))
        .isInstanceOf(DataException.class)
        .hasMessageContaining("bad.csv:3")
        .hasMessageContaining("promo")
        .hasMessageContaining("'x'");
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "time,promo\n2024-01-01,\n");
    assertThatThrownBy(() -> RegressorCsv.read(empty)).hasMessageContaining("empty.csv:2");
    Path date = dir.resolve("date.csv");
    Files.writeString(date, "time,promo\n01/02/2024,1\n");
    assertThatThrownBy(() -> RegressorCsv.read(date).valuesAt(times, 1))
        .hasMessageContaining("date.csv:2")
        .hasMessageContaining("[BadTimestamp]");
    assertThat(RegressorCsv.read(date).valuesInOrder(1, "a").get(0)).containsExactly(1);
  }
}
