/** MSTL: STL decompositions for several seasonal periods and the forecaster built on them. */
package org.shopcast.forecast.mstl;
