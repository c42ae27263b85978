package org.shopcast.analytics.segment;

/** Z-scores per column: (x - mean) / standard deviation; a constant column becomes 0. */
final class Standardise {
  private Standardise() {}

  /** Standardises {@code x} by column, writing each column's mean and deviation. */
  static double[][] apply(double[][] x, double[] mean, double[] sd) {
    int n = x.length;
    int d = mean.length;
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[j] / n;
      }
    }
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        sd[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / n;
      }
    }
    for (int j = 0; j < d; j++) {
      sd[j] = Math.sqrt(sd[j]);
    }
    double[][] z = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        z[i][j] = sd[j] == 0 ? 0 : (x[i][j] - mean[j]) / sd[j];
      }
    }
    return z;
  }
}
