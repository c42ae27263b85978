package org.shopcast.forecast.arima;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealVector;

/**
 * The exact Gaussian likelihood of a stationary ARMA process with mean {@code mu} by the Kalman
 * filter, in Harvey's state-space form as R's {@code stats::arima} (Gardner, Harvey &amp; Phillips
 * 1980, AS 154; Durbin &amp; Koopman 2012, ch. 3): state {@code a_t} of dimension {@code r = max(p,
 * q + 1)}, transition {@code T} with first column {@code phi} and ones above the diagonal,
 * disturbance loading {@code R = (1, theta_1, .., theta_{r-1})}, observation {@code w_t - mu =
 * a_t[0]} and {@code sigma^2} concentrated out.
 *
 * <p>The initial state covariance {@code P_0 = T P_0 T' + R R'} is computed exactly in {@code O(p^3
 * + r^2)}: the autocovariances {@code gamma(0..p)} solve the linear Yule-Walker system of the ARMA
 * process (Brockwell &amp; Davis 1991, 3.3), the first row of {@code P_0} is {@code sum_i phi_i
 * gamma(i-k) + sum_i theta_i psi_{i-k}}, and the other entries follow from the Lyapunov equation
 * itself, {@code P_0[j][k] = phi_{j+1} phi_{k+1} P_0[0][0] + phi_{j+1} P_0[0][k+1] + phi_{k+1}
 * P_0[0][j+1] + P_0[j+1][k+1] + theta_j theta_k}, filled from the bottom-right corner. As in AS
 * 154, once the prediction variance {@code F_t} has converged to 1 the filter switches to the
 * steady-state recursion {@code a_{t|t} = a_{t|t-1} + R v_t}, which costs {@code O(r)} per step.
 */
final class ArmaKalman {
  private final int r;
  private final int p;
  private final int q;
  private final double[] phi;
  private final double[] theta;

  /**
   * @param ar the full AR coefficients {@code phi_1..phi_p} (model {@code w_t = sum phi_k w_{t-k} +
   *     e_t + sum theta_k e_{t-k}})
   * @param ma the full MA coefficients {@code theta_1..theta_q}
   */
  ArmaKalman(double[] ar, double[] ma) {
    this.p = ar.length;
    this.q = ma.length;
    this.r = Math.max(p, q + 1);
    this.phi = new double[r];
    this.theta = new double[r];
    System.arraycopy(ar, 0, phi, 0, p);
    theta[0] = 1;
    System.arraycopy(ma, 0, theta, 1, q);
  }

  /** The state dimension. */
  int dimension() {
    return r;
  }

  /**
   * The stationary covariance of the state (row-major {@code r x r}, in units of {@code sigma^2}),
   * or null when the AR part is not stationary (singular system or negative variance).
   */
  double[] initialCovariance() {
    double[] psi = new double[q + 1];
    for (int j = 0; j <= q; j++) {
      double v = j == 0 ? 1 : theta[j];
      for (int i = 1; i <= Math.min(j, p); i++) {
        v += phi[i - 1] * psi[j - i];
      }
      psi[j] = v;
    }
    // c_k = sum_{j=k}^{q} theta_j psi_{j-k}
    double[] c = new double[Math.max(p, q) + 1];
    for (int k = 0; k <= q; k++) {
      double v = 0;
      for (int j = k; j <= q; j++) {
        v += theta[j] * psi[j - k];
      }
      c[k] = v;
    }
    double[] gamma = new double[r + 1];
    if (p == 0) {
      for (int k = 0; k <= q; k++) {
        gamma[k] = c[k];
      }
    } else {
      double[][] a = new double[p + 1][p + 1];
      double[] rhs = new double[p + 1];
      for (int k = 0; k <= p; k++) {
        a[k][k] += 1;
        for (int i = 1; i <= p; i++) {
          a[k][Math.abs(k - i)] -= phi[i - 1];
        }
        rhs[k] = c[k];
      }
      RealVector g;
      try {
        g =
            new LUDecomposition(new Array2DRowRealMatrix(a, false), 1e-12)
                .getSolver()
                .solve(new ArrayRealVector(rhs, false));
      } catch (org.hipparchus.exception.MathIllegalArgumentException e) {
        return null;
      }
      for (int k = 0; k <= p; k++) {
        gamma[k] = g.getEntry(k);
      }
      for (int k = p + 1; k <= r; k++) {
        double v = k <= q ? c[k] : 0;
        for (int i = 1; i <= p; i++) {
          v += phi[i - 1] * gamma[k - i];
        }
        gamma[k] = v;
      }
    }
    if (!(gamma[0] > 0) || !Double.isFinite(gamma[0])) {
      return null;
    }
    double[] pm = new double[r * r];
    for (int k = 0; k < r; k++) {
      double v = 0;
      for (int i = k + 1; i <= p; i++) {
        v += phi[i - 1] * gamma[i - k];
      }
      for (int i = k; i <= q; i++) {
        v += theta[i] * psi[i - k];
      }
      pm[k] = v;
      pm[k * r] = v;
    }
    pm[0] = gamma[0];
    for (int j = r - 1; j >= 1; j--) {
      for (int k = r - 1; k >= j; k--) {
        double pj = j + 1 <= p ? phi[j] : 0;
        double pk = k + 1 <= p ? phi[k] : 0;
        double v = pj * pk * pm[0] + theta[j] * theta[k];
        if (k + 1 < r) {
          v += pj * pm[k + 1] + pm[(j + 1) * r + k + 1];
        }
        if (j + 1 < r) {
          v += pk * pm[j + 1];
        }
        pm[j * r + k] = v;
        pm[k * r + j] = v;
      }
    }
    return pm;
  }

