/** Neural forecasters trained with DJL: a GRU over sliding windows of one or many series. */
package org.shopcast.forecast.neural;
