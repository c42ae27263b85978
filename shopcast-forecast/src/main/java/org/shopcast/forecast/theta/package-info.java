/** The Theta method: standard (theta = 2) and optimised, on the seasonally adjusted series. */
package org.shopcast.forecast.theta;
