package org.shopcast.data.generate;

/**
 * What one generation produced.
 *
 * @param events events written
 * @param users users with at least one event
 * @param items distinct items among the events
 * @param seed the seed used
 */
public record GenerateResult(long events, long users, long items, long seed) {}
