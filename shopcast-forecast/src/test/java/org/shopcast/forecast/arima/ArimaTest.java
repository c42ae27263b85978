package org.shopcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Intervals;
import org.shopcast.forecast.RData;

/**
 * Golden values from R 4 (stats::arima, forecast 8.20), computed once on 2026-12-03: {@code
 * arima(lh, order = c(1,0,0), method = "CSS")} (ar1 0.5860, intercept 2.4151, sigma^2 0.2016,
 * predict: 2.699229, 2.581578, 2.512635, se 0.4490, 0.5205, 0.5428) and {@code Arima(AirPassengers,
 * order = c(0,1,1), seasonal = c(0,1,1), method = "CSS")} (forecasts 447.0758, 421.9400, 453.7603;
 * 95% upper 470.0682, 449.8831, 485.9003); {@code ndiffs(Nile) = 1}, {@code nsdiffs(AirPassengers)
 * = 1}.
 *
 * <p>Exact maximum likelihood (R 4, stats::arima / forecast 8.20 {@code Arima}, default {@code
 * method = "CSS-ML"}, computed once on 2026-12-03 with /tmp script {@code golden.R}): {@code
 * arima(log(AirPassengers), order = c(0,1,1), seasonal = c(0,1,1))}: ma1 -0.4018280168, sma1
 * -0.5569448384, sigma^2 0.001348034819, loglik 244.6995306, predict 6.110185743, 6.053775271,
 * 6.171714856 with se 0.03671562246, 0.04278290734, 0.04809072039; {@code Arima(AirPassengers,
 * order = c(1,0,1), seasonal = c(0,1,1), include.drift = TRUE)}: ar1 0.8515911397, ma1
 * -0.2137114227, sma1 -0.1147761537, drift 2.5675117891 per month (12 x per season-difference),
 * sigma^2 130.5233897, loglik -507.3219165, AICc 1025.120024, forecasts 445.7722418, 420.5297448,
 * 452.3088779 with 95% upper 468.1642097, 447.0893990, 481.5213485.
 */
class ArimaTest {
  /** R's {@code lh}: luteinizing hormone in blood samples, 48 values. */
  static final double[] LH = {
    2.4, 2.4, 2.4, 2.2, 2.1, 1.5, 2.3, 2.3, 2.5, 2, 1.9, 1.7, 2.2, 1.8, 3.2, 3.2, 2.7, 2.2, 2.2,
    1.9, 1.9, 1.8, 2.7, 3, 2.3, 2, 2, 2.9, 2.9, 2.7, 2.7, 2.3, 2.6, 2.4, 1.8, 1.7, 1.5, 1.4, 2.1,
    3.3, 3.5, 3.5, 3.1, 2.6, 2.1, 3.4, 3, 2.9
  };

  @Test
  void ar1Css_matchesR() {
    ArimaModel fit = AutoArima.fit(LH, new ArimaOrder(1, 0, 0, 0, 0, 0, 1, true));
    assertThat(fit.mean()).isCloseTo(2.4151, within(2e-3));
    // R divides the CSS by n - p = 47 (no d.o.f. for the mean), as here
    assertThat(fit.sigma2()).isCloseTo(0.2016, within(5e-4));
    Forecast f = fit.forecast(3, 0.95);
    assertThat(f.point())
        .containsExactly(new double[] {2.699229, 2.581578, 2.512635}, within(2e-3));
    double z = Intervals.z(0.95);
    assertThat((f.upper()[2] - f.point()[2]) / z).isCloseTo(0.5428308, within(2e-3));
  }

