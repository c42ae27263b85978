/** Reading series from CSV files in long, wide and M4 layouts. */
package org.shopcast.forecast.io;
