/** Vector autoregression over several series forecast together. */
package org.shopcast.forecast.var;
