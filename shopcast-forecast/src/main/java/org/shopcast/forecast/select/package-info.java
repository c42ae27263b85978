/** Model choice: the model registry, rolling-origin backtests, auto choice, ensembles, batches. */
package org.shopcast.forecast.select;
