package org.shopcast.forecast.ets;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.shopcast.forecast.Forecast;
import org.shopcast.forecast.Intervals;
import org.shopcast.forecast.internal.Minimizer;

/**
 * A fitted ETS model: parameters, final state, residual variance and information criteria.
 * Forecasts iterate the recursions with zero errors; intervals are analytic for the linear models
 * ({@code sd_h^2 = sigma^2 (1 + sum_{j<h} c_j^2)}, {@code c_j = w' F^{j-1} g}, Hyndman et al. 2008
 * ch. 6) and simulated from 1,000 seeded sample paths otherwise (ch. 6.1).
 *
 * @param spec the model
 * @param m the season period
 * @param alpha level smoothing
 * @param beta slope smoothing (0 without trend)
 * @param gamma season smoothing (0 without season)
 * @param phi damping (1 unless damped)
 * @param level the final level
 * @param slope the final slope
 * @param seasons the final seasonal values by phase of step {@code n + k}
 * @param n the number of observations fitted
 * @param sigma2 the residual variance {@code sse / (n - k + 1)} (k counts the variance; as R)
 * @param logLik the log-likelihood (up to the constant R's {@code ets} also drops)
 * @param parameters the number of estimated parameters incl. initial states and variance
 */
public record EtsModel(
    EtsSpec spec,
    int m,
    double alpha,
    double beta,
    double gamma,
    double phi,
    double level,
    double slope,
    double[] seasons,
    int n,
    double sigma2,
    double logLik,
    int parameters) {

  private static final int PATHS = 1000;

  /** Copies the seasonal array. */
  public EtsModel {
    seasons = seasons.clone();
  }

  @Override
  public double[] seasons() {
    return seasons.clone();
  }

  /** Akaike's criterion {@code -2 logL + 2k}. */
  public double aic() {
    return -2 * logLik + 2 * parameters;
  }

  /** AIC corrected for small samples. */
  public double aicc() {
    int k = parameters;
    return n - k - 1 <= 0 ? Double.POSITIVE_INFINITY : aic() + 2.0 * k * (k + 1) / (n - k - 1);
  }

  private EtsFilter filter() {
    return new EtsFilter(spec, m, alpha, beta, gamma, phi);
  }

  /** Point forecasts and intervals for {@code horizon} steps. */
  public Forecast forecast(int horizon, double level) {
    EtsFilter f = filter();
    double[] x = {this.level, slope};
    double[] seas = seasons.clone();
    double[] point = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      int phase = (n + h) % m;
      point[h] = f.mean(x[0], x[1], spec.seasonal() ? seas[phase] : 0);
      f.update(x, seas, phase, 0);
    }
    String name = spec.toString();
    if (spec.linear()) {
      return Intervals.normal(name, point, linearSd(horizon), level);
    }
    return simulated(name, point, horizon, level);
  }

  private double[] linearSd(int horizon) {
    double[] sd = new double[horizon];
    double sum = 0;
    for (int h = 0; h < horizon; h++) {
      sd[h] = Math.sqrt(sigma2 * (1 + sum));
      int j = h + 1;
      double c = alpha;
      if (spec.trend() != EtsSpec.Trend.N) {
        double damp = 0;
        double p = 1;
        for (int i = 1; i <= j; i++) {
          p *= phi;
          damp += p;
        }
        // phi_1 + ... + phi_j for the damped trend (= j when phi = 1)
        c += beta * (spec.trend() == EtsSpec.Trend.Ad ? damp : j);
      }
      if (spec.seasonal() && j % m == 0) {
        c += gamma;
      }
      sum += c * c;
    }
    return sd;
  }

  private Forecast simulated(String name, double[] point, int horizon, double level) {
    EtsFilter f = filter();
    SplittableRandom rnd = new SplittableRandom(20_080_101L);
    double sigma = Math.sqrt(sigma2);
    double[][] paths = new double[horizon][PATHS];
    for (int p = 0; p < PATHS; p++) {
      double[] x = {this.level, slope};
      double[] seas = seasons.clone();
      for (int h = 0; h < horizon; h++) {
        int phase = (n + h) % m;
        double mu = f.mean(x[0], x[1], spec.seasonal() ? seas[phase] : 0);
        double e = sigma * gaussian(rnd);
        paths[h][p] = spec.error() == 'A' ? mu + e : mu * (1 + e);
        f.update(x, seas, phase, e);
      }
    }
    double[] lo = new double[horizon];
    double[] hi = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      double[] v = paths[h];
      Arrays.sort(v);
      lo[h] = Minimizer.quantile(v, 0.5 - level / 2);
      hi[h] = Minimizer.quantile(v, 0.5 + level / 2);
    }
    return new Forecast(name, point, lo, hi, level);
  }

  /** A standard normal draw (Box-Muller) from a seeded generator. */
  static double gaussian(SplittableRandom rnd) {
    double u = 1 - rnd.nextDouble();
    double v = rnd.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof EtsModel e
        && spec.equals(e.spec)
        && alpha == e.alpha
        && beta == e.beta
        && gamma == e.gamma
        && phi == e.phi
        && level == e.level
        && slope == e.slope
        && Arrays.equals(seasons, e.seasons);
  }

  @Override
  public int hashCode() {
    return spec.hashCode() * 31 + Double.hashCode(alpha);
  }

  @Override
  public String toString() {
    return String.format(
        java.util.Locale.ROOT,
        "%s alpha=%.4f beta=%.4f gamma=%.4f phi=%.4f sigma2=%.4g aicc=%.2f",
        spec,
        alpha,
        beta,
        gamma,
        phi,
        sigma2,
        aicc());
  }
}
