package org.shopcast.forecast.mstl;

import com.github.servicenow.ds.stats.stl.SeasonalTrendLoess;

/**
 * STL, Seasonal-Trend decomposition by Loess (Cleveland, Cleveland, McRae &amp; Terpenning 1990,
 * <i>Journal of Official Statistics</i> 6(1)), computed by stl-decomp-4j (ServiceNow's port of the
 * netlib Fortran that R's {@code stats::stl} also calls), with R's defaults: seasonal degree 0,
 * trend window {@code nextodd(ceil(1.5 p / (1 - 1.5 / s.window)))}, low-pass window {@code
 * nextodd(p)}, degree 1 for trend and low-pass, jumps {@code ceil(window / 10)}, 2 inner and no
 * robustness iterations.
 */
final class Stl {
  private Stl() {}

  /**
   * The seasonal and trend components of {@code y} for period {@code period} and seasonal window
   * {@code seasonalWindow} (odd, &gt;= 7).
   *
   * @return {@code {seasonal, trend}}
   */
  static double[][] decompose(double[] y, int period, int seasonalWindow) {
    int trendWindow = nextOdd(Math.ceil(1.5 * period / (1 - 1.5 / seasonalWindow)));
    int lowpassWindow = nextOdd(period);
    SeasonalTrendLoess.Decomposition d =
        new SeasonalTrendLoess.Builder()
            .setPeriodLength(period)
            .setSeasonalWidth(seasonalWindow)
            .setSeasonalDegree(0)
            .setSeasonalJump(jump(seasonalWindow))
            .setTrendWidth(trendWindow)
            .setTrendDegree(1)
            .setTrendJump(jump(trendWindow))
            .setLowpassWidth(lowpassWindow)
            .setLowpassDegree(1)
            .setLowpassJump(jump(lowpassWindow))
            .setInnerIterations(2)
            .setRobustnessIterations(0)
            .setNonRobust()
            .buildSmoother(y)
            .decompose();
    return new double[][] {d.getSeasonal(), d.getTrend()};
  }

  /** R's {@code nextodd}: rounded, plus one when even. */
  static int nextOdd(double x) {
    int r = (int) Math.round(x);
    return r % 2 == 0 ? r + 1 : r;
  }

  private static int jump(int window) {
    return (int) Math.ceil(window / 10.0);
  }
}
