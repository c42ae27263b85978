package org.shopcast.forecast.mstl;

import java.util.Arrays;
import org.shopcast.forecast.ForecastException;
import org.shopcast.forecast.Series;

/**
 * MSTL, STL for multiple seasonal periods (Bandara, Hewamalage, Liu, Kang &amp; Bergmeir 2021,
 * arXiv:2107.13462), as R's {@code forecast::mstl} 8.20: the periods are sorted ascending and those
 * with fewer than two full cycles ({@code p >= n / 2}) are dropped; then, {@code iterate} times (2
 * for several periods, 1 for one, as R with an {@code msts} or a {@code ts} series), each seasonal
 * component in turn is added back to the deseasonalised series and re-estimated by {@link Stl} with
 * seasonal window {@code 7 + 4 i} for the i-th period (11, 15, ...). The trend is that of the last
 * STL fit; the remainder is the deseasonalised series minus the trend. No Box-Cox transformation.
 */
public final class Mstl {
  private Mstl() {}

  /**
   * An MSTL decomposition: {@code data = trend + sum(seasonal) + remainder}.
   *
   * @param periods the seasonal periods kept, ascending
   * @param trend the trend-cycle
   * @param seasonal one component per period, in the order of {@code periods}
   * @param remainder what is left
   */
  public record Decomposition(
      int[] periods, double[] trend, double[][] seasonal, double[] remainder) {
    /** The seasonally adjusted series, trend plus remainder. */
    public double[] adjusted() {
      double[] a = new double[trend.length];
      for (int t = 0; t < a.length; t++) {
        a[t] = trend[t] + remainder[t];
      }
      return a;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Decomposition d
          && Arrays.equals(periods, d.periods)
          && Arrays.equals(trend, d.trend)
          && Arrays.deepEquals(seasonal, d.seasonal)
          && Arrays.equals(remainder, d.remainder);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(trend);
    }

    @Override
    public String toString() {
      return "Mstl" + Arrays.toString(periods);
    }
  }

  /**
   * The periods of {@code periods} that MSTL can estimate on {@code n} values: greater than 1,
   * fewer than {@code n / 2}, distinct, ascending.
   */
  public static int[] usablePeriods(int[] periods, int n) {
    return Arrays.stream(periods).filter(p -> p > 1 && 2 * p < n).distinct().sorted().toArray();
  }

  /**
   * Decomposes {@code y} (no missing values).
   *
   * @throws ForecastException {@code TooShort} when no period has two full cycles in {@code y}
   */
  public static Decomposition decompose(double[] y, int[] periods) {
    Series.checkLength(y, 4, "mstl");
    int[] ps = usablePeriods(periods, y.length);
    if (ps.length == 0) {
      throw new ForecastException(
          ForecastException.Problem.TooShort,
          "mstl: series too short: expected more than twice a seasonal period > 1 of "
              + Arrays.toString(periods)
              + ", got "
              + y.length
              + " values");
    }
    int iterate = periods.length > 1 ? 2 : 1;
    int n = y.length;
    double[][] seas = new double[ps.length][n];
    double[] deseas = y.clone();
    double[] trend = null;
    for (int j = 0; j < iterate; j++) {
      for (int i = 0; i < ps.length; i++) {
        for (int t = 0; t < n; t++) {
          deseas[t] += seas[i][t];
        }
        double[][] st = Stl.decompose(deseas, ps[i], 7 + 4 * (i + 1));
        seas[i] = st[0];
        trend = st[1];
        for (int t = 0; t < n; t++) {
          deseas[t] -= seas[i][t];
        }
      }
    }
    double[] remainder = new double[n];
    for (int t = 0; t < n; t++) {
      remainder[t] = deseas[t] - trend[t];
    }
    return new Decomposition(ps, trend, seas, remainder);
  }
}
