package org.shopcast.data.generate;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulates one user's events from a {@link Profile}: a lognormal number of events, split into
 * sessions of geometric length that start at times drawn from the daily and hourly profile, with
 * lognormal gaps inside a session; then, in time order, behaviours drawn from the mix and items
 * drawn from Zipf popularity or, at the fitted funnel rates, reused from the user's earlier views
 * and carts. Holds only the current user's events.
 */
final class UserSimulator {
  static final byte VIEW = 0;
  static final byte CART = 1;
  static final byte FAVORITE = 2;
  static final byte PURCHASE = 3;

  private static final int MAX_GAP_SECONDS = 1799;
  private static final int RECENT = 32;

  private final Profile profile;
  private final double[] mixCumulative;
  private final double[] hourCumulative;
  private final long startSecond;
  private final long endSecond;
  private final ZipfSampler items;
  private final ZipfSampler categories;
  private final long categorySeed;
  private final double sessionContinue;

  private long[] times = new long[256];
  private byte[] types = new byte[256];
  private long[] ranks = new long[256];
  private final long[] viewed = new long[RECENT];
  private final long[] carted = new long[RECENT];
  private int viewedCount;
  private int cartedCount;

  UserSimulator(Profile profile, long itemCount, long categoryCount, long seed) {
    this.profile = profile;
    Profile.Mix mix = profile.mix();
    this.mixCumulative =
        cumulative(new double[] {mix.view(), mix.cart(), mix.favorite(), mix.purchase()});
    Profile.TimeProfile time = profile.time();
    this.startSecond = time.start().getEpochSecond();
    this.endSecond = time.end().getEpochSecond();
    this.hourCumulative = cumulative(hourWeights(time, startSecond, endSecond));
    this.items = new ZipfSampler(itemCount, profile.items().exponent());
    this.categories = new ZipfSampler(categoryCount, profile.categories().exponent());
    this.categorySeed = Seeds.mix(seed, -1);
    this.sessionContinue = 1 - 1 / profile.sessions().meanEvents();
  }

  private static double[] hourWeights(Profile.TimeProfile time, long start, long end) {
    int hours = (int) ((end - start) / 3600);
    double[] weights = new double[hours];
    List<Double> daily = time.daily();
    List<Double> hourly = time.hourly();
    for (int h = 0; h < hours; h++) {
      long second = start + 3600L * h;
      int day = (int) ((second - start) / 86_400);
      weights[h] = daily.get(day) * hourly.get((int) Math.floorMod(second / 3600, 24L));
    }
    if (Arrays.stream(weights).sum() <= 0) {
      Arrays.fill(weights, 1);
    }
    return weights;
  }

  private static double[] cumulative(double[] weights) {
    double[] out = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      out[i] = sum;
    }
    for (int i = 0; i < out.length; i++) {
      out[i] /= sum;
    }
    out[out.length - 1] = 1;
    return out;
  }

  private static int pick(double[] cumulative, double u) {
    int i = Arrays.binarySearch(cumulative, u);
    int index = i >= 0 ? i : -i - 1;
    return Math.min(index, cumulative.length - 1);
  }

  /** Draws how many events a user has, in [1, the profile's maximum]. */
  long drawEventCount(SplittableRandom random) {
    Profile.Activity activity = profile.activity();
    double drawn = Math.exp(activity.logMean() + activity.logSd() * random.nextGaussian());
    return Math.max(1, Math.min(activity.maxEvents(), Math.round(drawn)));
  }

  /** Simulates {@code n} events; read them with {@link #time}, {@link #type}, {@link #rank}. */
  void simulate(int n, SplittableRandom random) {
    ensureCapacity(n);
    placeTimes(n, random);
    viewedCount = 0;
    cartedCount = 0;
    Profile.Funnel funnel = profile.funnel();
    for (int i = 0; i < n; i++) {
      byte type = (byte) pick(mixCumulative, random.nextDouble());
      long rank;
      switch (type) {
        case CART -> {
          rank = reuse(viewed, viewedCount, funnel.cartAfterView(), random);
          carted[cartedCount++ % RECENT] = rank;
        }
        case FAVORITE -> rank = reuse(viewed, viewedCount, funnel.favoriteAfterView(), random);
        case PURCHASE ->
            rank =
                cartedCount > 0 && random.nextDouble() < funnel.purchaseAfterCart()
                    ? recent(carted, cartedCount, random)
                    : reuse(viewed, viewedCount, funnel.purchaseAfterView(), random);
        default -> {
          rank = items.sample(random);
          viewed[viewedCount++ % RECENT] = rank;
        }
      }
      types[i] = type;
      ranks[i] = rank;
    }
  }

  private long reuse(long[] recent, int count, double rate, SplittableRandom random) {
    if (count > 0 && random.nextDouble() < rate) {
      return recent(recent, count, random);
    }
    return items.sample(random);
  }

  private static long recent(long[] recent, int count, SplittableRandom random) {
    return recent[random.nextInt(Math.min(count, RECENT))];
  }

  private void placeTimes(int n, SplittableRandom random) {
    Profile.Sessions sessions = profile.sessions();
    int i = 0;
    while (i < n) {
      int hour = pick(hourCumulative, random.nextDouble());
      long t = startSecond + 3600L * hour + random.nextInt(3600);
      int first = i;
      times[i++] = t;
      while (i < n && random.nextDouble() < sessionContinue) {
        long gap = 0;
        if (random.nextDouble() >= sessions.zeroGapShare()) {
          double drawn =
              Math.exp(sessions.gapLogMean() + sessions.gapLogSd() * random.nextGaussian());
          gap = Math.max(1, Math.min(MAX_GAP_SECONDS, Math.round(drawn)));
        }
        t += gap;
        times[i++] = t;
      }
      long overflow = times[i - 1] - (endSecond - 1);
      if (overflow > 0) {
        for (int j = first; j < i; j++) {
          times[j] = Math.max(startSecond, times[j] - overflow);
        }
      }
    }
    Arrays.sort(times, 0, n);
  }

  private void ensureCapacity(int n) {
    if (times.length < n) {
      int size = Math.max(n, times.length * 2);
      times = new long[size];
      types = new byte[size];
      ranks = new long[size];
    }
  }

  long time(int i) {
    return times[i];
  }

  byte type(int i) {
    return types[i];
  }

  long rank(int i) {
    return ranks[i];
  }

  /** The category rank of an item, the same for every user (a function of seed and item). */
  long categoryOf(long itemRank) {
    return categories.sample(new SplittableRandom(Seeds.mix(categorySeed, itemRank)));
  }
}
