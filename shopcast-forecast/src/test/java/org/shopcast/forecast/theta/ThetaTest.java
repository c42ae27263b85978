package org.shopcast.forecast.theta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.RData;

/**
 * Golden values from R forecast 8.20 {@code thetaf(Nile, h = 3)} and {@code thetaf(AirPassengers, h
 * = 3)}, computed once on 2026-12-03. R fits SES to the series and adds half the slope; Shopcast
 * fits the equivalent state-space model by least squares (Fiorucci et al. 2016), so the values
 * agree to about 1%.
 */
class ThetaTest {
  @Test
  void standard_matchesRThetafOnNile() {
    Forecast f = Theta.standard(1).forecast(RData.NILE, 3, 0.95);
    double[] r = {799.8120, 798.4548, 797.0977};
    for (int h = 0; h < 3; h++) {
      assertThat(f.point()[h]).isCloseTo(r[h], withinPercentage(1.5));
    }
    // the drift (half the regression slope) is the same in both
    assertThat(f.point()[0] - f.point()[1]).isCloseTo(r[0] - r[1], within(1e-3));
    assertThat(f.upper()[0]).isCloseTo(1082.501, withinPercentage(2));
  }

  @Test
  void standard_deseasonalisesAirPassengersAsR() {
    Forecast f = Theta.standard(12).forecast(RData.AIR, 3, 0.95);
    assertThat(f.point()[0]).isCloseTo(440.0782, withinPercentage(1.5));
    assertThat(f.point()[1]).isCloseTo(428.3843, withinPercentage(1.5));
    assertThat(f.point()[2]).isCloseTo(489.7071, withinPercentage(1.5));
  }

  @Test
  void line_isLeastSquares() {
    // y = 3 + 2t exactly
    assertThat(Theta.line(new double[] {5, 7, 9, 11})).containsExactly(3, 2);
  }

  @Test
  void optimised_fitsAtLeastAsWellAsStandardOnATrend() {
    double[] y = new double[60];
    for (int t = 0; t < y.length; t++) {
      y[t] = 100 + 3 * t + 5 * Math.sin(t);
    }
    Forecast otm = Theta.optimised(1).forecast(y, 5, 0.9);
    // a clean linear trend continues: OTM follows the slope
    assertThat(otm.point()[4]).isCloseTo(100 + 3 * 64, withinPercentage(3));
  }
}
