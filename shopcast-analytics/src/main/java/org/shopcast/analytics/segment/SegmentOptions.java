package org.shopcast.analytics.segment;

/**
 * Settings of the segmentation.
 *
 * @param minK the smallest number of clusters tried, at least 2
 * @param maxK the largest number of clusters tried, at least {@code minK}
 * @param seed the seed of k-means++ initialisation and of the silhouette sample
 * @param sample users sampled (deterministically by seed) to compute the silhouette, at least 10
 */
public record SegmentOptions(int minK, int maxK, long seed, int sample) {
  /** Validates the settings. */
  public SegmentOptions {
    if (minK < 2) {
      throw new IllegalArgumentException("minK must be >= 2, got " + minK);
    }
    if (maxK < minK) {
      throw new IllegalArgumentException("maxK must be >= minK (" + minK + "), got " + maxK);
    }
    if (sample < 10) {
      throw new IllegalArgumentException("sample must be >= 10, got " + sample);
    }
  }

  /** k from 2 to 8, seed 42, silhouette on up to 2,000 users. */
  public SegmentOptions() {
    this(2, 8, 42L, 2000);
  }
}
