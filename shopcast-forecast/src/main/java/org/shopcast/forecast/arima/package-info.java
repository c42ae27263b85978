/** Seasonal ARIMA by conditional sum of squares and AutoARIMA (Hyndman &amp; Khandakar 2008). */
package org.shopcast.forecast.arima;
