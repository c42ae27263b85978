package org.shopcast.forecast.ets;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One member of the ETS family of Hyndman, Koehler, Ord &amp; Snyder (2008): error, trend and
 * season components. {@code ETS(A,N,N)} is simple exponential smoothing, {@code ETS(A,A,N)} Holt's
 * method, {@code ETS(A,Ad,N)} damped Holt, {@code ETS(A,A,A)} / {@code ETS(M,A,M)} Holt-Winters.
 *
 * @param error additive or multiplicative error
 * @param trend none, additive or additive damped trend
 * @param season none, additive or multiplicative season
 */
public record EtsSpec(char error, Trend trend, char season) {
  /** The trend component. */
  public enum Trend {
    /** No trend. */
    N,
    /** Additive trend. */
    A,
    /** Additive damped trend. */
    Ad
  }

  /** Validates the component letters. */
  public EtsSpec {
    if (error != 'A' && error != 'M') {
      throw new IllegalArgumentException("error must be A or M, got " + error);
    }
    if (season != 'N' && season != 'A' && season != 'M') {
      throw new IllegalArgumentException("season must be N, A or M, got " + season);
    }
  }

  /** Parses {@code "MAdM"}, {@code "ANN"}, {@code "A,Ad,N"}. */
  public static EtsSpec parse(String text) {
    String t = text.replace(",", "").replace("ETS(", "").replace(")", "").trim();
    String u = t.toUpperCase(Locale.ROOT);
    if (u.length() == 4 && u.charAt(2) == 'D') {
      return new EtsSpec(u.charAt(0), Trend.Ad, u.charAt(3));
    }
    if (u.length() == 3) {
      return new EtsSpec(u.charAt(0), Trend.valueOf(u.substring(1, 2)), u.charAt(2));
    }
    throw new IllegalArgumentException(
        "ETS model must look like ANN, AAdN or MAM, got '" + text + "'");
  }

  /** Whether the model is seasonal. */
  public boolean seasonal() {
    return season != 'N';
  }

  /** Whether any component is multiplicative (needs positive data). */
  public boolean multiplicative() {
    return error == 'M' || season == 'M';
  }

  /** Whether the model is linear (analytic prediction intervals). */
  public boolean linear() {
    return error == 'A' && season != 'M';
  }

  /**
   * The models AutoETS considers, as R's {@code ets()} with {@code restrict = TRUE} and no
   * multiplicative trend: additive error with multiplicative season is left out (numerically
   * unstable); multiplicative models only for positive data; seasonal ones only when {@code m > 1}.
   */
  public static List<EtsSpec> candidates(boolean seasonal, boolean positive) {
    List<EtsSpec> out = new ArrayList<>();
    for (char e : new char[] {'A', 'M'}) {
      for (Trend t : Trend.values()) {
        for (char s : new char[] {'N', 'A', 'M'}) {
          if ((s != 'N' && !seasonal)
              || (e == 'A' && s == 'M')
              || (!positive && (e == 'M' || s == 'M'))) {
            continue;
          }
          out.add(new EtsSpec(e, t, s));
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "ETS(" + error + "," + trend + "," + season + ")";
  }
}
