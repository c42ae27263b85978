package org.shopcast.forecast.neural;

import java.util.List;
import org.shopcast.forecast.Series;

/**
 * Sliding windows over scaled series. Each series is scaled by its own mean and standard deviation
 * ({@code z = (y - mean) / sd}). A window holds {@code w} inputs and the next {@code h} targets.
 * Per series the last {@code v} origins (v = clamp((n - w - 2h + 1) / 5, 1, h)) are validation
 * windows, whose targets cover the last {@code h + v - 1} values; training windows have every
 * target before the first validation target, so early stopping and the residual intervals are
 * measured on values the weights were not fitted to.
 */
final class Windows {
  final int w;
  final int h;
  final double[] mean;
  final double[] sd;
  final double[][] z;
  final int[] validation;
  final int[] trainSeries;
  final int[] trainOrigin;
  final int[] validSeries;
  final int[] validOrigin;

  private Windows(List<double[]> series, int w, int h) {
    this.w = w;
    this.h = h;
    int s = series.size();
    mean = new double[s];
    sd = new double[s];
    z = new double[s][];
    validation = new int[s];
    int trainCount = 0;
    int validCount = 0;
    for (int i = 0; i < s; i++) {
      double[] y = series.get(i);
      int n = y.length;
      double m = 0;
      for (double v : y) {
        m += v / n;
      }
      double ss = 0;
      for (double v : y) {
        ss += (v - m) * (v - m);
      }
      mean[i] = m;
      sd[i] = Math.sqrt(ss / n);
      z[i] = new double[n];
      for (int t = 0; t < n; t++) {
        z[i][t] = (y[t] - m) / sd[i];
      }
      validation[i] = Math.max(1, Math.min(h, (n - w - 2 * h + 1) / 5));
      trainCount += trainOrigins(i);
      validCount += validation[i];
    }
    trainSeries = new int[trainCount];
    trainOrigin = new int[trainCount];
    validSeries = new int[validCount];
    validOrigin = new int[validCount];
    int a = 0;
    int b = 0;
    for (int i = 0; i < s; i++) {
      int n = z[i].length;
      for (int k = 0; k < trainOrigins(i); k++) {
        trainSeries[a] = i;
        trainOrigin[a++] = w + k;
      }
      for (int k = validation[i]; k >= 1; k--) {
        validSeries[b] = i;
        validOrigin[b++] = n - h - k + 1;
      }
    }
  }

  /**
   * The windows of {@code series} for horizon {@code h} and input length {@code w}.
   *
   * @throws org.shopcast.forecast.ForecastException when a series is shorter than w + 2h, has a
   *     missing or infinite value, or is constant
   */
  static Windows of(List<double[]> series, int w, int h) {
    for (double[] y : series) {
      Series.checkLength(y, w + 2 * h, "gru");
      Series.checkNotConstant(y, "gru");
    }
    return new Windows(series, w, h);
  }

  private int trainOrigins(int i) {
    return z[i].length - 2 * h - validation[i] - w + 2;
  }

  /** Inputs of windows (series[k], origin[k]) for k in rows, as (rows, w, 1) row-major. */
  float[] inputs(int[] series, int[] origin, int[] rows) {
    float[] out = new float[rows.length * w];
    for (int k = 0; k < rows.length; k++) {
      double[] zs = z[series[rows[k]]];
      int start = origin[rows[k]] - w;
      for (int j = 0; j < w; j++) {
        out[k * w + j] = (float) zs[start + j];
      }
    }
    return out;
  }

  /** Targets of the windows, as (rows, h) row-major. */
  float[] targets(int[] series, int[] origin, int[] rows) {
    float[] out = new float[rows.length * h];
    for (int k = 0; k < rows.length; k++) {
      double[] zs = z[series[rows[k]]];
      int start = origin[rows[k]];
      for (int j = 0; j < h; j++) {
        out[k * h + j] = (float) zs[start + j];
      }
    }
    return out;
  }

  /** The last w scaled values of series i, the input of its forecast. */
  float[] last(int i) {
    float[] out = new float[w];
    int n = z[i].length;
    for (int j = 0; j < w; j++) {
      out[j] = (float) z[i][n - w + j];
    }
    return out;
  }
}
