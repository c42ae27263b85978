package org.shopcast.recommend.popular;

import org.shopcast.core.event.EventType;

/**
 * How much one event says about interest in its item: view 1 &lt; favourite 2 &lt; cart 3 &lt;
 * purchase 4 (searches, cart removals and returns 0). The ordering follows the usual implicit
 * feedback practice (Hu, Koren &amp; Volinsky 2008 treat stronger actions as higher confidence).
 */
public final class BehaviourWeights {
  private BehaviourWeights() {}

  /** The weight of one event of {@code type}. */
  public static double of(EventType type) {
    return switch (type) {
      case VIEW -> 1;
      case FAVORITE -> 2;
      case CART_ADD -> 3;
      case PURCHASE -> 4;
      case SEARCH, CART_REMOVE, RETURN -> 0;
    };
  }

  /** Exponential time decay {@code 0.5^(ageMs / halfLifeMs)}; 1 when the half-life is 0. */
  public static double decay(long ageMs, double halfLifeMs) {
    if (halfLifeMs <= 0) {
      return 1;
    }
    return Math.pow(0.5, Math.max(0, ageMs) / halfLifeMs);
  }
}
