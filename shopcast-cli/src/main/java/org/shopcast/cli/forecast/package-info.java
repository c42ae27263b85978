/** The {@code shopcast forecast} and {@code shopcast backtest} commands on series files. */
package org.shopcast.cli.forecast;
