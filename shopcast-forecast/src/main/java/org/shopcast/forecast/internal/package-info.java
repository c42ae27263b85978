/** Helpers shared by the forecasters: bounded minimisation with Hipparchus, quantiles. */
package org.shopcast.forecast.internal;
