package org.shopcast.data.generate;

/** Derives independent seeds and scrambled ids from a base seed with a 64-bit finaliser. */
final class Seeds {
  private Seeds() {}

  /**
   * A well-mixed 64-bit value of {@code seed} and {@code index}: Stafford's "Mix13" variant of the
   * MurmurHash3 finaliser, as used by {@link java.util.SplittableRandom}.
   */
  static long mix(long seed, long index) {
    long z = seed + (index + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A bijective scramble of {@code n} in [0, 2^32) to a 32-bit id, distinct per {@code odd}. */
  static long id(long n, long odd) {
    return (n * odd) & 0xFFFFFFFFL;
  }
}
