package org.shopcast.recommend.workspace;

import org.shopcast.recommend.Context;
import org.shopcast.recommend.Recommender;
import org.shopcast.recommend.Scores;
import org.shopcast.recommend.popular.PopularityModel;

/** Popularity restricted to one category: the middle step of the cold-start fallback chain. */
final class CategoryPopularity implements Recommender {
  private final PopularityModel popularity;
  private final int[] categoryOf;
  private final int category;

  CategoryPopularity(PopularityModel popularity, int[] categoryOf, int category) {
    this.popularity = popularity;
    this.categoryOf = categoryOf;
    this.category = category;
  }

  @Override
  public String name() {
    return "popular-in-category";
  }

  @Override
  public int itemCount() {
    return popularity.itemCount();
  }

  @Override
  public void score(Context context, Scores scores) {
    if (category < 0) {
      return;
    }
    for (int item : popularity.top(Integer.MAX_VALUE, i -> categoryOf[i] == category)) {
      scores.add(item, popularity.score(item));
    }
  }
}
