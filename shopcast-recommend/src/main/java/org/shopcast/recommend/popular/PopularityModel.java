package org.shopcast.recommend.popular;

import java.util.Arrays;
import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.session.Session;
import org.shopcast.recommend.session.SessionDataset;

/**
 * Recommends what most sessions interacted with: the baseline every evaluation reports beside the
 * personalised models (Ludewig &amp; Jannach 2018 call it POP). With a half-life it is a trending
 * list; with item categories it answers "popular in this category", the middle step of the
 * cold-start fallback chain.
 */
public final class PopularityModel implements Recommender {
  private final double[] score;
  private final int[] ranked;
  private final String name;

  private PopularityModel(double[] score, String name) {
    this.score = score;
    this.name = name;
    Integer[] order = new Integer[score.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : a - b);
    ranked = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
  }

  /** Counts the training events (weighted as the options say). */
  public static PopularityModel fit(SessionDataset train, PopularityOptions options) {
    double[] score = new double[train.items().size()];
    long end = train.endTime();
    double halfLifeMs = options.halfLifeHours() * 3_600_000d;
    for (Session s : train.sessions()) {
      for (int i = 0; i < s.size(); i++) {
        double w = options.behaviourWeights() ? BehaviourWeights.of(s.type(i)) : 1;
        score[s.item(i)] += w * BehaviourWeights.decay(end - s.time(i), halfLifeMs);
      }
    }
    return new PopularityModel(score, options.halfLifeHours() > 0 ? "trending" : "popular");
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int itemCount() {
    return score.length;
  }

  /** The popularity score of {@code item}. */
  public double score(int item) {
    return score[item];
  }

  /**
   * The {@code n} most popular items that {@code keep} accepts, e.g. the items of one category
   * ("popular in category").
   */
  public int[] top(int n, java.util.function.IntPredicate keep) {
    int[] out = new int[Math.min(n, ranked.length)];
    int found = 0;
    for (int i = 0; i < ranked.length && found < out.length; i++) {
      if (score[ranked[i]] > 0 && keep.test(ranked[i])) {
        out[found++] = ranked[i];
      }
    }
    return Arrays.copyOf(out, found);
  }

  /** Items by falling popularity. */
  public int[] ranked() {
    return ranked.clone();
  }

  @Override
  public void score(Context context, Scores scores) {
    for (int item : ranked) {
      if (score[item] <= 0) {
        break;
      }
      scores.add(item, score[item]);
    }
  }
}
