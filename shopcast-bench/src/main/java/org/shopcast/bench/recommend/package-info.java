/** Recommendation benchmarks: training at 10M events against a scipy peer, lookups, latency. */
package org.shopcast.bench.recommend;
