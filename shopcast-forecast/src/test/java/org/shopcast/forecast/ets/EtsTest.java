package org.shopcast.forecast.ets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.RData;
import org.shopcast.forecast.io.NamedSeries;
import org.shopcast.forecast.io.SeriesCsv;
import org.shopcast.testkit.Fixtures;

/**
 * Golden values from R 4 with forecast 8.20 (Debian r-cran-forecast), computed once on 2026-12-03:
 * {@code ets(Nile, model="ANN")}, {@code ets(Nile, model="AAN", damped=FALSE)}, {@code ets(Nile,
 * model="AAN", damped=TRUE)}, {@code ets(AirPassengers, model="MAM", damped=FALSE)}, then {@code
 * forecast(fit, h)}. Tolerances: 1% on non-seasonal forecasts; 3% on the AirPassengers seasonal
 * ones. The hourly case (m = 24) on M4 series H4 comes from {@code src/test/r/ets_golden.R} (R
 * 4.2.2, forecast 8.20, 2026-12-03; files {@code h4-ets-fit.csv} and {@code h4-ets-forecast.csv}):
 * the same starting values, bounds and Nelder-Mead search reproduce R's fits to within 0.05 of
 * log-likelihood and 0.1% of the forecasts.
 */
class EtsTest {
  @Test
  void ses_matchesR() {
    EtsModel fit = Ets.of(EtsSpec.parse("ANN"), 1).fit(RData.NILE);
    assertThat(fit.alpha()).isCloseTo(0.2455339, within(0.01));
    Forecast f = fit.forecast(3, 0.95);
    assertThat(f.point()[0]).isCloseTo(805.3813, withinPercentage(0.5));
    assertThat(f.upper()[0]).isCloseTo(1088.070, withinPercentage(1));
    assertThat(f.upper()[2]).isCloseTo(1104.628, withinPercentage(1));
    assertThat(fit.logLik()).isCloseTo(-726.3905, within(0.5));
  }

  @Test
  void holtAndDamped_matchR() {
    EtsModel h = Ets.of(EtsSpec.parse("AAN"), 1).fit(RData.NILE);
    Forecast holt = h.forecast(3, 0.95);

    assertThat(holt.point()[2]).isCloseTo(796.5921, withinPercentage(1));
    EtsModel d = Ets.of(EtsSpec.parse("AAdN"), 1).fit(RData.NILE);
    Forecast damped = d.forecast(3, 0.95);
    // R stops at a worse optimum here (logLik -726.502, alpha 0.256, phi 0.8, forecast 801.78):
    // the fit must be at least as likely as R's, and its forecasts must stay near the level
    assertThat(d.logLik()).isGreaterThanOrEqualTo(-726.502 - 0.01);
    assertThat(damped.point()[2]).isCloseTo(801.7773, withinPercentage(5));
  }

  @Test
  void holtWintersMultiplicative_matchesR() {
    Forecast f = Ets.of(EtsSpec.parse("MAM"), 12).forecast(RData.AIR, 12, 0.95);
    double[] r = {
      448.9738, 425.2278, 484.2137, 504.6111, 519.1423, 593.5873, 680.4644, 670.0225, 555.3151,
      491.2653, 420.7029, 466.3178
    };
    for (int h = 0; h < 12; h++) {
      assertThat(f.point()[h]).isCloseTo(r[h], withinPercentage(3));
      assertThat(f.lower()[h]).isLessThan(f.point()[h]);
      assertThat(f.upper()[h]).isGreaterThan(f.point()[h]);
    }
  }

  @Test
  void auto_picksAMultiplicativeSeasonalModelForAirPassengers() {
    EtsModel fit = Ets.auto(12).fit(RData.AIR);
    // R picks ETS(M,Ad,M) (AICc 1400.638); the season must be multiplicative
    assertThat(fit.spec().season()).isEqualTo('M');
  }