  @Test
  void airlineModelCss_matchesR() {
    ArimaModel fit = AutoArima.fit(RData.AIR, new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false));
    Forecast f = fit.forecast(3, 0.95);
    double[] r = {447.0758, 421.9400, 453.7603};
    double[] up = {470.0682, 449.8831, 485.9003};
    for (int h = 0; h < 3; h++) {
      assertThat(f.point()[h]).isCloseTo(r[h], withinPercentage(0.5));
      assertThat(f.upper()[h]).isCloseTo(up[h], withinPercentage(1));
    }
  }

  @Test
  void airlineModelMl_matchesR() {
    double[] logAir = new double[RData.AIR.length];
    for (int t = 0; t < logAir.length; t++) {
      logAir[t] = Math.log(RData.AIR[t]);
    }
    ArimaModel fit = AutoArima.fit(logAir, new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false), true);
    assertThat(fit.exactLikelihood()).isTrue();
    assertThat(fit.coefficients())
        .containsExactly(new double[] {-0.4018280168, -0.5569448384}, within(1e-3));
    assertThat(fit.sigma2()).isCloseTo(0.001348034819, withinPercentage(0.1));
    // R's likelihood treats the differencing by a diffuse prior (kappa = 1e6), here it is exact
    assertThat(fit.logLik()).isCloseTo(244.6995306, within(1e-2));
    Forecast f = fit.forecast(3, 0.95);
    assertThat(f.point())
        .containsExactly(new double[] {6.110185743, 6.053775271, 6.171714856}, within(1e-4));
    double z = Intervals.z(0.95);
    double[] se = {0.03671562246, 0.04278290734, 0.04809072039};
    for (int h = 0; h < 3; h++) {
      assertThat((f.upper()[h] - f.point()[h]) / z).isCloseTo(se[h], withinPercentage(0.2));
    }
  }

  @Test
  void seasonalArmaWithDriftMl_matchesR() {
    ArimaModel ml = AutoArima.fit(RData.AIR, new ArimaOrder(1, 0, 1, 0, 1, 1, 12, true), true);
    // stats::arima's sigma^2 divides by nstar = 132; Arima() rescales it to nstar - 4 coefficients
    ArimaModel fit = ml.withSigma2(ml.sigma2() * 132 / 128);
    assertThat(fit.coefficients())
        .containsExactly(new double[] {0.8515911397, -0.2137114227, -0.1147761537}, within(2e-3));
    // the drift of R's regression on time is per month; the mean of the seasonal difference is 12x
    assertThat(fit.mean()).isCloseTo(12 * 2.5675117891, within(0.01));
    assertThat(fit.sigma2()).isCloseTo(130.5233897, withinPercentage(0.2));
    assertThat(fit.logLik()).isCloseTo(-507.3219165, within(2e-3));
    assertThat(fit.aicc()).isCloseTo(1025.120024, within(5e-3));
    Forecast f = fit.forecast(3, 0.95);
    assertThat(f.point())
        .containsExactly(new double[] {445.7722418, 420.5297448, 452.3088779}, within(0.05));
    assertThat(f.upper())
        .containsExactly(new double[] {468.1642097, 447.0893990, 481.5213485}, within(0.1));
  }

  @Test
  void differencingTests_matchR() {
    assertThat(UnitRoot.ndiffs(RData.NILE, 2)).isEqualTo(1);
    assertThat(UnitRoot.nsdiffs(RData.AIR, 12)).isEqualTo(1);
  }

  @Test
  void kpss_isSmallForWhiteNoiseAndLargeForARandomWalk() {
    java.util.Random rnd = new java.util.Random(11);
    double[] noise = new double[400];
    double[] walk = new double[400];
    for (int t = 0; t < 400; t++) {
      noise[t] = rnd.nextGaussian();
      walk[t] = (t == 0 ? 0 : walk[t - 1]) + rnd.nextGaussian();
    }
    assertThat(UnitRoot.kpss(noise)).isLessThan(UnitRoot.KPSS_CRITICAL_5);
    assertThat(UnitRoot.kpss(walk)).isGreaterThan(UnitRoot.KPSS_CRITICAL_5);
  }

  /**
   * R 4.2.2, forecast 8.20, 2026-12-03, {@code src/test/r/autoarima_golden.R}: {@code
   * auto.arima(AirPassengers)} (n = 144, m = 12: R fits every candidate by CSS-ML, as here by
   * default) is ARIMA(2,1,1)(0,1,0)[12], coefficients 0.5959807066, 0.2142745536, -0.9818771697,
   * AICc 1018.165165; {@code auto.arima(Nile)} ARIMA(1,1,1), 0.2543713701, -0.8741363712, AICc
   * 1267.507395; {@code auto.arima(log(AirPassengers))} the airline model, AICc -483.2100848
   * (within 0.01: R's diffuse prior for the differencing, see airlineModelMl_matchesR); with {@code
   * approximation = TRUE} ARIMA(0,1,1)(0,1,0)[12], ma1 -0.3184390609, AICc 1020.7329.
   */
  @Test
  void autoArima_choosesRsModels() {
    ArimaModel air = new AutoArima(12).select(RData.AIR);
    assertThat(air.order()).isEqualTo(new ArimaOrder(2, 1, 1, 0, 1, 0, 12, false));
    assertThat(air.coefficients())
        .containsExactly(new double[] {0.5959807066, 0.2142745536, -0.9818771697}, within(1e-3));
    assertThat(air.aicc()).isCloseTo(1018.165165, within(5e-3));
    assertThat(air.forecast(3, 0.95).point())
        .containsExactly(new double[] {445.6349014, 420.3949965, 449.1983163}, within(0.01));
    ArimaModel nile = new AutoArima(1).select(RData.NILE);
    assertThat(nile.order()).isEqualTo(new ArimaOrder(1, 1, 1, 0, 0, 0, 1, false));
    assertThat(nile.coefficients())
        .containsExactly(new double[] {0.2543713701, -0.8741363712}, within(1e-3));
    assertThat(nile.aicc()).isCloseTo(1267.507395, within(5e-3));
    double[] logAir = new double[RData.AIR.length];
    for (int t = 0; t < logAir.length; t++) {
      logAir[t] = Math.log(RData.AIR[t]);
    }
    ArimaModel airline = new AutoArima(12).select(logAir);
    assertThat(airline.order()).isEqualTo(new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false));
    assertThat(airline.aicc()).isCloseTo(-483.2100848, within(0.01));
    ArimaModel approx = new AutoArima(12).withApproximation(true).select(RData.AIR);
    assertThat(approx.order()).isEqualTo(new ArimaOrder(0, 1, 1, 0, 1, 0, 12, false));
    assertThat(approx.coefficients()[0]).isCloseTo(-0.3184390609, within(1e-3));
    assertThat(approx.aicc()).isCloseTo(1020.7329, within(5e-3));
  }

  @Test
  void autoArima_seasonallyDifferencesAirPassengers() {
    ArimaModel fit = new AutoArima(12).select(RData.AIR);
    assertThat(fit.order().sd()).isEqualTo(1);
    for (double v : fit.forecast(12, 0.9).point()) {
      assertThat(v).isBetween(350.0, 700.0);
    }
  }

  @Test
  void orders_areValidated() {
    assertThatThrownBy(() -> new ArimaOrder(1, 2, 0, 0, 0, 0, 1, true))
        .hasMessage("a constant needs d + D <= 1, got d + D = 2");
    assertThat(new ArimaOrder(0, 1, 1, 0, 1, 1, 12, false).toString())
        .isEqualTo("ARIMA(0,1,1)(0,1,1)[12]");
  }
}
