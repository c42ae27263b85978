package org.shopcast.recommend.eval;

/**
 * One model's figures from {@link NextItemEvaluator}, each a mean over the predictions.
 *
 * @param name the model name
 * @param recall Recall@K (= HitRate@K with one next item)
 * @param mrr MRR@K
 * @param ndcg NDCG@K
 * @param precision precision@K
 * @param coverage share of the catalogue (training items) that appears in at least one list
 * @param popularityBias mean over lists of the mean training popularity of the listed items,
 *     divided by the most popular item's (1 = recommends only the top item)
 * @param predictions how many next items were predicted
 * @param seconds wall time of fitting plus predicting
 */
public record ModelScore(
    String name,
    double recall,
    double mrr,
    double ndcg,
    double precision,
    double coverage,
    double popularityBias,
    long predictions,
    double seconds) {}