  private static double[] h4() {
    List<NamedSeries> all =
        SeriesCsv.read(Fixtures.path("m4/Hourly-train-head5.csv"), SeriesCsv.Layout.M4);
    double[] v = all.get(3).values();
    assertThat(all.get(3).id()).isEqualTo("H4");
    return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
  }

  /** The rows of a golden CSV (comment lines dropped, header first), fields trimmed. */
  private static List<String[]> golden(String name) throws IOException {
    try (InputStream in = EtsTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .filter(l -> !l.startsWith("#"))
          .map(l -> Arrays.stream(l.split(",")).map(String::trim).toArray(String[]::new))
          .toList();
    }
  }

  @Test
  void hourlySeasonal24_matchesR() throws IOException {
    double[] y = h4();
    assertThat(y).hasSize(700);
    List<String[]> fits = golden("h4-ets-fit.csv");
    List<String[]> fc = golden("h4-ets-forecast.csv");
    for (int row = 1; row < fits.size(); row++) {
      String[] r = fits.get(row);
      String name = r[0];
      EtsModel fit =
          "auto".equals(name) ? Ets.auto(24).fit(y) : Ets.of(EtsSpec.parse(name), 24).fit(y);
      // the auto fit must choose R's model (ETS(A,Ad,A))
      assertThat(fit.spec()).as(name).isEqualTo(EtsSpec.parse(r[1]));
      assertThat(fit.logLik())
          .as(name + " logLik")
          .isCloseTo(Double.parseDouble(r[2]), within(0.05));
      assertThat(fit.aicc()).as(name + " AICc").isCloseTo(Double.parseDouble(r[3]), within(0.1));
      assertThat(fit.alpha()).as(name + " alpha").isCloseTo(Double.parseDouble(r[4]), within(0.01));
      if (!"NA".equals(r[6])) {
        assertThat(fit.gamma())
            .as(name + " gamma")
            .isCloseTo(Double.parseDouble(r[6]), within(0.01));
      }
      int col = Arrays.asList(fc.get(0)).indexOf(name);
      double[] point = fit.forecast(48, 0.95).point();
      for (int h = 0; h < 48; h++) {
        double want = Double.parseDouble(fc.get(h + 1)[col]);
        assertThat(point[h]).as(name + " h=" + (h + 1)).isCloseTo(want, withinPercentage(0.1));
      }
    }
  }

  /**
   * R's starting state ({@code forecast:::initstate}, golden file from {@code
   * src/test/r/ets_initstate_golden.R}) to the last bit, for every trend and season type.
   */
  @Test
  void startIsRsBitForBit() throws IOException {
    double[] y = h4();
    List<String[]> rows = golden("h4-ets-initstate.csv");
    for (String[] r : rows.subList(1, rows.size())) {
      String season = r[1];
      EtsSpec spec = EtsSpec.parse(("M".equals(season) ? "M" : "A") + r[0] + season);
      double[] x0 = EtsFitter.start(y, spec, 24);
      int k = r.length - 2;
      assertThat(x0.length).as(spec + " length").isGreaterThanOrEqualTo(k);
      for (int j = 0; j < k; j++) {
        assertThat(x0[x0.length - k + j])
            .as(spec + " " + j)
            .isEqualTo(Double.parseDouble(r[2 + j]));
      }
    }
  }

  @Test
  void errors() {
    assertThatThrownBy(() -> Ets.of(EtsSpec.parse("MNN"), 1).fit(new double[] {1, -2, 3, 4}))
        .isInstanceOf(ForecastException.class)
        .hasMessageContaining("[NonPositive]");
    assertThatThrownBy(() -> Ets.auto(1).fit(new double[] {5, 5, 5, 5}))
        .hasMessageContaining("[Constant]");
    assertThatThrownBy(() -> EtsSpec.parse("XYZ")).isInstanceOf(IllegalArgumentException.class);
  }
}
