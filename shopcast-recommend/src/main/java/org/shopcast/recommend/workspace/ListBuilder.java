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
import org.shopcast.recommend.fbt.FbtModel;
import org.shopcast.recommend.knn.ItemKnnModel;
import org.shopcast.recommend.popular.PopularityModel;
import org.shopcast.recommend.popular.PopularityOptions;
import org.shopcast.recommend.session.Click;
import org.shopcast.recommend.session.ItemIndex;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Builds explained lists in one item index space with the cold-start fallback chain: the given
 * models' best items in turn, then popular in the category of the context's latest item, then
 * trending (7-day half-life). The one place lists are filled and explained, for the precomputed
 * lists of {@link RecsTrainer} and the live answers of {@link StoreRecommender}. Unlike {@link
 * org.shopcast.recommend.Recommendations#top} it selects only the {@code n} best per step and walks
 * the popularity lists lazily, so precomputing a list for every user stays linear in the users.
 * Every {@link Rules} setting applies, the per-category cap included. Thread-safe (one reused score
 * accumulator per thread).
 */
final class ListBuilder {
  private final ItemIndex items;
  private final ItemKnnModel knn;
  private final FbtModel fbt;
  private final PopularityModel popular;
  private final int[] popularRanked;
  private final int[] categoryOf;
  private final List<String> categories;
  private final int[][] rankedByCategory;
  private final ThreadLocal<Scores> scores;

  /**
   * @param data the training data whose index the models use
   * @param itemCategory the category of each item id that has one
   * @param knn an item-kNN model on the same index to explain item-kNN picks (or null)
   * @param fbt a bought-together model on the same index to explain its picks (or null)
   */
  ListBuilder(
      SessionDataset data, Map<String, String> itemCategory, ItemKnnModel knn, FbtModel fbt) {
    this.items = data.items();
    this.knn = knn;
    this.fbt = fbt;
    this.popular = PopularityModel.fit(data, PopularityOptions.trending(24 * 7));
    int size = items.size();
    this.scores = ThreadLocal.withInitial(() -> new Scores(size));
    this.categories = new ArrayList<>();
    Map<String, Integer> categoryIndex = new HashMap<>();
    categoryOf = new int[size];
    for (int i = 0; i < size; i++) {
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

  /** The trending model of the last fallback step (7-day half-life). */
  PopularityModel trending() {
    return popular;
  }

  /** The category index of each item (-1: none), for {@link Rules#categoryOf}. */
  int categoryOf(int item) {
    return categoryOf[item];
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

  /** As {@link #build(List, Context, int, Rules, String)} with one model before the fallbacks. */
  List<Explained> build(Recommender model, Context context, int n, Rules rules, String subject) {
    return build(List.of(model), context, n, rules, subject);
  }

  /**
   * The best {@code n} items for the context, never one {@code rules} rejects, each with its
   * reason: the models' picks in turn, then the fallbacks; {@code subject} is "you" for users and
   * sessions, "item" for lists about one item.
   */
  List<Explained> build(
      List<? extends Recommender> models, Context context, int n, Rules rules, String subject) {
    Picks picks = new Picks(n, context, rules);
    if (!context.isEmpty()) {
      Scores s = scores.get();
      for (Recommender model : models) {
        if (picks.full()) {
          break;
        }
        s.clear();
        model.score(context, s);
        int wanted = rules.perCategoryCap() > 0 ? s.size() : n - picks.out.size();
        for (int item : s.top(wanted, i -> picks.taken.contains(i) || rules.rejects(i, context))) {
          picks.offer(item, s.get(item), model.name(), subject);
        }
      }
      s.clear();
    }
    int last = context.lastItem();
    int category = last < 0 ? -1 : categoryOf[last];
    if (category >= 0) {
      picks.fill(rankedByCategory[category], "popular-in-category");
    }
    picks.fill(popularRanked, popular.name());
    return picks.out;
  }

  /** One list being filled under the rules and the per-category cap. */
  private final class Picks {
    final int n;
    final Context context;
    final Rules rules;
    final List<Explained> out;
    final Set<Integer> taken = new HashSet<>();
    final Map<Integer, Integer> perCategory = new HashMap<>();

    Picks(int n, Context context, Rules rules) {
      this.n = n;
      this.context = context;
      this.rules = rules;
      this.out = new ArrayList<>(n);
    }

    boolean full() {
      return out.size() >= n;
    }

    void offer(int item, double score, String source, String subject) {
      if (full() || taken.contains(item)) {
        return;
      }
      if (rules.perCategoryCap() > 0) {
        int c = rules.categoryOf().applyAsInt(item);
        if (c >= 0 && perCategory.getOrDefault(c, 0) >= rules.perCategoryCap()) {
          return;
        }
        perCategory.merge(c, 1, Integer::sum);
      }
      taken.add(item);
      out.add(new Explained(items.id(item), score, source, reason(item, source, context, subject)));
    }

    void fill(int[] ranked, String source) {
      for (int i = 0; i < ranked.length && !full(); i++) {
        int item = ranked[i];
        if (!taken.contains(item) && !rules.rejects(item, context)) {
          offer(item, popular.score(item), source, "");
        }
      }
    }
  }

  private String reason(int item, String source, Context context, String subject) {
    switch (source) {
      case "iknn":
        int because = knn == null ? -1 : strongestNeighbour(item, context);
        if (because >= 0) {
          String id = items.id(context.item(because));
          return "item".equals(subject)
              ? "often in the same sessions as " + id
              : "because you " + verb(context.type(because)) + " " + id;
        }
        return "similar to what you viewed";
      case "fbt":
        return boughtWith(item, context);
      case "uknn":
        return "liked by users whose history is like yours";
      case "als":
        return "fits the taste of your " + distinct(context) + " items (ALS factors)";
      case "vsknn":
        return "seen in sessions like this one";
      case "gru4rec":
        return "often next after a sequence like this one";
      case "popular-in-category":
        return "popular in category " + categories.get(categoryOf[item]);
      default:
        return "popular this week";
    }
  }

  /** "bought together with X in 37 orders", X the context item whose rule to {@code item} wins. */
  private String boughtWith(int item, Context context) {
    int bestItem = -1;
    int bestRank = -1;
    double best = Double.NEGATIVE_INFINITY;
    for (int i = context.size() - 1; fbt != null && i >= 0; i--) {
      int from = context.item(i);
      int rank = fbt.rankOf(from, item);
      if (rank >= 0 && fbt.measure(from, rank) > best) {
        best = fbt.measure(from, rank);
        bestItem = from;
        bestRank = rank;
      }
    }
    if (bestItem < 0) {
      return "bought together with what you chose";
    }
    int together = fbt.together(bestItem, bestRank);
    String unit = fbt.unit();
    String count = together + " " + (together == 1 ? unit.substring(0, unit.length() - 1) : unit);
    return "sessions".equals(unit)
        ? "in " + count + " with " + items.id(bestItem)
        : "bought together with " + items.id(bestItem) + " in " + count;
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
      int[] neighbours = knn.similarItems(context.item(i));
      for (int k = 0; k < neighbours.length; k++) {
        if (neighbours[k] == item && knn.similarity(context.item(i), k) > bestSim) {
          bestSim = knn.similarity(context.item(i), k);
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
