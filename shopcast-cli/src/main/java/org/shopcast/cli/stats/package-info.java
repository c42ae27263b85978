/** The {@code shopcast stats} command. */
package org.shopcast.cli.stats;
