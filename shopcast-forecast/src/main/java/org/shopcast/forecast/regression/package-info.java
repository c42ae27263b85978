/** Linear regression forecasting with trend, Fourier, calendar and external regressors. */
package org.shopcast.forecast.regression;
