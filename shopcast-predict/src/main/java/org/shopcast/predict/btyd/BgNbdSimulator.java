package org.shopcast.predict.btyd;

import java.util.AbstractList;
import java.util.SplittableRandom;

/**
 * Draws customer summaries from a BG/NBD model, following the model's story in Fader, Hardie &amp;
 * Lee (2005): each customer gets a purchase rate from gamma(r, alpha) and a dropout probability
 * from beta(a, b), buys as a Poisson process from time 0 to their age T, and after each repeat
 * purchase drops out with that probability. Ages are uniform in [minAge, maxAge] (CDNOW: 27-39
 * weeks, a 12-week acquisition window and a 39-week calibration). Used for scale checks and for
 * testing that fits recover known parameters. Deterministic for a given seed.
 */
public final class BgNbdSimulator {
  private BgNbdSimulator() {}

  /**
   * Simulates {@code customers} summaries.
   *
   * @throws IllegalArgumentException when customers &lt; 1 or the age range is empty or negative
   */
  public static CustomerSummary simulate(
      BgNbdModel model, int customers, double minAge, double maxAge, long seed) {
    if (customers < 1) {
      throw new IllegalArgumentException("customers must be >= 1, got " + customers);
    }
    if (!(minAge > 0 && maxAge >= minAge) || Double.isInfinite(maxAge)) {
      throw new IllegalArgumentException(
          "need 0 < minAge <= maxAge, got minAge=" + minAge + ", maxAge=" + maxAge);
    }
    SplittableRandom random = new SplittableRandom(seed);
    int[] x = new int[customers];
    double[] tx = new double[customers];
    double[] age = new double[customers];
    for (int i = 0; i < customers; i++) {
      double t = minAge + (maxAge - minAge) * random.nextDouble();
      double rate = gamma(random, model.r()) / model.alpha();
      double g1 = gamma(random, model.a());
      double dropout = g1 / (g1 + gamma(random, model.b()));
      double now = 0;
      int purchases = 0;
      double last = 0;
      while (true) {
        now += -Math.log(1 - random.nextDouble()) / rate;
        if (now > t) {
          break;
        }
        purchases++;
        last = now;
        if (random.nextDouble() < dropout) {
          break;
        }
      }
      x[i] = purchases;
      tx[i] = last;
      age[i] = t;
    }
    return CustomerSummary.of(
        "simulated bgnbd seed " + seed, new Ids(customers), x, tx, age, null, null);
  }

  /**
   * A gamma(shape, 1) draw by Marsaglia &amp; Tsang (2000), "A Simple Method for Generating Gamma
   * Variables", ACM TOMS 26(3); shapes below 1 use the boost gamma(shape + 1) * U^(1/shape).
   */
  static double gamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(random, shape + 1) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double z = normal(random);
      double v = 1 + c * z;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = random.nextDouble();
      if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) {
        return d * v;
      }
    }
  }

  private static double normal(SplittableRandom random) {
    // Marsaglia polar method; the second variate is dropped to keep the stream simple.
    while (true) {
      double u = 2 * random.nextDouble() - 1;
      double v = 2 * random.nextDouble() - 1;
      double s = u * u + v * v;
      if (s > 0 && s < 1) {
        return u * Math.sqrt(-2 * Math.log(s) / s);
      }
    }
  }

  /** Customer ids "1".."n" without storing them. */
  private static final class Ids extends AbstractList<String> {
    private final int size;

    Ids(int size) {
      this.size = size;
    }

    @Override
    public String get(int index) {
      return Integer.toString(index + 1);
    }

    @Override
    public int size() {
      return size;
    }
  }
}
