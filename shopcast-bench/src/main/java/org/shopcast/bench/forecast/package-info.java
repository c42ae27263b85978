/** Forecast accuracy evaluations on the M4 competition data against its benchmarks and R. */
package org.shopcast.bench.forecast;
