/** The {@code shopcast import} command. */
package org.shopcast.cli.importing;
