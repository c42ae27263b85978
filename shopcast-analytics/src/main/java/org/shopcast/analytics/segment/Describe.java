package org.shopcast.analytics.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Plain words for a centroid given in standard deviations from the mean user: a feature counts as
 * high above +0.5 and low below -0.5 (value above +1 for big spenders).
 */
final class Describe {
  private Describe() {}

  static String of(Map<String, Double> z) {
    List<String> words = new ArrayList<>();
    if (z.get("recency_days") > 0.5) {
      words.add("lapsed");
    } else if (z.get("recency_days") < -0.5) {
      words.add("recently active");
    }
    if (z.get("log_events") > 0.5) {
      words.add("frequent");
    } else if (z.get("log_events") < -0.5) {
      words.add("occasional");
    }
    if (z.get("night_share") > 0.5) {
      words.add("night");
    }
    if (z.get("weekend_share") > 0.5) {
      words.add("weekend");
    }
    boolean buyers = z.get("log_orders") > 0.5;
    if (buyers) {
      words.add("buyers");
    } else if (z.get("log_carts") > 0.5 || z.get("log_favourites") > 0.5) {
      words.add("shoppers");
    } else {
      words.add("browsers");
    }
    List<String> clauses = new ArrayList<>();
    if (!buyers && z.get("log_orders") < 0) {
      clauses.add("rarely buy");
    }
    if (z.get("log_value") > 1) {
      clauses.add("spend the most");
    }
    if (z.get("cart_abandonment") > 0.5) {
      clauses.add("abandon carts");
    }
    if (z.get("log_session_minutes") > 0.5) {
      clauses.add("stay long");
    }
    String text = String.join(" ", words);
    if (!clauses.isEmpty()) {
      text += " who " + String.join(" and ", clauses);
    }
    return text;
  }
}
