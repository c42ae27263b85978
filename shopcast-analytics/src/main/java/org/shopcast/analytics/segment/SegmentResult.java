package org.shopcast.analytics.segment;

import java.util.List;
import java.util.Map;

/**
 * The chosen segmentation.
 *
 * @param k the number of clusters chosen (highest mean silhouette)
 * @param seed the seed used
 * @param silhouette the mean silhouette of each k tried (k to score)
 * @param features the feature names, in centroid order
 * @param segments one row per cluster: segment (0-based), users, share, description, centroid
 *     (feature means in original units) and z (the centroid in standard deviations)
 */
public record SegmentResult(
    int k,
    long seed,
    Map<Integer, Double> silhouette,
    List<String> features,
    List<Map<String, Object>> segments) {
  /** Copies the collections. */
  public SegmentResult {
    silhouette = Map.copyOf(silhouette);
    features = List.copyOf(features);
    segments = List.copyOf(segments);
  }
}
