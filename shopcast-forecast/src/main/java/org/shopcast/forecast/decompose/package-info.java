/** Seasonal decompositions and seasonality tests used by several forecasters. */
package org.shopcast.forecast.decompose;
