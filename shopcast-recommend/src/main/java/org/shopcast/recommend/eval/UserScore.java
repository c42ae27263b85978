package org.shopcast.recommend.eval;

/**
 * One model's figures from {@link UserEvaluation}, each a mean over the evaluated users.
 *
 * @param name the model name
 * @param hitRate HitRate@K: share of users with at least one relevant item in the list
 * @param recall Recall@K: share of the user's relevant items in the list
 * @param mrr MRR@K
 * @param ndcg NDCG@K (binary relevance)
 * @param precision precision@K
 * @param coverage share of the training items that appear in at least one list
 * @param popularityBias mean over lists of the mean training popularity (event count) of the listed
 *     items, divided by the most popular item's (1 = only the top item)
 * @param users how many users were evaluated
 * @param seconds wall time of fitting plus listing
 */
public record UserScore(
    String name,
    double hitRate,
    double recall,
    double mrr,
    double ndcg,
    double precision,
    double coverage,
    double popularityBias,
    long users,
    double seconds) {}
