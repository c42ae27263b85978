/** The {@code shopcast evaluate} parent command; each area adds its own subcommand. */
package org.shopcast.cli.evaluate;
