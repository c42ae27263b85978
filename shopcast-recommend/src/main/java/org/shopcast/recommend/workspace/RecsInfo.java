package org.shopcast.recommend.workspace;

import java.time.Instant;

/**
 * Provenance of one stored set of precomputed lists.
 *
 * @param model the model name (iknn, uknn, als, popular)
 * @param version the list version, unique in the workspace and rising with every train
 * @param trainedAt when the lists were committed
 * @param listLength the n the lists were built with
 * @param options the training settings as JSON
 * @param fingerprint the training data as JSON: events, users, items, time range and an
 *     order-independent hash of the event ids
 * @param users users with a list (the cold-start list not counted)
 * @param items items with a similar-items list
 * @param seconds wall time of training and writing
 */
public record RecsInfo(
    String model,
    long version,
    Instant trainedAt,
    int listLength,
    String options,
    String fingerprint,
    long users,
    long items,
    double seconds) {}
