package org.shopcast.recommend.workspace;

/**
 * One recommended item with the reason it was chosen.
 *
 * @param itemId the item
 * @param score the score of the model that proposed it
 * @param source that model: iknn, vsknn, popular-in-category or popular
 * @param reason a short human reason, e.g. "because you viewed 2333346"
 */
public record Explained(String itemId, double score, String source, String reason) {}
