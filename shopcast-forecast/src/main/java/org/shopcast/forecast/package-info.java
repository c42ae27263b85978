/**
 * Forecasting on plain {@code double[]} series: the {@link org.shopcast.forecast.Forecaster} API.
 */
package org.shopcast.forecast;
