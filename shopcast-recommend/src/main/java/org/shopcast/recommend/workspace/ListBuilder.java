package org.shopcast.recommend.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.shopcast.core.event.EventType;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Rules;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Builds explained lists in one item index space with the cold-start fallback chain: the model's
 * best items, then popular in the category of the context's latest item, then trending (7-day
 * half-life). Unlike {@link org.shopcast.recommend.Recommendations#top} it selects only the {@code
 * n} best per step and walks the popularity lists lazily, so precomputing a list for every user
 * stays linear in the users. Not thread-safe (one reused score accumulator).
 */
final class ListBuilder {
  private final ItemIndex items;
  private final Recommender model;
  private final ItemKnnModel reasons;
  private final PopularityModel popular;
  private final int[] popularRanked;
  private final int[] categoryOf;
  private final List<String> categories;
  private final int[][] rankedByCategory;
  private final Scores scores;

  /**
   * @param data the training data whose index the model uses
   * @param model the first model of the chain
   * @param reasons an item-kNN model on the same index to explain item-kNN picks (or null)
   * @param itemCategory the category of each item id that has one
   */
  ListBuilder(
      SessionDataset data,
      Recommender model,
      ItemKnnModel reasons,
      Map<String, String> itemCategory) {
    this.items = data.items();
    this.model = model;
    this.reasons = reasons;
    this.popular = PopularityModel.fit(data, PopularityOptions.trending(24 * 7));
    this.scores = new Scores(items.size());
    this.categories = new ArrayList<>();
    Map<String, Integer> categoryIndex = new HashMap<>();
    categoryOf = new int[items.size()];
    for (int i = 0; i < categoryOf.length; i++) {
      String category = itemCategory.get(items.id(i));
      categoryOf[i] =
          category == null
              ? -1
              : categoryIndex.computeIfAbsent(
                  category,
                  c -> {
                    categories.add(c);
                    return categories.size() - 1;
                  });
    }
    popularRanked = popular.top(Integer.MAX_VALUE, i -> true);
    int[] sizes = new int[categories.size()];
    for (int item : popularRanked) {
      if (categoryOf[item] >= 0) {
        sizes[categoryOf[item]]++;
      }
    }
    rankedByCategory = new int[categories.size()][];
    for (int c = 0; c < sizes.length; c++) {
      rankedByCategory[c] = new int[sizes[c]];
    }
    int[] fill = new int[categories.size()];
    for (int item : popularRanked) {
      int c = categoryOf[item];
      if (c >= 0) {
        rankedByCategory[c][fill[c]++] = item;
      }
    }
  }

  /** The item index space of the lists. */
  ItemIndex items() {
    return items;
  }

  /** The context of {@code events} in this index (unknown items left out). */
  Context context(List<Click> events) {
    int known = 0;
    for (Click click : events) {
      if (items.indexOf(click.itemId()) >= 0) {
        known++;
      }
    }
    int[] ids = new int[known];
    EventType[] types = new EventType[known];
    long[] times = new long[known];
    int k = 0;
    for (Click click : events) {
      int item = items.indexOf(click.itemId());
      if (item >= 0) {
        ids[k] = item;
        types[k] = click.type();
        times[k++] = click.timeMillis();
      }
    }
    return Context.of(ids, types, times);
  }

  /**
   * The best {@code n} items for the context, never one {@code rules} rejects, each with its
   * reason; {@code subject} is "you" for users, "item" for similar items.
   */
  List<Explained> build(Context context, int n, Rules rules, String subject) {
    List<Explained> out = new ArrayList<>(n);
    Set<Integer> taken = new HashSet<>();
    scores.clear();
    if (!context.isEmpty()) {
      model.score(context, scores);
      for (int item : scores.top(n, i -> rules.rejects(i, context))) {
        taken.add(item);
        out.add(explain(item, scores.get(item), model.name(), context, subject));
      }
    }
    int last = context.lastItem();
    int category = last < 0 ? -1 : categoryOf[last];
    if (category >= 0) {
      fill(out, taken, rankedByCategory[category], n, context, rules, "popular-in-category");
    }
    fill(out, taken, popularRanked, n, context, rules, popular.name());
    return out;
  }

  private void fill(
      List<Explained> out,
      Set<Integer> taken,
      int[] ranked,
      int n,
      Context context,
      Rules rules,
      String source) {
    for (int i = 0; i < ranked.length && out.size() < n; i++) {
      int item = ranked[i];
      if (!taken.contains(item) && !rules.rejects(item, context)) {
        taken.add(item);
        out.add(explain(item, popular.score(item), source, context, ""));
      }
    }
  }

  private Explained explain(int item, double score, String source, Context context, String who) {
    return new Explained(items.id(item), score, source, reason(item, source, context, who));
  }

  private String reason(int item, String source, Context context, String subject) {
    switch (source) {
      case "iknn":
        int because = reasons == null ? -1 : strongestNeighbour(item, context);
        if (because >= 0) {
          String id = items.id(context.item(because));
          return "item".equals(subject)
              ? "often in the same sessions as " + id
              : "because you " + verb(context.type(because)) + " " + id;
        }
        return "similar to what you viewed";
      case "uknn":
        return "liked by users whose history is like yours";
      case "als":
        return "fits the taste of your " + distinct(context) + " items (ALS factors)";
      case "popular-in-category":
        return "popular in category " + categories.get(categoryOf[item]);
      default:
        return "popular this week";
    }
  }

  private static int distinct(Context context) {
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < context.size(); i++) {
      seen.add(context.item(i));
    }
    return seen.size();
  }

  /** The context position whose item lists {@code item} as the closest neighbour (-1: none). */
  private int strongestNeighbour(int item, Context context) {
    int best = -1;
    double bestSim = 0;
    for (int i = context.size() - 1; i >= 0; i--) {
      int[] neighbours = reasons.similarItems(context.item(i));
      for (int k = 0; k < neighbours.length; k++) {
        if (neighbours[k] == item && reasons.similarity(context.item(i), k) > bestSim) {
          bestSim = reasons.similarity(context.item(i), k);
          best = i;
        }
      }
    }
    return best;
  }

  private static String verb(EventType type) {
    return switch (type) {
      case FAVORITE -> "saved";
      case CART_ADD -> "added to cart";
      case PURCHASE -> "bought";
      default -> "viewed";
    };
  }
}
