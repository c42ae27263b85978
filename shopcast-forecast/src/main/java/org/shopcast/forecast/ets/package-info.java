/** Exponential smoothing in the ETS state-space form, fitted by maximum likelihood, and AutoETS. */
package org.shopcast.forecast.ets;
