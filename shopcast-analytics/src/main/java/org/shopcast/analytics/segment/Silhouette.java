package org.shopcast.analytics.segment;

/**
 * The mean silhouette (Rousseeuw 1987) of points {@code sample} of a clustering: for point i, a =
 * mean distance to the other points of its cluster, b = the smallest mean distance to the points of
 * another cluster, s = (b - a) / max(a, b), and 0 for a point alone in its cluster. Distances are
 * Euclidean and taken among the sampled points only.
 */
final class Silhouette {
  private Silhouette() {}

  static double mean(double[][] x, int[] cluster, int[] sample) {
    int k = 0;
    for (int i : sample) {
      k = Math.max(k, cluster[i] + 1);
    }
    double total = 0;
    for (int i : sample) {
      double[] sum = new double[k];
      int[] count = new int[k];
      for (int j : sample) {
        if (i == j) {
          continue;
        }
        sum[cluster[j]] += distance(x[i], x[j]);
        count[cluster[j]]++;
      }
      int own = cluster[i];
      if (count[own] == 0) {
        continue;
      }
      double a = sum[own] / count[own];
      double b = Double.POSITIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        if (c != own && count[c] > 0) {
          b = Math.min(b, sum[c] / count[c]);
        }
      }
      if (Double.isInfinite(b)) {
        continue;
      }
      double m = Math.max(a, b);
      total += m == 0 ? 0 : (b - a) / m;
    }
    return total / sample.length;
  }

  private static double distance(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      s += d * d;
    }
    return Math.sqrt(s);
  }
}
