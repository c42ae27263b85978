package org.shopcast.data.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.shopcast.data.store.EventStore;

/**
 * What synthetic events imitate: the shape of a shop's behaviour log, fitted by SQL from the
 * store's events (see {@link #fit(EventStore, String)}) or the built-in default fitted once from
 * the real Taobao sample ({@link #defaultTaobao()}). Persisted as versioned JSON.
 *
 * @param version format version of the persisted profile
 * @param provenance where the profile was fitted from
 * @param activity events per user
 * @param mix behaviour shares
 * @param funnel funnel rates and how often an action follows an earlier one on the same item
 * @param items item popularity
 * @param categories category popularity
 * @param sessions session lengths and gaps
 * @param time the time window and its daily and hourly volume profile
 */
public record Profile(
    int version,
    Provenance provenance,
    Activity activity,
    Mix mix,
    Funnel funnel,
    Popularity items,
    Popularity categories,
    Sessions sessions,
    TimeProfile time) {

  /** The persisted format version this build reads and writes. */
  public static final int VERSION = 1;

  private static final String DEFAULT_RESOURCE = "taobao-default-profile.json";

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .findAndRegisterModules()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  /** Checks that no part is missing and the version is known. */
  public Profile {
    if (version != VERSION) {
      throw new IllegalArgumentException("profile version must be " + VERSION + ", got " + version);
    }
    Objects.requireNonNull(provenance, "provenance");
    Objects.requireNonNull(activity, "activity");
    Objects.requireNonNull(mix, "mix");
    Objects.requireNonNull(funnel, "funnel");
    Objects.requireNonNull(items, "items");
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(sessions, "sessions");
    Objects.requireNonNull(time, "time");
  }

  /**
   * Fits a profile to the VIEW, CART_ADD, FAVORITE and PURCHASE events with an item in {@code
   * store} (the behaviours the Taobao format carries).
   *
   * @param source words naming what the store holds, kept as provenance
   * @throws IllegalArgumentException when the store holds no such events
   */
  public static Profile fit(EventStore store, String source) {
    return ProfileFitter.fit(store.connection(), source);
  }

  /** The built-in profile, fitted from the bundled real Taobao sample (see its provenance). */
  public static Profile defaultTaobao() {
    try (InputStream in = Profile.class.getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + DEFAULT_RESOURCE + " missing from the jar");
      }
      return MAPPER.readValue(in, Profile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
    }
  }

  /** Reads a profile written by {@link #toJson()}. */
  public static Profile fromJson(String json) {
    try {
      return MAPPER.readValue(json, Profile.class);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot parse profile JSON", e);
    }
  }

  /** This profile as pretty-printed JSON. */
  public String toJson() {
    try {
      return MAPPER.writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write profile JSON", e);
    }
  }

  /**
   * Where a profile comes from.
   *
   * @param source what was fitted (file, dataset, licence note)
   * @param events events fitted
   * @param users users fitted
   */
  public record Provenance(String source, long events, long users) {
    /** Validates the counts. */
    public Provenance {
      Objects.requireNonNull(source, "source");
      if (events < 1 || users < 1) {
        throw new IllegalArgumentException(
            "events and users must be >= 1, got " + events + " and " + users);
      }
    }
  }

  /**
   * Events per user: a lognormal fitted to the logarithm of the per-user counts, drawn values
   * rounded and kept in {@code [1, maxEvents]}.
   *
   * @param logMean mean of ln(events per user)
   * @param logSd standard deviation of ln(events per user)
   * @param maxEvents the most events one generated user may have
   */
  public record Activity(double logMean, double logSd, long maxEvents) {
    /** Validates the parameters. */
    public Activity {
      if (!(logSd >= 0) || !Double.isFinite(logMean) || maxEvents < 1) {
        throw new IllegalArgumentException(
            "activity needs finite logMean, logSd >= 0 and maxEvents >= 1, got "
                + logMean
                + ", "
                + logSd
                + ", "
                + maxEvents);
      }
    }
  }

  /**
   * Behaviour shares, summing to 1.
   *
   * @param view share of VIEW (Taobao {@code pv})
   * @param cart share of CART_ADD ({@code cart})
   * @param favorite share of FAVORITE ({@code fav})
   * @param purchase share of PURCHASE ({@code buy})
   */
  public record Mix(double view, double cart, double favorite, double purchase) {
    /** Checks the shares lie in [0, 1] and sum to 1. */
    public Mix {
      for (double share : new double[] {view, cart, favorite, purchase}) {
        if (!(share >= 0 && share <= 1)) {
          throw new IllegalArgumentException("mix shares must be in [0, 1], got " + share);
        }
      }
      double sum = view + cart + favorite + purchase;
      if (Math.abs(sum - 1) > 1e-6) {
        throw new IllegalArgumentException("mix shares must sum to 1, got " + sum);
      }
    }
  }

  /**
   * Funnel rates over (user, item) pairs, and how often an action follows an earlier one by the
   * same user on the same item (the generator's item reuse rates). All values in [0, 1].
   *
   * @param viewToCart share of viewed pairs carted at or after the first view
   * @param cartToPurchase share of carted pairs bought at or after the first cart
   * @param cartAfterView share of cart events whose item the user viewed before
   * @param favoriteAfterView share of favourite events whose item the user viewed before
   * @param purchaseAfterCart share of purchase events whose item the user carted before
   * @param purchaseAfterView share of the other purchase events whose item the user viewed before
   */
  public record Funnel(
      double viewToCart,
      double cartToPurchase,
      double cartAfterView,
      double favoriteAfterView,
      double purchaseAfterCart,
      double purchaseAfterView) {
    /** Checks every rate lies in [0, 1]. */
    public Funnel {
      for (double rate :
          new double[] {
            viewToCart,
            cartToPurchase,
            cartAfterView,
            favoriteAfterView,
            purchaseAfterCart,
            purchaseAfterView
          }) {
        if (!(rate >= 0 && rate <= 1)) {
          throw new IllegalArgumentException("funnel rates must be in [0, 1], got " + rate);
        }
      }
    }
  }

  /**
   * Zipf-like popularity of items or categories.
   *
   * @param distinct distinct keys in the fitted events
   * @param exponent Zipf exponent: minus the slope of ln(count) on ln(rank)
   * @param growth Heaps exponent: distinct keys grow as events^growth, used to size the catalogue
   *     for another number of events
   */
  public record Popularity(long distinct, double exponent, double growth) {
    /** Validates the parameters. */
    public Popularity {
      if (distinct < 1 || !(exponent >= 0) || !(growth >= 0 && growth <= 1)) {
        throw new IllegalArgumentException(
            "popularity needs distinct >= 1, exponent >= 0, growth in [0, 1], got "
                + distinct
                + ", "
                + exponent
                + ", "
                + growth);
      }
    }

    /** Catalogue size for {@code events} generated events when {@code fitted} were fitted. */
    public long scaledTo(long events, long fitted) {
      double scaled = distinct * Math.pow((double) events / fitted, growth);
      return Math.max(1, Math.min(Math.round(scaled), Math.min(events, 100_000_000L)));
    }
  }

  /**
   * Sessions (30-minute inactivity gap, as the store derives them).
   *
   * @param meanEvents mean events per session
   * @param zeroGapShare share of within-session gaps of zero seconds
   * @param gapLogMean mean of ln(seconds) of the positive within-session gaps
   * @param gapLogSd standard deviation of ln(seconds) of the positive within-session gaps
   * @param medianSessionGapSeconds median gap between a user's sessions (reported; the generator
   *     places sessions by the daily and hourly profile)
   */
  public record Sessions(
      double meanEvents,
      double zeroGapShare,
      double gapLogMean,
      double gapLogSd,
      double medianSessionGapSeconds) {
    /** Validates the parameters. */
    public Sessions {
      if (!(meanEvents >= 1) || !(zeroGapShare >= 0 && zeroGapShare <= 1) || !(gapLogSd >= 0)) {
        throw new IllegalArgumentException(
            "sessions need meanEvents >= 1, zeroGapShare in [0, 1], gapLogSd >= 0, got "
                + meanEvents
                + ", "
                + zeroGapShare
                + ", "
                + gapLogSd);
      }
    }
  }

  /**
   * The time window (whole UTC hours) and its volume profile.
   *
   * @param start first hour of the window
   * @param end end of the window (exclusive)
   * @param daily share of events on each 24-hour day counted from {@code start}
   * @param hourly share of events in each UTC hour of the day (24 values)
   */
  public record TimeProfile(Instant start, Instant end, List<Double> daily, List<Double> hourly) {
    /** Checks the window and the profile lengths. */
    public TimeProfile {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(end, "end");
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("start must be before end, got " + start + ", " + end);
      }
      long days = (end.getEpochSecond() - start.getEpochSecond() + 86_399) / 86_400;
      if (daily.size() != days || hourly.size() != 24) {
        throw new IllegalArgumentException(
            "time profile needs "
                + days
                + " daily and 24 hourly shares, got "
                + daily.size()
                + " and "
                + hourly.size());
      }
      daily = List.copyOf(daily);
      hourly = List.copyOf(hourly);
    }
  }
}