  /**
   * Filters {@code w - mu}. Returns {@code {ssq, sumLogF}} ({@code ssq = sum v_t^2 / F_t}) or null
   * when the process is not stationary; fills {@code std} (when not null) with the standardised
   * innovations {@code v_t / sqrt(F_t)} and {@code state} (when not null) with the predicted state
   * {@code a_{n+1|n}} after the last observation.
   *
   * <p>The covariance recursion uses the Chandrasekhar equations for a time-invariant model (Morf,
   * Sidhu &amp; Kailath 1974; Harvey 1989, 3.3.4): with {@code K_t = T P_t Z'} and {@code P_{t+1} -
   * P_t = W_t M_t W_t'} of rank one, {@code F_{t+1} = F_t + M_t g_t^2}, {@code K_{t+1} = K_t + T
   * W_t M_t g_t}, {@code W_{t+1} = T W_t - K_{t+1} g_t / F_{t+1}} and {@code M_{t+1} = M_t F_{t+1}
   * / F_t} where {@code g_t = Z W_t}, started from {@code W_1 = K_1}, {@code M_1 = -1 / F_1}
   * because {@code P_1} is the stationary covariance. Each step costs {@code O(r)}.
   */
  double[] filter(double[] w, double mu, double[] std, double[] state) {
    double[] p0 = initialCovariance();
    if (p0 == null) {
      return null;
    }
    double[] a = new double[r];
    double[] next = new double[r];
    double[] kv = new double[r];
    double[] wv = new double[r];
    double[] tw = new double[r];
    // K_1 = T P_0 e_0
    for (int i = 0; i < r; i++) {
      kv[i] = phi[i] * p0[0] + (i + 1 < r ? p0[(i + 1) * r] : 0);
    }
    double f = p0[0];
    System.arraycopy(kv, 0, wv, 0, r);
    double mm = -1 / f;
    double ssq = 0;
    double sumLog = 0;
    int n = w.length;
    int last = r - 1;
    for (int t = 0; t < n; t++) {
      if (!(f > 0)) {
        return null;
      }
      double v = w[t] - mu - a[0];
      ssq += v * v / f;
      sumLog += Math.log(f);
      if (std != null) {
        std[t] = v / Math.sqrt(f);
      }
      double vf = v / f;
      // the last row of T has no 1 above the diagonal: its term is + 0, kept so that the
      // arithmetic (and the result) is that of the plain loop
      double a0 = a[0];
      for (int i = 0; i < last; i++) {
        next[i] = phi[i] * a0 + a[i + 1] + kv[i] * vf;
      }
      next[last] = phi[last] * a0 + 0.0 + kv[last] * vf;
      double[] tmp = a;
      a = next;
      next = tmp;
      double g = wv[0];
      if (g != 0) {
        double fNew = f + mm * g * g;
        for (int i = 0; i < last; i++) {
          tw[i] = phi[i] * g + wv[i + 1];
        }
        tw[last] = phi[last] * g + 0.0;
        for (int i = 0; i < r; i++) {
          kv[i] += tw[i] * mm * g;
        }
        for (int i = 0; i < r; i++) {
          wv[i] = tw[i] - kv[i] * g / fNew;
        }
        mm = mm * fNew / f;
        f = fNew;
      } else {
        for (int i = 0; i < last; i++) {
          tw[i] = phi[i] * g + wv[i + 1];
        }
        tw[last] = phi[last] * g + 0.0;
        System.arraycopy(tw, 0, wv, 0, r);
      }
    }
    if (state != null) {
      System.arraycopy(a, 0, state, 0, r);
    }
    return new double[] {ssq, sumLog};
  }

  /** Point forecasts of {@code w} for {@code horizon} steps from the predicted state. */
  double[] forecast(double[] state, double mu, int horizon) {
    double[] a = state.clone();
    double[] next = new double[r];
    double[] out = new double[horizon];
    for (int h = 0; h < horizon; h++) {
      out[h] = mu + a[0];
      for (int i = 0; i < r; i++) {
        next[i] = phi[i] * a[0] + (i + 1 < r ? a[i + 1] : 0);
      }
      double[] tmp = a;
      a = next;
      next = tmp;
    }
    return out;
  }
}
