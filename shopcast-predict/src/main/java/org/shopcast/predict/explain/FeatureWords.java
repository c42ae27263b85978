package org.shopcast.predict.explain;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plain-word descriptions of the point-in-time features, with their value. */
public final class FeatureWords {
  private static final Pattern WINDOWED = Pattern.compile("([a-z_]+)_(\\d+)d");

  private FeatureWords() {}

  /** E.g. {@code ("cart_add_7d", 3)} gives "3 cart adds in the last 7 days". */
  public static String describe(String feature, double value) {
    String v = format(value);
    switch (feature) {
      case "days_since_last_event":
        return v + " days since the last visit";
      case "tenure_days":
        return v + " days since the first visit";
      case "days_since_last_purchase":
        return v + " days since the last purchase";
      case "days_since_first_purchase":
        return v + " days since the first purchase";
      case "days_since_last_cart":
        return v + " days since the last cart add";
      case "orders":
        return v + " orders so far";
      case "purchase_days":
        return "bought on " + v + " different days";
      case "monetary_total":
        return v + " spent so far";
      case "avg_order_value":
        return v + " average order value";
      case "active_days":
        return "active on " + v + " days";
      case "sessions":
        return v + " sessions so far";
      case "events_total":
        return v + " events so far";
      default:
        break;
    }
    Matcher m = WINDOWED.matcher(feature);
    if (m.matches()) {
      String what = m.group(1);
      String days = m.group(2);
      String window = days.equals("1") ? "the last day" : "the last " + days + " days";
      String noun =
          switch (what) {
            case "view" -> "views";
            case "search" -> "searches";
            case "favorite" -> "favourites";
            case "cart_add" -> "cart adds";
            case "cart_remove" -> "cart removals";
            case "purchase" -> "purchases";
            case "return" -> "returns";
            case "sessions" -> "sessions";
            case "monetary" -> "spent";
            case "purchase_days" -> "purchase days";
            case "carts_without_purchase" -> "cart adds not bought";
            default -> what.replace('_', ' ');
          };
      return v + " " + noun + " in " + window;
    }
    return feature.replace('_', ' ') + " = " + v;
  }

  private static String format(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
