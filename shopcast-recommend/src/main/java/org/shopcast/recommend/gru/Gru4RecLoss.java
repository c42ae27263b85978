package org.shopcast.recommend.gru;

/**
 * The ranking loss GRU4Rec trains with. Both score each example's target against the other targets
 * of the session-parallel mini-batch plus extra negatives sampled in proportion to {@code
 * support^alpha} (Hidasi &amp; Karatzoglou 2018, section 3.1).
 */
public enum Gru4RecLoss {
  /**
   * Softmax cross-entropy over the candidates (the target and all negatives): {@code -log
   * softmax(r)_target}.
   */
  CROSS_ENTROPY,
  /**
   * BPR-max (Hidasi &amp; Karatzoglou 2018, eq. 11): {@code -log Σ_j s_j σ(r_i - r_j) + λ Σ_j s_j
   * r_j²}, with {@code s} the softmax over the negatives' scores, so the loss concentrates on the
   * negatives scored highest.
   */
  BPR_MAX;

  /** Parses {@code cross-entropy} or {@code bpr-max} (case-insensitive). */
  public static Gru4RecLoss parse(String text) {
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-')) {
      case "cross-entropy", "ce" -> CROSS_ENTROPY;
      case "bpr-max" -> BPR_MAX;
      default ->
          throw new IllegalArgumentException(
              "loss must be cross-entropy or bpr-max, got '" + text + "'");
    };
  }
}
