package org.shopcast.recommend;

/**
 * One recommended item.
 *
 * @param item the item index
 * @param score the score of the model that proposed it
 * @param source the name of that model (the first one of the fallback chain that had it)
 */
public record Recommendation(int item, double score, String source) {}
