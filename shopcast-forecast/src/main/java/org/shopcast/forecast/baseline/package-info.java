/** Benchmark forecasters: naive, seasonal naive, drift, averages and the M4 Naive2. */
package org.shopcast.forecast.baseline;
