package org.shopcast.forecast.arima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Checks the exact initial covariance and the Chandrasekhar filter of {@link ArmaKalman} against a
 * plain Kalman filter written here: full covariance recursion {@code P_{t+1} = T P_t T' - K K' / F
 * + R R'} from {@code P_0} obtained by iterating the Lyapunov equation to convergence.
 */
class ArmaKalmanTest {
  @Test
  void initialCovariance_solvesTheLyapunovEquation() {
    double[] ar = {0.5, -0.2, 0, 0.3};
    double[] ma = {0.4, 0, 0, -0.25, 0.1};
    ArmaKalman kf = new ArmaKalman(ar, ma);
    double[] p0 = kf.initialCovariance();
    double[] iterated = lyapunov(ar, ma);
    assertThat(p0).containsExactly(iterated, within(1e-9));
  }

  @Test
  void chandrasekharFilter_matchesTheFullCovarianceFilter() {
    // a seasonal ARMA(1,1)(1,1)[12] polynomial expanded, and a simulated series with a mean
    ArimaOrder o = new ArimaOrder(1, 0, 1, 1, 0, 1, 12, true);
    double[] par = {0.6, -0.3, 0.5, -0.7, 10};
    double[] ar = ArimaModel.fullAr(o, par);
    double[] ma = ArimaModel.fullMa(o, par);
    Random rnd = new Random(5);
    int n = 300;
    double[] w = new double[n];
    double[] e = new double[n];
    for (int t = 0; t < n; t++) {
      e[t] = rnd.nextGaussian();
      double v = e[t];
      for (int k = 0; k < ar.length; k++) {
        v += t - k - 1 >= 0 ? ar[k] * (w[t - k - 1] - 10) : 0;
      }
      for (int k = 0; k < ma.length; k++) {
        v += t - k - 1 >= 0 ? ma[k] * e[t - k - 1] : 0;
      }
      w[t] = 10 + v;
    }
    double[] fast = new ArmaKalman(ar, ma).filter(w, 10, null, null);
    double[] plain = plainFilter(ar, ma, w, 10);
    assertThat(fast[0]).isCloseTo(plain[0], within(1e-7 * plain[0]));
    assertThat(fast[1]).isCloseTo(plain[1], within(1e-7));
  }

  @Test
  void nonStationaryAr_isRefused() {
    assertThat(new ArmaKalman(new double[] {1.0}, new double[0]).initialCovariance()).isNull();
  }

  private static double[] lyapunov(double[] ar, double[] ma) {
    int r = Math.max(ar.length, ma.length + 1);
    double[][] t = new double[r][r];
    for (int i = 0; i < r; i++) {
      t[i][0] = i < ar.length ? ar[i] : 0;
      if (i + 1 < r) {
        t[i][i + 1] = 1;
      }
    }
    double[] rr = new double[r];
    rr[0] = 1;
    for (int i = 0; i < ma.length; i++) {
      rr[i + 1] = ma[i];
    }
    double[][] p = new double[r][r];
    for (int it = 0; it < 20000; it++) {
      double[][] np = new double[r][r];
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          double v = rr[i] * rr[j];
          for (int a = 0; a < r; a++) {
            for (int b = 0; b < r; b++) {
              v += t[i][a] * p[a][b] * t[j][b];
            }
          }
          np[i][j] = v;
        }
      }
      p = np;
    }
    double[] out = new double[r * r];
    for (int i = 0; i < r; i++) {
      System.arraycopy(p[i], 0, out, i * r, r);
    }
    return out;
  }

  /** {ssq, sum log F} by the textbook filter with a full covariance matrix. */
  private static double[] plainFilter(double[] ar, double[] ma, double[] w, double mu) {
    int r = Math.max(ar.length, ma.length + 1);
    double[] p0 = new ArmaKalman(ar, ma).initialCovariance();
    double[][] p = new double[r][r];
    for (int i = 0; i < r; i++) {
      System.arraycopy(p0, i * r, p[i], 0, r);
    }
    double[] phi = new double[r];
    System.arraycopy(ar, 0, phi, 0, ar.length);
    double[] rr = new double[r];
    rr[0] = 1;
    System.arraycopy(ma, 0, rr, 1, ma.length);
    double[] a = new double[r];
    double ssq = 0;
    double sumLog = 0;
    for (double obs : w) {
      double f = p[0][0];
      double v = obs - mu - a[0];
      ssq += v * v / f;
      sumLog += Math.log(f);
      double[] au = new double[r];
      double[][] pu = new double[r][r];
      for (int i = 0; i < r; i++) {
        au[i] = a[i] + p[i][0] * v / f;
        for (int j = 0; j < r; j++) {
          pu[i][j] = p[i][j] - p[i][0] * p[0][j] / f;
        }
      }
      double[][] tp = new double[r][r];
      for (int i = 0; i < r; i++) {
        a[i] = phi[i] * au[0] + (i + 1 < r ? au[i + 1] : 0);
        for (int j = 0; j < r; j++) {
          tp[i][j] = phi[i] * pu[0][j] + (i + 1 < r ? pu[i + 1][j] : 0);
        }
      }
      for (int i = 0; i < r; i++) {
        for (int j = 0; j < r; j++) {
          p[i][j] = tp[i][0] * phi[j] + (j + 1 < r ? tp[i][j + 1] : 0) + rr[i] * rr[j];
        }
      }
    }
    return new double[] {ssq, sumLog};
  }
}
