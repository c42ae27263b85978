/** Accuracy metrics for point forecasts and intervals, including the M4 competition's. */
package org.shopcast.forecast.metrics;
