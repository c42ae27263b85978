package org.shopcast.forecast.mstl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.ets.Ets;
import org.shopcast.forecast.ets.EtsSpec;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.io.SeriesCsv;
import org.shopcast.forecast.select.Models;
import org.shopcast.testkit.Fixtures;

/**
 * Golden values from R 4.2.2 with forecast 8.20 (Debian r-cran-forecast), computed once on
 * 2026-12-03 by {@code src/test/r/mstl_golden.R}: {@code mstl(msts(H1, seasonal.periods = c(24,
 * 168)))} on M4 series H1 (700 hourly values) and {@code forecast(fit, method = "naive" | "ets", h
 * = 48, level = 95)}. Tolerances: decomposition within 1e-6 and STL + naive within 1e-6 (bounds
 * 1e-3): the same Fortran algorithm, ported. R's AutoETS picks ETS(A,Ad,N) for the adjusted series,
 * and so does Shopcast's since its ETS fitting follows R's (starting values, bounds, Nash's
 * Nelder-Mead): STL + ETS forecasts agree within 1e-4 and their 95% bounds within 0.05.
 */
class MstlTest {
  private static final int[] HOURLY = {24, 168};

  private static double[] h1() {
    List<NamedSeries> all =
        SeriesCsv.read(Fixtures.path("m4/Hourly-train-head5.csv"), SeriesCsv.Layout.M4);
    double[] v = all.get(0).values();
    return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
  }

  private static double[][] golden(String name) throws IOException {
    try (InputStream in = MstlTest.class.getResourceAsStream(name)) {
      List<String> lines =
          new String(in.readAllBytes(), StandardCharsets.UTF_8)
              .lines()
              .filter(l -> !l.startsWith("#"))
              .toList();
      int cols = lines.get(0).split(",").length;
      double[][] out = new double[cols][lines.size() - 1];
      for (int r = 1; r < lines.size(); r++) {
        String[] f = lines.get(r).split(",");
        for (int c = 0; c < cols; c++) {
          out[c][r - 1] = Double.parseDouble(f[c].trim());
        }
      }
      return out;
    }
  }

  @Test
  void decomposition_matchesR() throws IOException {
    double[] y = h1();
    double[][] r = golden("h1-mstl.csv");
    assertThat(y).hasSize(r[0].length);
    Mstl.Decomposition d = Mstl.decompose(y, HOURLY);
    assertThat(d.periods()).containsExactly(24, 168);
    for (int t = 0; t < y.length; t++) {
      assertThat(y[t]).isEqualTo(r[0][t]);
      assertThat(d.trend()[t]).as("trend %d", t).isCloseTo(r[1][t], within(1e-6));
      assertThat(d.seasonal()[0][t]).as("seasonal24 %d", t).isCloseTo(r[2][t], within(1e-6));
      assertThat(d.seasonal()[1][t]).as("seasonal168 %d", t).isCloseTo(r[3][t], within(1e-6));
      assertThat(d.remainder()[t]).as("remainder %d", t).isCloseTo(r[4][t], within(1e-6));
      double sum = d.trend()[t] + d.seasonal()[0][t] + d.seasonal()[1][t] + d.remainder()[t];
      assertThat(sum).isCloseTo(y[t], within(1e-9));
    }
  }

  @Test
  void forecast_matchesR() throws IOException {
    double[] y = h1();
    double[][] r = golden("h1-forecast.csv");
    Forecast naive = new MstlForecaster(HOURLY, MstlForecaster.Method.NAIVE).forecast(y, 48, 0.95);
    Forecast ets =
        new MstlForecaster(HOURLY, Ets.of(EtsSpec.parse("AAdN"), 1), "mstl").forecast(y, 48, 0.95);
    Forecast auto = Models.create("mstl", 24, 48).forecast(y, 48, 0.95);
    assertThat(naive.model()).isEqualTo("MSTL(24,168)+naive");
    assertThat(auto.model()).startsWith("MSTL(24,168)+ETS(");
    assertThat(auto.model()).isEqualTo("MSTL(24,168)+ETS(A,Ad,N)");
    for (int h = 0; h < 48; h++) {
      assertThat(naive.point()[h]).isCloseTo(r[0][h], within(1e-6));
      assertThat(naive.lower()[h]).isCloseTo(r[1][h], within(1e-3));
      assertThat(naive.upper()[h]).isCloseTo(r[2][h], within(1e-3));
      assertThat(ets.point()[h]).as("h %d", h).isCloseTo(r[3][h], within(1e-4));
      assertThat(auto.point()[h]).as("h %d", h).isCloseTo(r[3][h], within(1e-4));
      assertThat(ets.lower()[h]).as("lower h %d", h).isCloseTo(r[4][h], within(0.05));
      assertThat(ets.upper()[h]).as("upper h %d", h).isCloseTo(r[5][h], within(0.05));
      assertThat(ets.lower()[h]).isLessThan(ets.point()[h]);
      assertThat(ets.upper()[h]).isGreaterThan(ets.point()[h]);
    }
  }

  @Test
  void periodsWithoutTwoCyclesAreDropped() {
    double[] y = h1();
    double[] shortY = Arrays.copyOf(y, 300);
    Mstl.Decomposition d = Mstl.decompose(shortY, HOURLY);
    assertThat(d.periods()).containsExactly(24);
    Forecast f = Models.create("mstl", 24, 10).forecast(Arrays.copyOf(y, 40), 10, 0.9);
    assertThat(f.model()).startsWith("MSTL()+");
    assertThat(f.point()).hasSize(10);
    assertThatThrownBy(() -> Mstl.decompose(Arrays.copyOf(y, 40), HOURLY))
        .isInstanceOf(ForecastException.class)
        .hasMessageContaining("[TooShort]");
  }

  @Test
  void seasonalPartRepeatsTheLastCycle() {
    double[] y = new double[24 * 10];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 10 * Math.sin(2 * Math.PI * t / 24) + 0.01 * t + ((t * 7919) % 13) / 13.0;
    }
    Forecast f = Models.create("mstl-arima", 24, new int[] {24}, 48).forecast(y, 48, 0.95);
    assertThat(f.point()).hasSize(48);
    for (int h = 0; h < 24; h++) {
      // a pure daily cycle: the forecast one day later differs by at most the trend's step
      assertThat(f.point()[h + 24] - f.point()[h]).isCloseTo(0, within(1.0));
    }
  }
}
