package org.shopcast.cli.generate;

/**
 * What {@code shopcast generate --json} prints.
 *
 * @param events events generated
 * @param users users generated
 * @param items distinct items among the events
 * @param seed the seed
 * @param out the file written, or {@code store} for {@code --into-store}
 * @param seconds wall time
 * @param profile {@code store} when fitted to the workspace's events, {@code built-in} otherwise
 * @param accepted events added to the store ({@code --into-store} only, else null)
 * @param duplicates generated rows the store already held or that repeat ({@code --into-store}
 *     only, else null)
 */
record GenerateReport(
    long events,
    long users,
    long items,
    long seed,
    String out,
    double seconds,
    String profile,
    Long accepted,
    Long duplicates) {}
